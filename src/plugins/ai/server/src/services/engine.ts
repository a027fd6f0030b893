import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { z } from 'zod';
import { creditsFor, usdCost, type Usage } from '../../../../credits/server/src/domain/pricing';
import { getCreditsService } from '../../../../credits/server/src/utils/get-service';
import { renderPrompt } from '../../../../settings/server/src/domain/prompts';
import { getService as getSettingsService } from '../../../../settings/server/src/utils/get-service';
import { asAiError } from '../domain/classify-error';
import { AiError, permanent } from '../domain/errors';
import { parseOutput } from '../domain/parse-output';
import { createPhaseClock } from '../domain/phases';
import { redact } from '../domain/redact';
import type { AiProvider, ChatMessage, ChatProvider, ImageProvider, ProviderCall } from '../domain/types';
import type { AiConfig } from '../config';
import { flatRecords, flatSubquery, type FlatLoad } from '../operations/load-owned';
import type { AnyOperation, ItemResult, SaveStatement } from '../operations/operation';
import { RUN_UID } from '../utils/constants';
import { columnsOf } from '../utils/rows';
import { ident, runNamed } from '../utils/statement';
import { getService } from '../utils/get-service';
import { pricingFor } from './pricing-lookup';
import type { RunJobData } from './runs';

/** How the queue sees this delivery: used to decide whether a transient failure is the last one. */
export interface Delivery {
  attemptsMade: number;
  attempts: number;
  /** Stops Bull from retrying (permanent failures). */
  discard?: () => void;
}

export type ProcessOutcome =
  | { status: 'succeeded'; runId: number; credits: number }
  | { status: 'skipped'; runId: number; reason: string };

/** Thrown inside the save transaction to roll it back when the run is no longer ours to finish. */
const LOST_RACE = new Error('run ended meanwhile');

/** The condition every write of a one-statement save is guarded by (see `finishRun`). */
const RUN_IS_OURS = 'EXISTS (SELECT 1 FROM chk)';

type LedgerCapture = ReturnType<typeof getCreditsService<'ledger'>>['capture'];

const SYSTEM = (op: AnyOperation, schemaName: string) =>
  `You are the IGNY8 content engine running "${op.name}". Answer with one JSON object only (schema "${schemaName}"), no prose and no Markdown fence.`;

const jsonSchemaOf = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/**
 * The run processor: `process({ runId, idempotencyKey }, delivery)` is the whole job. It is safe to
 * run any number of times for the same run (Bull delivers at least once; a killed worker's job is
 * redelivered): a run that already ended is a no-op, and success is one transaction that flips the
 * run from `running` to `succeeded`, saves the results and captures the hold, so the results are
 * saved and the credits charged exactly once whatever happens before or after it.
 */
export const createEngineService = ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => strapi.db.query(RUN_UID as any);
  const config = () => strapi.config.get('plugin::ai') as AiConfig;
  const schemaCache = new WeakMap<z.ZodType, Record<string, unknown>>();
  const jsonSchema = (schema: z.ZodType) => {
    let s = schemaCache.get(schema);
    if (!s) schemaCache.set(schema, (s = jsonSchemaOf(schema)));
    return s;
  };

  /** One chat item: call, parse, validate; a bad answer is sent back with what was wrong, at most `schemaRetries` times. */
  async function chatItem(args: { provider: ChatProvider; call: ProviderCall; op: AnyOperation; model: string; prompt: string; temperature?: number; maxTokens?: number }) {
    const { provider, call, op } = args;
    const schemaName = op.name;
    const messages: ChatMessage[] = [{ role: 'user', content: args.prompt }];
    let inputTokens = 0;
    let outputTokens = 0;
    let last: { request: unknown; response: unknown } = { request: null, response: null };
    for (let attempt = 0; ; attempt++) {
      const request = { model: args.model, system: SYSTEM(op, schemaName), messages: [...messages], schemaName, jsonSchema: jsonSchema(op.output!), temperature: args.temperature, maxTokens: args.maxTokens };
      const result = await provider.chat(call, request);
      inputTokens += result.inputTokens;
      outputTokens += result.outputTokens;
      last = { request: { provider: provider.name, model: request.model, system: request.system, messages: request.messages }, response: result.raw };
      const parsed = parseOutput(op.output!, result.text);
      if (parsed.ok) return { output: parsed.value, inputTokens, outputTokens, model: result.model, last };
      if (attempt >= config().schemaRetries) {
        throw Object.assign(permanent('validation', `The model's answer did not match the ${op.name} format after ${attempt + 1} tries: ${parsed.problem}. Retry the run, or try another model.`), { last, inputTokens, outputTokens });
      }
      messages.push({ role: 'assistant', content: result.text.slice(0, 20_000) }, { role: 'user', content: `That answer is not usable: ${parsed.problem}. Answer again with the complete JSON object only.` });
    }
  }

  /**
   * Takes the run for this delivery in ONE statement: `queued` or `running` (a delivery whose worker
   * died left it running; this one takes over) → `running`, attempts + 1, and the row back. Null when
   * the run is unknown, has another key, or already ended.
   *
   * With `load` (the flat load of the function the job names), the same statement also loads the
   * run's records, scoped to the run's own account and input ids: one round trip less on every run.
   * `records()` then gives them, or throws the 404 `load` would (inside the run, so it fails it).
   */
  async function claim(data: RunJobData, load?: FlatLoad): Promise<{ run: Record<string, any>; records?: () => any[] } | null> {
    const runs = columnsOf(strapi, RUN_UID);
    const [id, key, status, attempts, startedAt, updatedAt, accountId, inputIds] = ['id', 'idempotencyKey', 'status', 'attempts', 'startedAt', 'updatedAt', 'accountId', 'inputIds'].map((a) => ident(runs.column(a)));
    const update =
      `UPDATE ${ident(runs.table)} SET ${status} = 'running', ${attempts} = COALESCE(${attempts}, 0) + 1, ${startedAt} = COALESCE(${startedAt}, ?), ${updatedAt} = ? ` +
      `WHERE ${id} = ? AND ${key} = ? AND ${status} IN ('queued', 'running') RETURNING *`;
    const now = new Date();
    const bindings = [now, now, data.runId, data.idempotencyKey];
    if (!load) {
      const { rows } = await runNamed(strapi.db.connection, update, bindings);
      return rows[0] ? { run: runs.fromRow(rows[0]) } : null;
    }
    const records = flatSubquery(strapi, load, { account: `run.${accountId}`, documentIds: `ARRAY(SELECT jsonb_array_elements_text(run.${inputIds}))` });
    const sql = `WITH run AS (${update}) SELECT ${runs.names.map((c) => `run.${ident(c)} AS ${ident(`__run_${c}`)}`).join(', ')}, rec.* FROM run LEFT JOIN LATERAL (${records.sql}) rec ON true`;
    const { rows } = await runNamed(strapi.db.connection, sql, bindings);
    if (!rows[0]) return null;
    const run = runs.fromRow(Object.fromEntries(runs.names.map((c) => [c, rows[0][`__run_${c}`]])));
    return { run, records: () => flatRecords(records.shape, rows, run.inputIds ?? []) };
  }

  /** `running → succeeded` with the run log, only if still running; false if the run ended meanwhile. */
  async function finish(trx: Knex.Transaction, runId: number, log: Record<string, unknown>) {
    const runs = columnsOf(strapi, RUN_UID);
    const row = runs.toRow(log);
    const columns = Object.keys(row);
    const sql = `UPDATE ${ident(runs.table)} SET ${columns.map((c) => `${ident(c)} = ?`).join(', ')} WHERE ${ident(runs.column('id'))} = ? AND ${ident(runs.column('status'))} = 'running'`;
    const { rowCount } = await runNamed(trx, sql, [...Object.values(row), runId]);
    return rowCount > 0;
  }

  /**
   * The one finishing statement: `chk` locks the run row if it is still `running` (FOR NO KEY UPDATE:
   * a concurrent cancel or delivery waits, or has already moved it on and `chk` is empty); the
   * operation's CTEs write the results only if `chk` found it; `fin` flips it to `succeeded` with its
   * log and what was produced; `cap` captures the hold, keyed to it, only if `fin` did. One statement
   * is one transaction: a refused capture raises (`credit_move_strict`) and takes the save with it.
   * The account row is locked by the capture until the statement's own commit, nothing after it.
   * Returns false when the run was no longer ours (nothing written).
   */
  async function finishRun(run: Record<string, any>, statement: SaveStatement, log: (finishedAt: Date) => Record<string, unknown>, capture: Parameters<LedgerCapture>[0] | null) {
    const runs = columnsOf(strapi, RUN_UID);
    const table = ident(runs.table);
    const [id, status, produced] = ['id', 'status', 'produced'].map((a) => ident(runs.column(a)));
    const row = runs.toRow(log(new Date()));
    const ledger = capture ? getCreditsService(strapi, 'ledger').captureInStatement(capture) : null;
    const sql =
      `WITH chk AS (SELECT ${id} FROM ${table} WHERE ${id} = ? AND ${status} = 'running' FOR NO KEY UPDATE), ` +
      `${statement.ctes.join(', ')}, ` +
      `fin AS (UPDATE ${table} SET ${Object.keys(row).map((c) => `${ident(c)} = ?`).join(', ')}, ${produced} = ${statement.produced} ` +
      `WHERE ${id} IN (SELECT ${id} FROM chk) AND ${status} = 'running' RETURNING ${id})` +
      (ledger ? `, cap AS (SELECT ${ledger.sql} AS move FROM fin)` : '') +
      ` SELECT (SELECT count(*) FROM fin)::int AS won${ledger ? ', (SELECT move FROM cap) AS move' : ''}`;
    try {
      const { rows } = await runNamed(strapi.db.connection, sql, [run.id, ...statement.bindings, ...Object.values(row), ...(ledger?.bindings ?? [])]);
      if (!rows[0]?.won) return false;
      if (ledger) ledger.resultOf(rows[0].move);
      return true;
    } catch (error) {
      throw ledger?.errorOf(error) ?? error;
    }
  }

  /** Why a delivery found nothing to do (rare path: one more read, for the job's result only). */
  async function skipped(data: RunJobData): Promise<ProcessOutcome> {
    const run = await q().findOne({ where: { id: data.runId }, select: ['id', 'status', 'idempotencyKey'] });
    if (!run || run.idempotencyKey !== data.idempotencyKey) return { status: 'skipped', runId: data.runId, reason: 'unknown run' };
    return { status: 'skipped', runId: run.id, reason: `run is ${run.status}` };
  }

  async function process(data: RunJobData, delivery: Delivery = { attemptsMade: 0, attempts: 1 }): Promise<ProcessOutcome> {
    const registry = getService(strapi, 'registry');
    const named = data.function && registry.operations.has(data.function) ? registry.operations.get(data.function) : null;
    const claimed = await claim(data, named?.flatLoad);
    if (!claimed) return skipped(data);
    const { run } = claimed;
    const startedAt = new Date(run.startedAt);

    const clock = createPhaseClock();
    let bodies: { request: unknown; response: unknown } = { request: null, response: null };
    let apiKey = '';
    const usageSoFar = { inputTokens: 0, outputTokens: 0 };
    try {
      const op = registry.operations.get(run.function);
      const ctx = { strapi, accountId: run.accountId as number };
      const opts = run.options ?? {};

      clock.start('load');
      // Loaded by the claim when the job named this run's function (the run row decides, not the job).
      const records = claimed.records && op === named ? claimed.records() : await op.load(ctx, run.inputIds ?? [], opts);
      const items: unknown[] = op.items ? op.items(records, opts) : records;

      clock.start('settings');
      const provider: AiProvider = registry.providers.get(run.providerName);
      const settings = await getSettingsService(strapi, 'resolver').forCall(run.accountId, provider.keyProvider);
      apiKey = settings.apiKey;
      const model = run.model ?? provider.defaultModel(settings.settings as unknown as Record<string, unknown>);
      const call: ProviderCall = { apiKey: settings.apiKey, baseUrl: settings.baseUrl, timeoutMs: config().requestTimeoutMs, maxRetries: config().sdkMaxRetries };
      const { cost, model: priced } = await pricingFor(strapi, { operation: op.pricing!, model, type: provider.kind === 'image' ? 'image' : 'text' });

      clock.start('prompt');
      const prompts = getService(strapi, 'prompt-cache');
      const basePrompt = op.promptType ? await prompts.effective(run.accountId, op.promptType) : null;
      if (op.promptType && !basePrompt) throw permanent('configuration', `No active "${op.promptType}" prompt: staff must activate it in Settings → Prompts.`);

      const results: Array<ItemResult<unknown, unknown>> = [];
      const usages: Usage[] = [];
      for (const [index, item] of items.entries()) {
        const override = op.taskOverride?.(item);
        const prompt = override ? await prompts.effective(run.accountId, op.promptType!, override) : basePrompt;
        let text = '';
        try {
          text = prompt ? renderPrompt({ template: prompt.value, declared: prompt.variables, values: op.promptValues?.(item, opts) ?? {} }) : '';
        } catch (error) {
          throw permanent('configuration', `The ${op.promptType} prompt cannot be filled in: ${(error as Error).message}. Fix the prompt in Settings → Prompts.`);
        }

        clock.start('rate_limit');
        await getService(strapi, 'rate-limit').acquire(provider.name);

        clock.start('call');
        let output: unknown;
        let tokens = { inputTokens: 0, outputTokens: 0 };
        if (provider.kind === 'chat') {
          try {
            const answer = await chatItem({ provider, call, op, model, prompt: text, temperature: settings.settings.temperature, maxTokens: settings.settings.maxTokens });
            output = answer.output;
            tokens = { inputTokens: answer.inputTokens, outputTokens: answer.outputTokens };
            bodies = answer.last;
          } catch (error) {
            const e = error as { last?: typeof bodies; inputTokens?: number; outputTokens?: number };
            if (e.last) bodies = e.last;
            usageSoFar.inputTokens += e.inputTokens ?? 0;
            usageSoFar.outputTokens += e.outputTokens ?? 0;
            throw error;
          }
        } else {
          const image = await (provider as ImageProvider).image(call, {
            model,
            prompt: text,
            size: settings.settings.imageSize,
            quality: settings.settings.imageQuality,
            style: settings.settings.imageStyle,
          });
          output = image;
          bodies = { request: { provider: provider.name, model, prompt: text, size: settings.settings.imageSize }, response: image.raw };
        }
        usageSoFar.inputTokens += tokens.inputTokens;
        usageSoFar.outputTokens += tokens.outputTokens;
        const usage = op.usage(item, output, tokens);
        usages.push(usage);
        results.push({ item, output, ...tokens, credits: creditsFor(cost, usage, priced) });
        if (items.length > 1) await q().updateMany({ where: { id: run.id }, data: { progress: { done: index + 1, total: items.length } } });
      }

      clock.start('save');
      const credits = results.reduce((sum, r) => sum + r.credits, 0);
      const images = usages.reduce((sum, u) => sum + (u.images ?? 0), 0);
      const usd = usdCost(priced, { ...usageSoFar, images });
      const provenance = {
        runId: run.id,
        function: op.name,
        provider: provider.vendor,
        model,
        promptType: op.promptType ?? null,
        promptSource: basePrompt?.source ?? null,
        promptVersion: basePrompt?.globalVersion ?? null,
        generatedAt: new Date().toISOString(),
      };
      const finishedLog = (finishedAt: Date) => ({
        status: 'succeeded',
        provider: provider.vendor,
        model,
        keySource: settings.keySource,
        promptSource: provenance.promptSource,
        promptVersion: provenance.promptVersion,
        ...usageSoFar,
        usdCost: usd,
        credits,
        progress: { done: items.length, total: items.length },
        phases: clock.stop(),
        ...redactedBodies(bodies, apiKey),
        finishedAt,
        updatedAt: finishedAt,
        durationMs: finishedAt.getTime() - startedAt.getTime(),
        error: null,
        errorKind: null,
        errorReason: null,
      });
      const captureOf = (record: { type: string; id: string | number } | null) => ({
        accountId: run.accountId as number,
        holdId: run.holdId as number,
        amount: credits,
        actor: 'worker',
        reason: `AI run ${run.id} (${op.name})`,
        usage: {
          operation: op.pricing!,
          provider: provider.vendor,
          model,
          ...usageSoFar,
          usdCost: usd,
          keySource: settings.keySource,
          record: record ?? { type: 'ai-run', id: run.id },
          durationMs: Date.now() - startedAt.getTime(),
        },
      });
      const saveCtx = { ...ctx, provenance };
      const statement = op.saveStatement?.(saveCtx, results, opts, RUN_IS_OURS);
      // The save, the run's `running → succeeded` flip with its log, and the capture are atomic, and
      // happen only while the run is still `running` (a run cancelled, or finished by another delivery,
      // meanwhile saves and charges nothing). With `saveStatement` that is ONE statement (finishRun);
      // otherwise one transaction: save, flip, then the capture as its last statement, so the account
      // row `credit_move` locks is held for one statement and the commit only.
      const saved = statement
        ? await finishRun(run, statement, finishedLog, run.holdId ? captureOf(statement.first) : null)
        : await strapi.db
            .transaction(async ({ trx }) => {
              const produced = await op.save!(saveCtx, results, opts);
              if (!(await finish(trx, run.id, { ...finishedLog(new Date()), produced }))) throw LOST_RACE;
              if (run.holdId) {
                await getCreditsService(strapi, 'ledger').capture(captureOf(produced[0] ? { type: produced[0].type, id: produced[0].documentId ?? produced[0].id } : null));
              }
              return true;
            })
            .catch((error: unknown) => {
              if (error === LOST_RACE) return false;
              throw error;
            });
      if (!saved) return { status: 'skipped', runId: run.id, reason: 'run ended meanwhile' };
      return { status: 'succeeded', runId: run.id, credits };
    } catch (thrown) {
      const error = asAiError(thrown);
      const last = error.kind === 'permanent' || delivery.attemptsMade + 1 >= delivery.attempts;
      const extra = { phases: clock.stop(), ...usageSoFar, ...redactedBodies(bodies, apiKey) };
      if (last) {
        await getService(strapi, 'runs').fail(run.id, { kind: error.kind, reason: error.reason, message: error.message }, extra);
        if (error.kind === 'permanent') delivery.discard?.();
      } else {
        await q().updateMany({ where: { id: run.id, status: 'running' }, data: { ...extra, status: 'queued', errorKind: error.kind, errorReason: error.reason, error: `${error.message} (attempt ${delivery.attemptsMade + 1} of ${delivery.attempts})` } });
      }
      throw error;
    }
  }

  return { process };
};

const redactedBodies = (bodies: { request: unknown; response: unknown }, apiKey: string) => ({
  requestBody: bodies.request ? redact(bodies.request, { secrets: [apiKey] }) : null,
  responseBody: bodies.response ? redact(bodies.response, { secrets: [apiKey] }) : null,
});

export type EngineService = ReturnType<typeof createEngineService>;
export { AiError };
