import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getCreditsService } from '../../../../credits/server/src/utils/get-service';
import type { PaymentsService } from '../../../../billing/server/src/services/payments';
import type { SubscriptionsService } from '../../../../billing/server/src/services/subscriptions';
import { errors } from '@strapi/utils';
import { perRecord } from './per-record';
import type { BulkActionDefinition, RowFailure } from '../domain/types';
import { PERMISSIONS } from './permissions';

const ACCOUNT = 'api::account.account';
const PAYMENT = 'plugin::billing.payment';

/**
 * Credit and payment actions go through the credits ledger and the billing service, one record at a
 * time, because each movement must lock its account row, write ledger entries and honour an
 * idempotency key. They run outside a batch transaction (the services open their own) and in
 * smaller batches. The idempotency key is per account per run, so a retried job never adds twice.
 */
const adjustCredits = (strapi: Core.Strapi): BulkActionDefinition<{ pool: 'plan' | 'bonus'; amount: number }> => ({
  id: 'adjust-credits',
  label: 'Add or subtract credits',
  description: 'A signed staff adjustment on one pool of every selected account, with a reason, through the credits ledger.',
  contentTypes: [ACCOUNT],
  params: z
    .object({
      pool: z.enum(['plan', 'bonus']).default('bonus').describe('pool'),
      amount: z.number().int('must be a whole number').min(-10_000_000).max(10_000_000).refine((n) => n !== 0, 'must not be 0').describe('credits (negative subtracts)'),
    })
    .strict(),
  reasonRequired: true,
  permission: PERMISSIONS.credits,
  cmAction: 'update',
  undoable: false,
  transactional: false,
  batchSize: 500,
  dryRun: async ({ params, matched, willChange, countWhere }) => {
    const notes = [`${params.amount > 0 ? 'Adds' : 'Subtracts'} ${Math.abs(params.amount)} ${params.pool} credits on ${willChange} accounts (${Math.abs(params.amount) * willChange} in total).`];
    if (params.amount < 0) {
      const short = await countWhere({ [params.pool === 'plan' ? 'planCredits' : 'bonusCredits']: { $lt: -params.amount } });
      if (short) notes.push(`${short} accounts have fewer than ${-params.amount} ${params.pool} credits and will be reported as failed.`);
    }
    return { matched, willChange, notes };
  },
  handler: async ({ ids, params, ctx }) => {
    const ledger = getCreditsService(strapi, 'ledger');
    const failures: RowFailure[] = [];
    let changed = 0;
    for (const accountId of ids) {
      try {
        const result = await ledger.adjust({ accountId, pool: params.pool, amount: params.amount, reason: ctx.reason!, idempotencyKey: `bulk-run:${ctx.runId}:${accountId}`, actor: ctx.actor, reference: { type: 'bulk-run', id: ctx.runId } });
        if (!result.replayed) changed += 1;
      } catch (error) {
        failures.push({ id: accountId, reason: (error as Error).message });
      }
    }
    return { changed, failures };
  },
});

const decide = (strapi: Core.Strapi, decision: 'approve' | 'reject'): BulkActionDefinition<{ notes?: string }> => ({
  id: `${decision}-payments`,
  label: decision === 'approve' ? 'Approve payments' : 'Reject payments',
  description: decision === 'approve' ? 'Approves pending manual payments (credits and invoices follow, as on the approval desk).' : 'Rejects pending manual payments with a reason.',
  contentTypes: [PAYMENT],
  params: z.object({ notes: z.string().max(2000).optional().describe('notes') }).strict(),
  reasonRequired: decision === 'reject',
  permission: 'plugin::billing.payments.approve',
  // The billing service enforces the payment rules; staff need not edit payments in the CM.
  cmAction: 'read',
  undoable: false,
  variant: decision === 'reject' ? 'danger' : 'default',
  transactional: false,
  batchSize: 100,
  where: () => ({ status: 'pending_approval' }),
  handler: async ({ ids, params, ctx }) => {
    const payments = strapi.plugin('billing').service('payments') as PaymentsService;
    const results = await payments.decideMany({ action: decision, paymentIds: ids, actor: ctx.actor, reason: ctx.reason ?? undefined, notes: params.notes ?? null });
    const failures: RowFailure[] = [];
    let changed = 0;
    for (const r of results as any[]) {
      if (r.error) failures.push({ id: r.paymentId, reason: r.error.message });
      else if (r.changed !== false) changed += 1;
    }
    return { changed, failures };
  },
});

/**
 * Upgrade (or change) plan through billing's plan change path: per account, in its own transaction,
 * `subscriptions.requestPlan` issues the invoice for the new plan; approval of its payment switches the
 * plan and grants its credits (billing invariant 1). Accounts already on the plan are skipped.
 */
const upgradePlan = (strapi: Core.Strapi): BulkActionDefinition<{ plan: string }> => {
  const plan = async (slug: string) => {
    const row = await strapi.db.query('api::plan.plan').findOne({ where: { slug, isActive: true }, select: ['id', 'price'] });
    if (!row) throw new errors.ValidationError('params.plan: no active plan with this slug', { errors: [{ path: ['params', 'plan'], message: 'no active plan with this slug', name: 'ValidationError' }] });
    if (Number(row.price) <= 0) throw new errors.ValidationError('params.plan: free plans need no invoice; downgrades take effect at renewal', { errors: [{ path: ['params', 'plan'], message: 'must be a paid plan', name: 'ValidationError' }] });
    return row;
  };
  return {
    id: 'upgrade-plan',
    label: 'Upgrade plan',
    description: "Issues each selected account an invoice for the chosen plan (billing's plan change); the plan and its credits apply when the payment is approved.",
    contentTypes: [ACCOUNT],
    params: z.object({ plan: z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be a plan slug').describe('plan slug') }).strict(),
    reasonRequired: true,
    permission: PERMISSIONS.credits,
    cmAction: 'update',
    undoable: false,
    transactional: false,
    batchSize: 100,
    validate: async ({ params }) => void (await plan(params.plan)),
    where: ({ plan: slug }) => ({ $or: [{ plan: { id: { $null: true } } }, { plan: { slug: { $ne: slug } } }] }),
    handler: ({ uid, ids, params, ctx }) => {
      const subscriptions = strapi.plugin('billing').service('subscriptions') as SubscriptionsService;
      return perRecord(strapi, { uid, ids, select: ['isSystem'] }, async (row) => {
        if (row.isSystem) throw new Error('the system account is protected');
        // Billing's requestPlan takes no idempotency key, so the run claims `bulk-run:<runId>:<accountId>`
        // in the invoice's own transaction: a re-executed run finds the claim and issues no second
        // invoice; a failed request rolls the claim back with the invoice, so a retry may issue it.
        return strapi.db.transaction(async ({ trx }) => {
          const claimed = await trx.raw(`INSERT INTO bulk_action_keys (key, run_id) VALUES (?, ?) ON CONFLICT (key) DO NOTHING RETURNING 1`, [`bulk-run:${ctx.runId}:${row.id}`, ctx.runId]);
          if (!claimed.rows.length) return false;
          await subscriptions.requestPlan(trx as any, { accountId: row.id, planSlug: params.plan, actor: ctx.actor });
          return true;
        });
      });
    },
  };
};

export const billingActions = (strapi: Core.Strapi): BulkActionDefinition<any>[] => [adjustCredits(strapi), decide(strapi, 'approve'), decide(strapi, 'reject'), upgradePlan(strapi)];
