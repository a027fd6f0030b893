import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PublicForbiddenError } from '../utils/public-forbidden';
import { ACCOUNT_UID, PLAN_UID } from '../domain/constants';
import { checkPlanLimit, planLimitMessage, type PlanLimitDefinition } from '../domain/plan-limits';
import { getService } from '../utils/get-service';

/**
 * Registry of per-plan record caps (extension point: other plugins `register()` their own) and the
 * check that enforces them. The check locks the account row, so two concurrent creates cannot both
 * take the last free slot; call it inside the transaction that creates the record.
 */
export const createPlanLimitsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const limits = new Map<string, PlanLimitDefinition>();

  return {
    register(definition: PlanLimitDefinition) {
      if (limits.has(definition.uid)) throw new Error(`A plan limit for ${definition.uid} is already registered`);
      if (!(strapi.contentTypes as unknown as Record<string, unknown>)[PLAN_UID]) throw new Error('Plan content type missing');
      limits.set(definition.uid, definition);
    },
    get: (uid: string) => limits.get(uid),
    all: () => [...limits.values()],

    /** Throws 403 naming the limit when one more `uid` record would exceed the account's plan. */
    async assertRoom({ uid, accountId, trx }: { uid: string; accountId: number; trx: any }) {
      const definition = limits.get(uid);
      if (!definition) return;
      const accounts = strapi.db.metadata.get(ACCOUNT_UID);
      const plans = strapi.db.metadata.get(PLAN_UID);
      const planLink = (accounts.attributes.plan as any).joinTable;
      const limitColumn = (plans.attributes[definition.planField] as { columnName?: string }).columnName ?? definition.planField;
      // Lock the account row: concurrent creates for one account queue here, so the count below is exact.
      const planRow = await trx(`${accounts.tableName} as a`)
        .leftJoin(`${planLink.name} as pl`, `pl.${planLink.joinColumn.name}`, 'a.id')
        .leftJoin(`${plans.tableName} as p`, 'p.id', `pl.${planLink.inverseJoinColumn.name}`)
        .where('a.id', accountId)
        .forUpdate('a')
        .first('p.name as planName', `p.${limitColumn} as cap`);
      if (!planRow) throw new errors.NotFoundError('Account not found');
      const used = await getService(strapi, 'ownership').countForAccount({ uid, accountId, trx });
      const check = checkPlanLimit({ limit: planRow.cap, used });
      if (!check.allowed) {
        throw new PublicForbiddenError(planLimitMessage({ definition, planName: planRow.planName ?? 'current', limit: check.limit! }), {
          limit: definition.planField,
          allowed: check.limit,
          used: check.used,
          plan: planRow.planName,
        });
      }
    },
  };
};

export type PlanLimitsService = ReturnType<typeof createPlanLimitsService>;
