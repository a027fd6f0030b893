import type { Core } from '@strapi/strapi';
import { PublicForbiddenError } from '../../../../tenancy/server/src/utils/public-forbidden';
import { checkMonthlyLimit, periodKey } from '../domain/monthly-limits';
import { ACCOUNT_UID, SUBSCRIPTION_UID } from '../domain/uids';

/**
 * Monthly plan-limit counters (content words, images, ideas...), one row per account, period and
 * metric. `consume` checks and counts in one statement: the conditional upsert only increments when
 * the result stays within the plan's limit, so concurrent consumers can never overshoot it. Counters
 * of a new period start at zero because the period's start is part of the key.
 */
export const createMonthlyUsageService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function context(accountId: number, at: Date) {
    const account = await strapi.db.query(ACCOUNT_UID).findOne({ where: { id: accountId }, select: ['id'], populate: { plan: { select: ['monthlyLimits'] } } });
    const sub = await strapi.db.query(SUBSCRIPTION_UID).findOne({ where: { account: { id: accountId } }, select: ['currentPeriodStart', 'currentPeriodEnd'] });
    const start = sub?.currentPeriodStart ? new Date(sub.currentPeriodStart) : null;
    const end = sub?.currentPeriodEnd ? new Date(sub.currentPeriodEnd) : null;
    return { limits: (account?.plan?.monthlyLimits ?? null) as Record<string, number> | null, period: periodKey(at, start, end) };
  }

  return {
    /** Counts `amount` of `metric` for the account, or 403 naming the limit if it would go over. */
    async consume(input: { accountId: number; metric: string; amount: number; at?: Date }) {
      const { limits, period } = await context(input.accountId, input.at ?? new Date());
      const allowed = checkMonthlyLimit(limits, input.metric, 0, input.amount).allowed;
      const refuse = async () => {
        const used = await this.used(input.accountId, input.metric, input.at);
        throw new PublicForbiddenError(`Monthly limit ${input.metric} reached: ${used} of ${allowed} used this period, ${input.amount} more requested`, {
          limit: input.metric,
          allowed,
          used,
          requested: input.amount,
        });
      };
      // More than the whole allowance can never fit (and the insert below would not check it).
      if (allowed !== null && input.amount > allowed) return refuse();
      const { rows } = await strapi.db.connection.raw(
        `INSERT INTO plan_limit_usage AS u (account_id, period_start, metric, used) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, period_start, metric) DO UPDATE SET used = u.used + EXCLUDED.used, updated_at = now()
           WHERE ?::bigint IS NULL OR u.used + EXCLUDED.used <= ?::bigint
         RETURNING used`,
        [input.accountId, period, input.metric, input.amount, allowed, allowed]
      );
      if (!rows.length) return refuse();
      return { metric: input.metric, used: Number(rows[0].used), allowed, period };
    },

    async used(accountId: number, metric: string, at?: Date) {
      const { period } = await context(accountId, at ?? new Date());
      const { rows } = await strapi.db.connection.raw('SELECT used FROM plan_limit_usage WHERE account_id = ? AND period_start = ? AND metric = ?', [accountId, period, metric]);
      return rows[0] ? Number(rows[0].used) : 0;
    },

    /** Every metric of the plan with its use this period (for the tenant's usage page and monitoring). */
    async summary(accountId: number, at?: Date) {
      const { limits, period } = await context(accountId, at ?? new Date());
      const { rows } = await strapi.db.connection.raw('SELECT metric, used FROM plan_limit_usage WHERE account_id = ? AND period_start = ?', [accountId, period]);
      const used = Object.fromEntries(rows.map((r: any) => [r.metric, Number(r.used)]));
      const metrics = new Set([...Object.keys(limits ?? {}), ...Object.keys(used)]);
      return { period, metrics: [...metrics].sort().map((metric) => ({ metric, used: used[metric] ?? 0, allowed: limits?.[metric] ?? null })) };
    },
  };
};

export type MonthlyUsageService = ReturnType<typeof createMonthlyUsageService>;
