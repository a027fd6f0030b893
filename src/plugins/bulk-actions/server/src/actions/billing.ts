import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getCreditsService } from '../../../../credits/server/src/utils/get-service';
import type { PaymentsService } from '../../../../billing/server/src/services/payments';
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

export const billingActions = (strapi: Core.Strapi): BulkActionDefinition<any>[] => [adjustCredits(strapi), decide(strapi, 'approve'), decide(strapi, 'reject')];
