import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { validate } from '../../../../../lib/validate';
import { getAuditService } from '../../../../audit/server/src/utils/get-service';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { runKeysetBatches, runsInline } from '../domain/batches';
import { getCreditsService } from '../../../../credits/server/src/utils/get-service';
import type { BatchOutcome, BulkActionDefinition, CreditEstimate, DryRunResult, ResolvedSelection, RowFailure, SelectionInput } from '../domain/types';
import { getService } from '../utils/get-service';

export const BULK_QUEUE = 'bulk-actions';
const DEFAULT_BATCH = 10_000;
/** The fused path writes up to this many rows per statement (a few hundred milliseconds of row locks). */
const FUSED_BATCH = 50_000;

export interface RunRequest {
  actionId: string;
  input: SelectionInput;
  params: unknown;
  reason?: string | null;
  user: { id: number; email?: string | null };
  userAbility: any;
}

/**
 * Dry runs and runs. Every request is authorised here, not in the browser: the action applies to
 * the type, the user holds the action's admin permission and the Content Manager permission, the
 * parameters pass the action's schema, a reason is given when required. Fewer than 1,000 rows run
 * inline; more run as a Bull job that carries only the run id (the run row holds the resolved
 * selection). Each keyset batch is its own short transaction; a failed batch is reported row by row
 * and the run goes on.
 */
export const createRunnerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = () => getService(strapi, 'registry');
  const selections = () => getService(strapi, 'selection');
  const runs = () => getService(strapi, 'runs');

  async function prepare(request: RunRequest) {
    const uid = request.input.uid;
    selections().model(uid);
    if (!registry().has(request.actionId)) throw new errors.NotFoundError(`Unknown bulk action ${request.actionId}`);
    const action = registry().get(request.actionId) as BulkActionDefinition<any>;
    if (!registry().applies(action, uid)) throw new errors.ValidationError(`action: ${action.id} does not apply to ${uid}`);
    if (!request.userAbility.can(action.permission)) throw new errors.ForbiddenError(`You may not run "${action.label}"`);
    const { params } = validate(z.object({ params: registry().paramsFor(action, uid) }), { params: request.params ?? {} });
    const reason = request.reason?.trim() || null;
    if (action.reasonRequired && !reason) {
      throw new errors.ValidationError('reason: is required for this action', { errors: [{ path: ['reason'], message: 'is required for this action', name: 'ValidationError' }] });
    }
    await action.validate?.({ uid, params });
    const selection = await selections().resolve({ input: request.input, userAbility: request.userAbility, cmAction: action.cmAction, scope: action.scope });
    const extra = action.where?.(params, uid);
    const matched = await selections().count(selection);
    const willChange = extra ? await selections().count(selection, extra) : matched;
    return { action, uid, params, reason, selection, extra, matched, willChange };
  }

  const withDocumentIds = async (uid: string, failures: RowFailure[]) => {
    const missing = failures.filter((f) => !f.documentId).map((f) => f.id);
    if (!missing.length) return failures;
    const table = (strapi.db.metadata.get(uid) as any).tableName;
    const { rows } = await strapi.db.connection.raw('SELECT id, document_id FROM ?? WHERE id = ANY(?::int[])', [table, missing]);
    const byId = new Map(rows.map((r: any) => [Number(r.id), r.document_id]));
    return failures.map((f) => (f.documentId ? f : { ...f, documentId: (byId.get(f.id) as string) ?? null }));
  };

  /** Rows that would change, per owning account (tenant-owned types): one grouped query over the selection. */
  const perAccount = async (selection: ResolvedSelection, extra?: Record<string, unknown>) => {
    const link = (strapi.plugin('tenancy').service('schema') as any).table(selection.uid).link as { table: string; ownerColumn: string; accountColumn: string } | undefined;
    if (!link) return [];
    const where = extra ? { $and: [selection.where, extra] } : selection.where;
    const ids = (strapi.db as any).queryBuilder(selection.uid).select('id').where(where).getKnexQuery();
    const { rows } = await strapi.db.connection.raw(`SELECT l.?? AS account_id, count(*)::int AS n FROM (?) s JOIN ?? l ON l.?? = s.id GROUP BY 1 ORDER BY 2 DESC`, [link.accountColumn, ids, link.table, link.ownerColumn]);
    return rows.map((r: any) => ({ accountId: Number(r.account_id), items: Number(r.n) }));
  };

  /** Prices a credit-spending action per account against each balance (credits `pricing.estimateBatch`). */
  const estimate = async (action: BulkActionDefinition<any>, p: { uid: string; params: any; selection: ResolvedSelection; extra?: Record<string, unknown> }): Promise<NonNullable<DryRunResult['estimate']>> => {
    const spec = action.credits!(p.params, p.uid);
    const pricing = getCreditsService(strapi, 'pricing');
    const groups = await perAccount(p.selection, p.extra);
    const all: CreditEstimate[] = [];
    for (const g of groups) {
      const e = await pricing.estimateBatch({ accountId: g.accountId, operation: spec.operation, items: g.items, perItem: spec.perItem, model: spec.model ?? null });
      all.push({ accountId: g.accountId, items: g.items, credits: e.credits, available: e.available, shortBy: e.shortBy, fits: e.fits });
    }
    // Accounts that cannot pay first, then the biggest spenders: what staff must look at before running.
    const shown = [...all].sort((a, b) => Number(a.fits) - Number(b.fits) || b.credits - a.credits).slice(0, 50);
    const names = shown.length ? await strapi.db.query('api::account.account').findMany({ where: { id: { $in: shown.map((e) => e.accountId) } }, select: ['id', 'name'] }) : [];
    const nameOf = new Map((names as Array<{ id: number; name: string }>).map((a) => [a.id, a.name]));
    return {
      operation: spec.operation,
      credits: all.reduce((sum, e) => sum + e.credits, 0),
      accounts: all.length,
      short: all.filter((e) => !e.fits).length,
      perAccount: shown.map((e) => ({ ...e, accountName: nameOf.get(e.accountId) ?? null })),
    };
  };

  return {
    async dryRun(request: RunRequest): Promise<DryRunResult & { inline: boolean }> {
      const p = await prepare(request);
      const base: DryRunResult = { matched: p.matched, willChange: p.willChange };
      const result = p.action.dryRun
        ? await p.action.dryRun({ uid: p.uid, params: p.params, matched: p.matched, willChange: p.willChange, countWhere: (where) => selections().count(p.selection, p.extra ? { $and: [p.extra, where] } : where) })
        : base;
      if (p.action.credits) {
        const cost = await estimate(p.action, p);
        const notes = [...(result.notes ?? []), `Costs ${cost.credits} credits (${cost.operation}) across ${cost.accounts} account${cost.accounts === 1 ? '' : 's'}.`];
        if (cost.short) notes.push(`${cost.short} account${cost.short === 1 ? ' does' : 's do'} not have enough credits available; their rows will fail.`);
        return { ...result, notes, estimate: cost, inline: runsInline(result.willChange) };
      }
      return { ...result, inline: runsInline(result.willChange) };
    },

    async run(request: RunRequest) {
      const p = await prepare(request);
      const mode = runsInline(p.willChange) ? 'inline' : 'job';
      const resolved: Omit<ResolvedSelection, 'uid'> = { where: p.selection.where, ...(p.selection.search ? { search: p.selection.search } : {}), mode: p.selection.mode };
      const run = await runs().create({
        action: p.action.id,
        uid: p.uid,
        adminUserId: request.user.id,
        actor: `admin:${request.user.id}`,
        actorEmail: request.user.email ?? null,
        selection: request.input,
        resolved,
        params: p.params,
        reason: p.reason,
        mode,
        matched: p.matched,
        total: p.willChange,
      });
      if (mode === 'inline') return this.execute(run.id);
      try {
        const job = await getQueueService(strapi).add(BULK_QUEUE, 'run', { runId: run.id }, { jobId: `bulk-run-${run.id}`, attempts: 1 });
        await runs().update(run.id, { job_id: String(job.id) });
      } catch (error) {
        await runs().update(run.id, { status: 'failed', error: (error as Error).message, finished_at: strapi.db.connection.fn.now() });
        throw error;
      }
      return runs().get(run.id);
    },

    /** Runs (or finishes) a recorded run. Idempotent on a finished run; stops between batches on cancel. */
    async execute(runId: number, hooks: { progress?: (percent: number) => Promise<unknown> } = {}) {
      const run = await runs().get(runId);
      if (['completed', 'cancelled', 'failed'].includes(run.status)) return run;
      const now = strapi.db.connection.fn.now();
      if (run.cancelRequested) {
        await runs().update(runId, { status: 'cancelled', finished_at: now });
        return runs().get(runId);
      }
      await runs().update(runId, { status: 'running', started_at: run.startedAt ?? now });
      const action = registry().get(run.action) as BulkActionDefinition<any>;
      const selection: ResolvedSelection = { uid: run.contentType, ...run.resolved };
      const extra = action.where?.(run.params, run.contentType);
      const ctx = { runId, actor: run.actor, adminUserId: run.adminUserId ?? 0, reason: run.reason };
      // Whatever the handlers change through services or SQL is audited as this run, with its reason.
      const auditContext = { actor: run.actor, actorEmail: run.actorEmail, reason: run.reason, source: 'bulk' as const, details: { runId, bulkAction: run.action } };
      const trail = getAuditService(strapi, 'trail');
      let processed = 0;
      let status: 'completed' | 'cancelled' | 'failed' = 'completed';
      let error: string | null = null;
      try {
        const sql = getService(strapi, 'sql');
        if (action.columns && !selection.search && sql.fusable(run.contentType)) {
          // One statement per batch: page, update, progress and the cancel flag (see sql.setColumnsBatch).
          const values = action.columns(run.params, run.contentType);
          const where = extra ? { $and: [selection.where, extra] } : selection.where;
          const limit = action.batchSize ?? FUSED_BATCH;
          let after = 0;
          for (;;) {
            const batch = await trail.withContext(auditContext, () => sql.setColumnsBatch({ uid: run.contentType, where, after, limit, values, adminUserId: ctx.adminUserId, runId }));
            processed += batch.ids;
            if (batch.ids) await hooks.progress?.(Math.min(100, Math.round((processed * 100) / Math.max(run.total, 1))));
            if (batch.ids < limit) break;
            if (batch.cancel) {
              status = 'cancelled';
              break;
            }
            after = batch.last;
          }
        } else {
          const result = await runKeysetBatches({
            batchSize: action.batchSize ?? DEFAULT_BATCH,
            nextIds: (after, limit) => selections().nextIds(selection, after, limit, extra),
            stop: () => runs().cancelRequested(runId),
            work: async (ids) => {
              let outcome: BatchOutcome;
              try {
                const args = { uid: run.contentType, ids, params: run.params, ctx };
                outcome = await trail.withContext<BatchOutcome>(auditContext, async () =>
                  action.transactional === false ? action.handler(args) : ((await strapi.db.transaction(({ trx }) => action.handler({ ...args, trx }))) as BatchOutcome)
                );
              } catch (e) {
                strapi.log.warn(`[bulk-actions] run ${runId} batch of ${ids.length} failed: ${(e as Error).message}`);
                outcome = { changed: 0, failures: ids.map((id) => ({ id, reason: (e as Error).message })) };
              }
              const failures = await withDocumentIds(run.contentType, outcome.failures ?? []);
              await runs().addFailures(runId, failures);
              await runs().addProgress(runId, { processed: ids.length, changed: outcome.changed, failed: failures.length });
              processed += ids.length;
              await hooks.progress?.(Math.min(100, Math.round((processed * 100) / Math.max(run.total, 1))));
            },
          });
          if (result.stopped) status = 'cancelled';
        }
      } catch (e) {
        status = 'failed';
        error = (e as Error).message;
        strapi.log.error(`[bulk-actions] run ${runId} failed: ${error}`);
      }
      await runs().update(runId, { status, error, finished_at: strapi.db.connection.fn.now() });
      const finished = await runs().get(runId);
      // One entry per run in the audit trail, beside the per-row diffs of audited types.
      await trail
        .record([
          {
            actor: run.actor,
            actorEmail: run.actorEmail,
            source: 'bulk',
            action: `bulk:${run.action}`,
            contentType: run.contentType,
            changes: {},
            reason: run.reason,
            details: { runId, status, mode: run.mode, params: run.params, matched: finished.matched, total: finished.total, processed: finished.processed, changed: finished.changed, failed: finished.failed, selection: run.selection },
          },
        ])
        .catch((e) => strapi.log.error(`[bulk-actions] run ${runId}: could not write the audit entry: ${(e as Error).message}`));
      return finished;
    },

    /** Asks a run to stop: a queued job is removed at once, a running one stops before its next batch. */
    async cancel(runId: number) {
      const run = await runs().get(runId);
      if (['completed', 'cancelled', 'failed'].includes(run.status)) return run;
      await runs().update(runId, { cancel_requested: true });
      if (run.status === 'queued' && run.jobId) {
        const job = await getQueueService(strapi).get(BULK_QUEUE).getJob(run.jobId);
        const state = await job?.getState();
        if (job && (state === 'waiting' || state === 'delayed')) {
          await job.remove();
          await runs().update(runId, { status: 'cancelled', finished_at: strapi.db.connection.fn.now() });
        }
      }
      return runs().get(runId);
    },
  };
};

export type RunnerService = ReturnType<typeof createRunnerService>;
