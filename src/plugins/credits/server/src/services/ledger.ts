import { paginationMeta } from '../../../../../lib/pagination';
import type { Core } from '@strapi/strapi';
import * as arithmetic from '../domain/balance';
import type { Balance, Entry, Pool } from '../domain/balance';
import { CreditsNotFoundError, HoldStateError, IdempotencyConflictError, InsufficientCreditsError } from '../domain/errors';
import { requestHash } from '../domain/request-hash';
import type { Usage } from '../domain/pricing';
import { MOVE_PARAMS, MOVE_REFUSED_SQLSTATE } from '../database/ledger-functions';
import { runMove } from '../database/run-move';

export type TransactionType = 'purchase' | 'subscription' | 'refund' | 'deduction' | 'adjustment' | 'expiry';

export interface Reference {
  type: string;
  id: string | number;
}

/** What every credit-moving call carries besides its amounts. */
export interface MoveMeta {
  accountId: number;
  /** Unique per account; the same key with the same parameters replays the first result. */
  idempotencyKey: string;
  reason?: string | null;
  reference?: Reference | null;
  /** Who moved the credits: `admin:<id>`, `user:<id>`, `worker`, `system`. */
  actor?: string | null;
}

export interface MoveResult {
  balance: Balance & { available: number };
  entries: Entry[];
  holdId?: number;
  /** True when this call replayed an earlier one with the same key and moved nothing. */
  replayed: boolean;
}

export interface UsageRecord extends Usage {
  operation: string;
  provider?: string | null;
  model?: string | null;
  usdCost?: number;
  keySource?: 'platform' | 'account' | null;
  record?: Reference | null;
  durationMs?: number | null;
}

type Knex = Core.Strapi['db']['connection'];

/** The operation kinds; also the verbs of `credit_apply` in database/ledger-functions.ts. */
type Verb = 'grant' | 'spend' | 'adjust' | 'reset' | 'reserve' | 'capture' | 'release';

/** One credit movement, as `credit_move` takes it. */
interface Move {
  verb: Verb;
  meta: MoveMeta;
  /** What the idempotency key is bound to, besides the verb and the account. */
  params: Record<string, unknown>;
  type: TransactionType;
  amount?: number;
  pool?: Pool;
  /** Capture and release: the hold they settle. */
  holdId?: number;
  /** Reserve: the hold's operation and lifetime. */
  operation?: string | null;
  ttlSeconds?: number;
  /** Release: what the hold becomes. */
  settleStatus?: 'released' | 'expired';
  usage?: UsageRecord;
}

/** What `credit_move` answers; refusals are statuses, not SQL errors, so nothing is written for them. */
type Outcome =
  | { status: 'ok' | 'replayed'; result: Omit<MoveResult, 'replayed'> }
  | { status: 'insufficient'; needed: number; available: number }
  | { status: 'conflict'; holdStatus: string | null }
  | { status: 'hold_state'; holdStatus: string }
  | { status: 'no_account' | 'no_hold' };

const DEFAULT_HOLD_TTL_SECONDS = 60 * 60;

const view = (b: Balance) => ({ ...b, available: arithmetic.available(b) });

const usageJson = (usage: UsageRecord) =>
  JSON.stringify({
    operation: usage.operation,
    usdCost: usage.usdCost ?? 0,
    provider: usage.provider ?? null,
    model: usage.model ?? null,
    inputTokens: usage.inputTokens ?? null,
    outputTokens: usage.outputTokens ?? null,
    keySource: usage.keySource ?? null,
    recordType: usage.record?.type ?? null,
    recordId: usage.record ? String(usage.record.id) : null,
    durationMs: usage.durationMs ?? null,
  });

const bindingsOf = (m: Move) => [
  m.meta.accountId,
  m.meta.idempotencyKey,
  m.verb,
  requestHash({ kind: m.verb, accountId: m.meta.accountId, ...m.params }),
  m.type,
  m.amount ?? null,
  m.pool ?? null,
  m.holdId ?? null,
  m.meta.reason ?? null,
  m.meta.reference?.type ?? null,
  m.meta.reference ? String(m.meta.reference.id) : null,
  m.meta.actor ?? null,
  m.operation ?? null,
  m.ttlSeconds ?? null,
  m.settleStatus ?? null,
  m.usage ? usageJson(m.usage) : null,
];

/** `credit_move_strict` with the types `MOVE_STATEMENT` gives credit_move, for `captureInStatement`. */
const STRICT_CALL = `credit_move_strict(${MOVE_PARAMS.map(([, type]) => `?::${type}`).join(', ')})`;

/** Turns `credit_move`'s answer into the call's result or its error. */
const resultOf = (outcome: Outcome, m: Move): MoveResult => {
  switch (outcome.status) {
    case 'ok':
      return { ...outcome.result, replayed: false };
    case 'replayed':
      return { ...outcome.result, replayed: true };
    case 'insufficient':
      throw new InsufficientCreditsError(Number(outcome.needed), Number(outcome.available));
    case 'conflict':
      // A hold's settle key used differently means the hold was settled differently: say how.
      if (m.holdId === undefined) throw new IdempotencyConflictError(m.meta.idempotencyKey);
      if (outcome.holdStatus === null) throw new CreditsNotFoundError('Hold');
      throw new HoldStateError(m.holdId, outcome.holdStatus);
    case 'hold_state':
      throw new HoldStateError(m.holdId as number, outcome.holdStatus);
    case 'no_account':
      throw new CreditsNotFoundError('Account');
    case 'no_hold':
      throw new CreditsNotFoundError('Hold');
  }
};

/**
 * The credit ledger. Every movement is one call of the `credit_move` PostgreSQL function (see
 * database/ledger-functions.ts): it locks the account row, checks the idempotency key, computes the
 * change with the SQL transcription of domain/balance.ts, and writes the operation, its ledger rows,
 * the hold and the new balance. The row lock serialises everything that touches one account (so no
 * overdraft and no double use of a key) while different accounts proceed in parallel. One statement
 * is atomic on its own, so no transaction is opened for it; a call made inside an outer
 * `strapi.db.transaction` runs on that transaction, so a payment approval and its credit grant
 * commit or roll back together.
 */
export const createLedgerService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function move(m: Move): Promise<MoveResult> {
    const key = m.meta.idempotencyKey;
    if (!key || key.length > 255) throw new RangeError('idempotencyKey must be 1 to 255 characters');
    const values = bindingsOf(m);
    // Inside a caller's `strapi.db.transaction`, on that transaction's connection; otherwise on a
    // connection of the pool, as one statement that is atomic on its own.
    const raw = strapi.db.inTransaction()
      ? await strapi.db.transaction(({ trx }) => runMove(trx as unknown as Knex, values))
      : await runMove(strapi.db.connection, values);
    // Strapi's pg setup leaves json values as text.
    return resultOf(typeof raw === 'string' ? JSON.parse(raw) : raw, m);
  }

  const settleKey = (holdId: number) => `hold:${holdId}:settle`;
  const holdMeta = (input: { accountId: number; holdId: number; actor?: string | null; reason?: string | null }): MoveMeta => ({
    accountId: input.accountId,
    idempotencyKey: settleKey(input.holdId),
    actor: input.actor,
    reason: input.reason,
    reference: { type: 'hold', id: input.holdId },
  });

  return {
    /** Adds credits to a pool: purchases, subscription grants, refunds. */
    grant(input: MoveMeta & { pool: Pool; amount: number; type: Exclude<TransactionType, 'deduction' | 'expiry'> }) {
      arithmetic.assertAmount(input.amount);
      return move({ verb: 'grant', meta: input, params: { pool: input.pool, amount: input.amount, type: input.type }, type: input.type, amount: input.amount, pool: input.pool });
    },

    /** Spends credits right away (no hold), plan pool first. 402 if they are not available. */
    spend(input: MoveMeta & { amount: number }) {
      arithmetic.assertAmount(input.amount);
      return move({ verb: 'spend', meta: input, params: { amount: input.amount }, type: 'deduction', amount: input.amount });
    },

    /** A staff adjustment: signed amount on one pool, reason required. */
    adjust(input: MoveMeta & { pool: Pool; amount: number; reason: string }) {
      if (!input.reason?.trim()) throw new RangeError('reason is required for an adjustment');
      arithmetic.assertNonZero(input.amount);
      const params = { pool: input.pool, amount: input.amount, reason: input.reason };
      return move({ verb: 'adjust', meta: input, params, type: 'adjustment', amount: input.amount, pool: input.pool });
    },

    /** Renewal: plan credits reset to the plan's amount (unused ones lapse). */
    resetPlan(input: MoveMeta & { amount: number; type?: 'subscription' | 'expiry' }) {
      const type = input.type ?? 'subscription';
      arithmetic.assertNonNegative(input.amount, 'target');
      return move({ verb: 'reset', meta: input, params: { amount: input.amount, type }, type, amount: input.amount });
    },

    /**
     * Reserves the estimated cost of an operation about to run. The hold expires (is released) after
     * `ttlSeconds` if never captured or released.
     */
    reserve(input: MoveMeta & { amount: number; operation?: string; ttlSeconds?: number }) {
      const ttl = input.ttlSeconds ?? DEFAULT_HOLD_TTL_SECONDS;
      const operation = input.operation ?? null;
      arithmetic.assertAmount(input.amount);
      return move({ verb: 'reserve', meta: input, params: { amount: input.amount, operation, ttl }, type: 'deduction', amount: input.amount, operation, ttlSeconds: ttl });
    },

    /**
     * Settles a hold with the real cost (more or less than reserved, within what is available once the
     * hold is released) and records the usage in the same statement. Exactly once per hold.
     */
    capture(input: { accountId: number; holdId: number; amount: number; actor?: string | null; reason?: string | null; usage?: UsageRecord }) {
      arithmetic.assertNonNegative(input.amount, 'actual');
      const params = { holdId: input.holdId, amount: input.amount };
      return move({ verb: 'capture', meta: holdMeta(input), params, type: 'deduction', amount: input.amount, holdId: input.holdId, usage: input.usage });
    },

    /**
     * The same capture as a SQL expression for the caller's own statement (`?` placeholders, then
     * `bindings`), so a caller that saves what the hold paid for can write it and charge in one round
     * trip, atomically (the AI engine's save). The expression is `credit_move_strict(…)`: it yields
     * credit_move's jsonb answer, and a refusal raises, rolling the caller's statement back;
     * `errorOf(error)` turns that raise into the error `capture` would have thrown (null for any other
     * error), and `resultOf(answer)` reads the answer.
     */
    captureInStatement(input: { accountId: number; holdId: number; amount: number; actor?: string | null; reason?: string | null; usage?: UsageRecord }) {
      arithmetic.assertNonNegative(input.amount, 'actual');
      const m: Move = { verb: 'capture', meta: holdMeta(input), params: { holdId: input.holdId, amount: input.amount }, type: 'deduction', amount: input.amount, holdId: input.holdId, usage: input.usage };
      return {
        sql: STRICT_CALL,
        bindings: bindingsOf(m),
        resultOf: (answer: unknown) => resultOf((typeof answer === 'string' ? JSON.parse(answer) : answer) as Outcome, m),
        errorOf: (error: unknown): Error | null => {
          const e = error as { code?: string; detail?: string };
          if (e?.code !== MOVE_REFUSED_SQLSTATE || !e.detail) return null;
          try {
            resultOf(JSON.parse(e.detail) as Outcome, m);
          } catch (refusal) {
            return refusal as Error;
          }
          return null;
        },
      };
    },

    /** Releases a hold in full (the operation failed or was cancelled). Exactly once per hold. */
    release(input: { accountId: number; holdId: number; actor?: string | null; reason?: string | null; expired?: boolean }) {
      const settleStatus = input.expired ? 'expired' : 'released';
      return move({ verb: 'release', meta: holdMeta(input), params: { holdId: input.holdId, status: settleStatus }, type: 'deduction', holdId: input.holdId, settleStatus });
    },

    /** Releases holds whose time ran out. Returns how many. Safe to run from several processes at once. */
    async expireHolds(limit = 500): Promise<number> {
      const knex = strapi.db.connection;
      const { rows } = await knex.raw(`SELECT id, account_id FROM credit_holds WHERE status = 'held' AND expires_at < now() ORDER BY expires_at LIMIT ?`, [limit]);
      let expired = 0;
      for (const row of rows) {
        try {
          await this.release({ accountId: row.account_id, holdId: Number(row.id), actor: 'system', reason: 'hold expired', expired: true });
          expired += 1;
        } catch (error) {
          // Settled by its owner between the scan and the release: nothing to do.
          if (!(error instanceof HoldStateError)) throw error;
        }
      }
      return expired;
    },

    /** Records usage for an operation charged outside a hold (a direct spend). */
    async recordUsage(accountId: number, credits: number, usage: UsageRecord) {
      await insertUsage(strapi.db.connection, accountId, credits, null, usage);
    },

    async balance(accountId: number) {
      const { rows } = await strapi.db.connection.raw('SELECT plan_credits AS plan, bonus_credits AS bonus, held_credits AS held FROM accounts WHERE id = ?', [accountId]);
      if (!rows[0]) throw new CreditsNotFoundError('Account');
      return view({ plan: Number(rows[0].plan) || 0, bonus: Number(rows[0].bonus) || 0, held: Number(rows[0].held) || 0 });
    },

    async hold(accountId: number, holdId: number) {
      const { rows } = await strapi.db.connection.raw(
        'SELECT id, amount, status, captured, operation, reference_type, reference_id, expires_at, created_at, settled_at FROM credit_holds WHERE id = ? AND account_id = ?',
        [holdId, accountId]
      );
      if (!rows[0]) throw new CreditsNotFoundError('Hold');
      return rows[0];
    },

    async transactions(accountId: number, query: { page: number; pageSize: number; from?: Date; to?: Date; type?: string; pool?: string }) {
      const base = strapi.db.connection('credit_transactions').where('account_id', accountId);
      if (query.from) base.where('created_at', '>=', query.from);
      if (query.to) base.where('created_at', '<', query.to);
      if (query.type) base.where('type', query.type);
      if (query.pool) base.where('pool', query.pool);
      const [{ count }] = await base.clone().count({ count: '*' });
      const rows = await base
        .clone()
        .select('id', 'pool', 'amount', 'balance_after as balanceAfter', 'type', 'reason', 'reference_type as referenceType', 'reference_id as referenceId', 'actor', 'created_at as createdAt')
        .orderBy('id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      return { data: rows.map((r: any) => ({ ...r, id: Number(r.id) })), meta: paginationMeta(query, Number(count)) };
    },

    async usage(accountId: number, query: { page: number; pageSize: number; from?: Date; to?: Date; operation?: string }) {
      const base = strapi.db.connection('credit_usage_logs').where('account_id', accountId);
      if (query.from) base.where('created_at', '>=', query.from);
      if (query.to) base.where('created_at', '<', query.to);
      if (query.operation) base.where('operation', query.operation);
      const [{ count }] = await base.clone().count({ count: '*' });
      const rows = await base
        .clone()
        .select(
          'id', 'operation', 'credits', 'usd_cost as usdCost', 'provider', 'model', 'input_tokens as inputTokens', 'output_tokens as outputTokens',
          'key_source as keySource', 'record_type as recordType', 'record_id as recordId', 'duration_ms as durationMs', 'created_at as createdAt'
        )
        .orderBy('id', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      return { data: rows.map((r: any) => ({ ...r, id: Number(r.id), usdCost: Number(r.usdCost) })), meta: paginationMeta(query, Number(count)) };
    },
  };

  async function insertUsage(knex: Knex, accountId: number, credits: number, holdId: number | null, usage: UsageRecord) {
    await knex.raw(
      `INSERT INTO credit_usage_logs (account_id, operation, credits, usd_cost, provider, model, input_tokens, output_tokens, key_source, record_type, record_id, hold_id, duration_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        accountId, usage.operation, credits, usage.usdCost ?? 0, usage.provider ?? null, usage.model ?? null, usage.inputTokens ?? null,
        usage.outputTokens ?? null, usage.keySource ?? null, usage.record?.type ?? null, usage.record ? String(usage.record.id) : null, holdId,
        usage.durationMs ?? null,
      ]
    );
  }
};


export type LedgerService = ReturnType<typeof createLedgerService>;
