import { createHash, randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { paginationMeta } from '../../../../../lib/pagination';
import { validate } from '../../../../../lib/validate';
import { creditsFor } from '../../../../credits/server/src/domain/pricing';
import { getCreditsService } from '../../../../credits/server/src/utils/get-service';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { getService as getSettingsService } from '../../../../settings/server/src/utils/get-service';
import type { AiConfig } from '../config';
import type { AnyOperation } from '../operations/operation';
import { IDEMPOTENCY_INDEX, jobIdFor, QUEUE, RUN_UID, reserveKey, runJobFor, type RunStatus } from '../utils/constants';
import { getService } from '../utils/get-service';
import { pricingFor } from './pricing-lookup';

export interface StartArgs {
  accountId: number;
  function: string;
  /** documentIds of the operation's input records, all owned by the account. */
  recordIds: string[];
  /** Registry name of the provider (`openai-chat`, `anthropic-messages`, ...); the operation's default otherwise. */
  provider?: string;
  model?: string;
  options?: unknown;
  /** The client's Idempotency-Key: the same key with the same request replays the first run. */
  idempotencyKey?: string;
  /** `user:<id>`, `key:<id>`, `admin:<id>`, `system`. */
  requestedBy: string;
}

/** What a run job carries: ids and the run's key, never records. */
export interface RunJobData {
  runId: number;
  idempotencyKey: string;
  /**
   * The run's function, so the worker can load the run's records in the statement that claims it
   * (see the engine's `claim`). A hint only: the run row decides, and jobs without it still run.
   */
  function?: string;
}

/** 409: an idempotency key reused for another request, or a run in the wrong state for the action. */
export class RunConflictError extends Error {
  readonly status = 409;
  readonly expose = true;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

const fieldError = (field: string, message: string) => new errors.ValidationError(`${field}: ${message}`, { errors: [{ path: [field], message, name: 'ValidationError' }] });

const DEFAULT_PROVIDER: Record<string, string> = { chat: 'openai-chat', image: 'openai-images' };
const TERMINAL: RunStatus[] = ['succeeded', 'failed', 'cancelled'];

/** A run as the API shows it (internal keys and bodies only in `detail`). */
export const runView = (run: any, detail = false) => ({
  id: run.id,
  function: run.function,
  status: run.status,
  accountId: run.accountId,
  recordIds: run.inputIds ?? [],
  options: run.options ?? {},
  provider: run.provider ?? null,
  model: run.model ?? null,
  keySource: run.keySource ?? null,
  prompt: run.promptType ? { type: run.promptType, source: run.promptSource, version: run.promptVersion } : null,
  progress: run.progress ?? null,
  estimate: { credits: run.estimatedCredits ?? 0 },
  credits: run.credits ?? 0,
  inputTokens: run.inputTokens ?? 0,
  outputTokens: run.outputTokens ?? 0,
  usdCost: Number(run.usdCost ?? 0),
  attempts: run.attempts ?? 0,
  round: run.round ?? 0,
  produced: run.produced ?? [],
  error: run.error ? { kind: run.errorKind, reason: run.errorReason, message: run.error } : null,
  phases: run.phases ?? [],
  requestedBy: run.requestedBy ?? null,
  createdAt: run.createdAt,
  startedAt: run.startedAt ?? null,
  finishedAt: run.finishedAt ?? null,
  durationMs: run.durationMs ?? null,
  ...(detail ? { requestBody: run.requestBody ?? null, responseBody: run.responseBody ?? null } : {}),
});

/**
 * Starting, following, cancelling and retrying runs. A start validates the request and the records'
 * ownership, prices the estimate, then in ONE transaction creates the run and reserves its credits
 * (a 402 leaves nothing behind); only after that commits is the job enqueued, from `enqueue()`, the one
 * place that adds run jobs.
 */
export const createRunsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => strapi.db.query(RUN_UID as any);
  const config = () => strapi.config.get('plugin::ai') as AiConfig;
  const ledger = () => getCreditsService(strapi, 'ledger');

  const operationOf = (name: string): AnyOperation => {
    const registry = getService(strapi, 'registry').operations;
    if (!registry.has(name)) throw fieldError('function', `unknown AI function; one of ${registry.names().join(', ')}`);
    return registry.get(name);
  };

  /** The one place run jobs are enqueued (after commit). `fairnessKey` lets the queue share workers fairly between accounts. */
  async function enqueue(run: { id: number; documentId: string; idempotencyKey: string; accountId: number; function: string; round?: number }) {
    const job = runJobFor(run);
    try {
      await getQueueService(strapi).add(QUEUE, job.jobName, job.data satisfies RunJobData, { jobId: job.jobId, fairnessKey: job.fairnessKey });
    } catch (error) {
      // No job will ever run it: fail the run and give the hold back, then answer 503.
      await service.fail(run.id, { kind: 'transient', reason: 'queue_unavailable', message: `Not started: ${(error as Error).message}` });
      throw error;
    }
  }

  async function estimateFor(op: AnyOperation, items: unknown[], opts: unknown, accountId: number, providerName: string | null, model: string | null) {
    if (op.kind === 'none' || !op.pricing) return { credits: 0, model: null as string | null };
    const provider = providerName ? getService(strapi, 'registry').providers.get(providerName) : null;
    let modelName = model;
    if (!modelName && provider) {
      const effective = await getSettingsService(strapi, 'resolver').effective(accountId);
      const values = Object.fromEntries(Object.entries(effective.integration).map(([k, v]) => [k, (v as any).value]));
      modelName = provider.defaultModel(values);
    }
    const { cost, model: priced } = await pricingFor(strapi, { operation: op.pricing, model: modelName, type: op.kind === 'image' ? 'image' : 'text' });
    const credits = items.reduce<number>((sum, item) => sum + creditsFor(cost, op.estimate(item, opts), priced), 0);
    return { credits, model: modelName };
  }

  const service = {
    enqueue,

    async start(args: StartArgs) {
      const op = operationOf(args.function);
      const opts = validate(z.object({ options: op.options }), { options: args.options ?? undefined }).options;
      if (!args.recordIds.length) throw fieldError('recordIds', 'at least one record id is required');
      if (args.recordIds.length > op.maxRecords) throw fieldError('recordIds', `at most ${op.maxRecords} records per ${op.name} run`);
      const recordIds = [...new Set(args.recordIds)];
      let providerName: string | null = null;
      if (op.kind !== 'none') {
        providerName = args.provider ?? DEFAULT_PROVIDER[op.kind];
        const providers = getService(strapi, 'registry').providers;
        if (!providers.has(providerName) || providers.get(providerName).kind !== op.kind) {
          const fitting = providers.list().filter((p) => p.kind === op.kind).map((p) => p.name);
          throw fieldError('provider', `must be one of ${fitting.join(', ')} for ${op.name}`);
        }
      } else if (args.provider || args.model) {
        throw fieldError(args.provider ? 'provider' : 'model', `${op.name} does not call an AI provider`);
      }

      const key = `${args.accountId}:${args.idempotencyKey ?? randomUUID()}`;
      const requestHash = createHash('sha256').update(JSON.stringify([op.name, recordIds, providerName, args.model ?? null, opts])).digest('hex');
      // The run that already holds this key: the same request replays it, another one is a 409.
      const replayOf = (existing: any) => {
        if (existing.requestHash !== requestHash) throw new RunConflictError('Idempotency-Key was already used for a different run request', { runId: existing.id });
        return { run: existing, replayed: true };
      };
      const replay = await q().findOne({ where: { idempotencyKey: key } });
      if (replay) return replayOf(replay);

      const ctx = { strapi, accountId: args.accountId };
      const records = await op.load(ctx, recordIds, opts);
      const items = op.items ? op.items(records, opts) : records;
      const estimate = await estimateFor(op, items, opts, args.accountId, providerName, args.model ?? null);
      const base = {
        function: op.name,
        accountId: args.accountId,
        idempotencyKey: key,
        requestHash,
        inputIds: recordIds,
        options: opts ?? {},
        providerName,
        provider: providerName ? getService(strapi, 'registry').providers.get(providerName).vendor : null,
        model: estimate.model,
        promptType: op.promptType ?? null,
        estimatedCredits: estimate.credits,
        progress: { done: 0, total: items.length },
        requestedBy: args.requestedBy,
      };

      // Inside a caller's transaction the job must wait for that one to commit; otherwise we enqueue
      // right after ours, so a Redis outage reaches the caller as a 503.
      const joined = strapi.db.inTransaction();
      try {
        if (op.kind === 'none') return { run: await service.runNow(op, base, records, opts), replayed: false };
        let created: any;
        await strapi.db.transaction(async ({ onCommit }) => {
          created = await q().create({ data: { ...base, status: 'queued', round: 0 } });
          if (estimate.credits > 0) {
            const { holdId } = await ledger().reserve({
              accountId: args.accountId,
              amount: estimate.credits,
              idempotencyKey: reserveKey(created.id, 0),
              operation: op.pricing,
              actor: args.requestedBy,
              reference: { type: 'ai-run', id: created.id },
              ttlSeconds: config().holdTtlSeconds,
            });
            await q().updateMany({ where: { id: created.id }, data: { holdId } });
            created = { ...created, holdId };
          }
          if (joined) onCommit(() => void enqueue(created).catch((error) => strapi.log.error(`[ai] run ${created.id} not enqueued: ${error.message}`)));
        });
        if (!joined) await enqueue(created);
        return { run: created, replayed: false };
      } catch (error) {
        // Lost a race with a concurrent start using the same key: the unique index (bootstrap.ts) made our
        // insert wait for the winner's commit and then fail with 23505. Our transaction rolled back with
        // nothing reserved (the insert comes first, and the reserve would have joined it) and nothing
        // enqueued, so we answer as a replay of the winner's run (409 if it was another request).
        // Not inside a caller's transaction: that one is aborted now (Strapi nests without savepoints),
        // so it can run no look-up and must fail as a whole.
        const e = error as { code?: string; constraint?: string };
        if (joined || e?.code !== '23505' || e.constraint !== IDEMPOTENCY_INDEX) throw error;
        const winner = await q().findOne({ where: { idempotencyKey: key } });
        if (!winner) throw error;
        return replayOf(winner);
      }
    },

    /** Operations without a provider (ideas → tasks): done in the request, in one transaction, logged as a run. */
    async runNow(op: AnyOperation, base: Record<string, unknown>, records: any[], opts: unknown) {
      const started = Date.now();
      return strapi.db.transaction(async () => {
        // The run row first: its unique idempotency key makes an identical concurrent request wait here,
        // then fail with 23505 (answered as a replay) before it does any of the work.
        const run = await q().create({ data: { ...base, status: 'running', attempts: 1, startedAt: new Date(started) } });
        const produced = await op.run!({ strapi, accountId: base.accountId as number }, records, opts);
        return q().update({
          where: { id: run.id },
          data: {
            status: 'succeeded',
            progress: { done: records.length, total: records.length },
            produced,
            finishedAt: new Date(),
            durationMs: Date.now() - started,
            phases: [{ name: 'save', startedAt: new Date(started).toISOString(), ms: Date.now() - started }],
          },
        });
      });
    },

    async get(id: number, accountId: number | null) {
      const run = await q().findOne({ where: { id, ...(accountId ? { accountId } : {}) } });
      if (!run) throw new errors.NotFoundError('Run not found');
      return run;
    },

    async list(args: { accountId: number | null; status?: string; function?: string; page: number; pageSize: number }) {
      const where = {
        ...(args.accountId ? { accountId: args.accountId } : {}),
        ...(args.status ? { status: args.status } : {}),
        ...(args.function ? { function: args.function } : {}),
      };
      const [rows, total] = await Promise.all([
        q().findMany({ where, orderBy: { id: 'desc' }, limit: args.pageSize, offset: (args.page - 1) * args.pageSize }),
        q().count({ where }),
      ]);
      return { data: rows.map((r: any) => runView(r)), meta: paginationMeta(args, total) };
    },

    /**
     * Cancels a queued or running run and releases its hold, in one transaction. A worker still calling
     * the provider finds the run cancelled when it comes to save, and saves and charges nothing.
     */
    async cancel(id: number, accountId: number | null, actor: string) {
      const run = await service.get(id, accountId);
      const done = await strapi.db.transaction(async () => {
        const { count } = await q().updateMany({ where: { id, status: { $in: ['queued', 'running'] } }, data: { status: 'cancelled', finishedAt: new Date(), error: `Cancelled by ${actor}`, errorKind: 'cancelled', errorReason: 'cancelled' } });
        if (!count) return false;
        if (run.holdId) await ledger().release({ accountId: run.accountId, holdId: run.holdId, actor, reason: `AI run ${id} cancelled` });
        return true;
      });
      if (!done) throw new RunConflictError(`Run ${id} is already ${(await service.get(id, accountId)).status}`, { status: run.status });
      // Best effort: a waiting job would find the run cancelled anyway.
      await getQueueService(strapi).get(QUEUE).getJob(jobIdFor(run)).then((job) => job?.remove()).catch(() => undefined);
      return service.get(id, accountId);
    },

    /** A failed run again, as a new round: a fresh hold (402 if it no longer fits), then a fresh job. */
    async retry(id: number, accountId: number | null, actor: string) {
      const run = await service.get(id, accountId);
      if (run.status !== 'failed') throw new RunConflictError(`Only failed runs can be retried; run ${id} is ${run.status}`, { status: run.status });
      const round = (run.round ?? 0) + 1;
      let updated: any;
      await strapi.db.transaction(async () => {
        const { count } = await q().updateMany({
          where: { id, status: 'failed', round: run.round ?? 0 },
          data: { status: 'queued', round, attempts: 0, error: null, errorKind: null, errorReason: null, finishedAt: null, holdId: null, progress: { done: 0, total: run.progress?.total ?? 0 } },
        });
        if (!count) throw new RunConflictError(`Run ${id} changed meanwhile; reload it`);
        let holdId: number | null = null;
        if (run.estimatedCredits > 0) {
          holdId = (await ledger().reserve({ accountId: run.accountId, amount: run.estimatedCredits, idempotencyKey: reserveKey(id, round), operation: operationOf(run.function).pricing, actor, reference: { type: 'ai-run', id }, ttlSeconds: config().holdTtlSeconds })).holdId ?? null;
        }
        updated = await q().update({ where: { id }, data: { holdId } });
      });
      await enqueue(updated);
      return updated;
    },

    /** Drops request/response bodies from runs older than `keepBodiesDays` (the repeatable `trim-logs` job). */
    async trimBodies() {
      const before = new Date(Date.now() - config().keepBodiesDays * 86_400_000);
      const { count } = await q().updateMany({
        where: { createdAt: { $lt: before }, $or: [{ requestBody: { $notNull: true } }, { responseBody: { $notNull: true } }] },
        data: { requestBody: null, responseBody: null },
      });
      return { trimmed: count };
    },

    /**
     * Ends a run as failed and releases its hold, in one transaction, unless it already ended. Used by
     * the engine (permanent failure, attempts exhausted) and when a job could not be enqueued.
     */
    async fail(id: number, failure: { kind: string; reason: string; message: string }, extra: Record<string, unknown> = {}, idempotencyKey?: string) {
      return strapi.db.transaction(async () => {
        const run = await q().findOne({ where: { id } });
        if (!run || TERMINAL.includes(run.status) || (idempotencyKey && run.idempotencyKey !== idempotencyKey)) return false;
        const finishedAt = new Date();
        const { count } = await q().updateMany({
          where: { id, status: { $in: ['queued', 'running'] } },
          data: { ...extra, status: 'failed', errorKind: failure.kind, errorReason: failure.reason, error: failure.message.slice(0, 2000), finishedAt, durationMs: run.startedAt ? finishedAt.getTime() - new Date(run.startedAt).getTime() : null },
        });
        if (count && run.holdId) await ledger().release({ accountId: run.accountId, holdId: run.holdId, actor: 'worker', reason: `AI run ${id} failed` });
        return count > 0;
      });
    },
  };
  return service;
};

export type RunsService = ReturnType<typeof createRunsService>;
