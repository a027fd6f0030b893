import type { Core } from '@strapi/strapi';
import * as arithmetic from '../domain/balance';
import type { Balance, Entry, Movement, Pool } from '../domain/balance';
import { CreditsNotFoundError, HoldStateError, IdempotencyConflictError } from '../domain/errors';
import { requestHash } from '../domain/request-hash';
import type { Usage } from '../domain/pricing';

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

interface HoldRow {
  id: number;
  account_id: number;
  amount: number;
  status: 'held' | 'captured' | 'released' | 'expired';
  captured: number | null;
  operation: string | null;
}

type Knex = Core.Strapi['db']['connection'];

const DEFAULT_HOLD_TTL_SECONDS = 60 * 60;

const view = (b: Balance) => ({ ...b, available: arithmetic.available(b) });

/**
 * The credit ledger. Every movement runs in one transaction that locks the account row, checks the
 * idempotency key, computes the change with the pure arithmetic in domain/balance.ts, and writes the
 * operation, its ledger rows and the new balance in a single statement. Holding the account row lock
 * serialises everything that touches one account (so no overdraft and no double use of a key) while
 * different accounts proceed in parallel. Calls made inside an outer `strapi.db.transaction` join it,
 * so a payment approval and its credit grant commit or roll back together.
 */
export const createLedgerService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function move(
    kind: string,
    meta: MoveMeta,
    params: Record<string, unknown>,
    compute: (before: Balance, trx: Knex) => Promise<Movement & { holdId?: number; type?: TransactionType }> | (Movement & { holdId?: number; type?: TransactionType }),
    options: { type: TransactionType; onKeyConflict?: (trx: Knex) => Promise<never> }
  ): Promise<MoveResult> {
    if (!meta.idempotencyKey || meta.idempotencyKey.length > 255) throw new RangeError('idempotencyKey must be 1 to 255 characters');
    const hash = requestHash({ kind, accountId: meta.accountId, ...params });
    return strapi.db.transaction(async ({ trx }) => {
      const { rows } = await trx.raw('SELECT plan_credits AS plan, bonus_credits AS bonus, held_credits AS held FROM accounts WHERE id = ? FOR UPDATE', [meta.accountId]);
      const row = rows[0];
      if (!row) throw new CreditsNotFoundError('Account');
      // A separate statement on purpose: under READ COMMITTED it takes a fresh snapshot after the lock
      // is granted, so it sees an operation with this key committed by the transaction we waited for.
      // (Joined into the locking SELECT, the join would be evaluated on the pre-wait snapshot.)
      const { rows: previous } = await trx.raw('SELECT request_hash, result FROM credit_operations WHERE account_id = ? AND idempotency_key = ?', [
        meta.accountId,
        meta.idempotencyKey,
      ]);
      if (previous[0]) {
        if (previous[0].request_hash !== hash) {
          if (options.onKeyConflict) await options.onKeyConflict(trx);
          throw new IdempotencyConflictError(meta.idempotencyKey);
        }
        // Strapi's pg setup leaves json columns as text.
        const stored = previous[0].result;
        return { ...((typeof stored === 'string' ? JSON.parse(stored) : stored) as Omit<MoveResult, 'replayed'>), replayed: true };
      }

      const before: Balance = { plan: Number(row.plan) || 0, bonus: Number(row.bonus) || 0, held: Number(row.held) || 0 };
      const movement = await compute(before, trx);
      const result: Omit<MoveResult, 'replayed'> = {
        balance: view(movement.balance),
        entries: movement.entries,
        ...(movement.holdId ? { holdId: movement.holdId } : {}),
      };
      await trx.raw(
        `WITH op AS (
           INSERT INTO credit_operations (account_id, idempotency_key, kind, request_hash, result)
           VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id
         ), rows AS (
           INSERT INTO credit_transactions (account_id, operation_id, pool, amount, balance_after, type, reason, reference_type, reference_id, actor)
           SELECT ?, op.id, e.pool, e.amount, e."balanceAfter", ?, ?, ?, ?, ?
             FROM op, jsonb_to_recordset(?::jsonb) AS e(pool text, amount integer, "balanceAfter" integer)
         )
         UPDATE accounts SET plan_credits = ?, bonus_credits = ?, held_credits = ? WHERE id = ?`,
        [
          meta.accountId, meta.idempotencyKey, kind, hash, JSON.stringify(result),
          meta.accountId, movement.type ?? options.type, meta.reason ?? null, meta.reference?.type ?? null,
          meta.reference ? String(meta.reference.id) : null, meta.actor ?? null, JSON.stringify(movement.entries),
          movement.balance.plan, movement.balance.bonus, movement.balance.held, meta.accountId,
        ]
      );
      return { ...result, replayed: false };
    });
  }

  async function lockedHold(trx: Knex, accountId: number, holdId: number): Promise<HoldRow> {
    const { rows } = await trx.raw('SELECT id, account_id, amount, status, captured, operation FROM credit_holds WHERE id = ? AND account_id = ?', [holdId, accountId]);
    if (!rows[0]) throw new CreditsNotFoundError('Hold');
    return rows[0];
  }

  async function holdConflict(trx: Knex, accountId: number, holdId: number): Promise<never> {
    const hold = await lockedHold(trx, accountId, holdId);
    throw new HoldStateError(holdId, hold.status);
  }

  const settleKey = (holdId: number) => `hold:${holdId}:settle`;

  return {
    /** Adds credits to a pool: purchases, subscription grants, refunds. */
    grant(input: MoveMeta & { pool: Pool; amount: number; type: Exclude<TransactionType, 'deduction' | 'expiry'> }) {
      return move('grant', input, { pool: input.pool, amount: input.amount, type: input.type }, (b) => arithmetic.credit(b, input.pool, input.amount), { type: input.type });
    },

    /** Spends credits right away (no hold), plan pool first. 402 if they are not available. */
    spend(input: MoveMeta & { amount: number }) {
      return move('spend', input, { amount: input.amount }, (b) => arithmetic.debit(b, input.amount), { type: 'deduction' });
    },

    /** A staff adjustment: signed amount on one pool, reason required. */
    adjust(input: MoveMeta & { pool: Pool; amount: number; reason: string }) {
      if (!input.reason?.trim()) throw new RangeError('reason is required for an adjustment');
      return move('adjust', input, { pool: input.pool, amount: input.amount, reason: input.reason }, (b) => arithmetic.adjust(b, input.pool, input.amount), {
        type: 'adjustment',
      });
    },

    /** Renewal: plan credits reset to the plan's amount (unused ones lapse). */
    resetPlan(input: MoveMeta & { amount: number; type?: 'subscription' | 'expiry' }) {
      const type = input.type ?? 'subscription';
      return move('reset', input, { amount: input.amount, type }, (b) => arithmetic.resetPlan(b, input.amount), { type });
    },

    /**
     * Reserves the estimated cost of an operation about to run. The hold expires (is released) after
     * `ttlSeconds` if never captured or released.
     */
    reserve(input: MoveMeta & { amount: number; operation?: string; ttlSeconds?: number }) {
      const ttl = input.ttlSeconds ?? DEFAULT_HOLD_TTL_SECONDS;
      return move(
        'reserve',
        input,
        { amount: input.amount, operation: input.operation ?? null, ttl },
        async (b, trx) => {
          const movement = arithmetic.reserve(b, input.amount);
          const { rows } = await trx.raw(
            `INSERT INTO credit_holds (account_id, amount, operation, reference_type, reference_id, expires_at)
             VALUES (?, ?, ?, ?, ?, now() + make_interval(secs => ?)) RETURNING id`,
            [input.accountId, input.amount, input.operation ?? null, input.reference?.type ?? null, input.reference ? String(input.reference.id) : null, ttl]
          );
          return { ...movement, holdId: Number(rows[0].id) };
        },
        { type: 'deduction' }
      );
    },

    /**
     * Settles a hold with the real cost (more or less than reserved, within what is available once the
     * hold is released) and records the usage in the same transaction. Exactly once per hold.
     */
    capture(input: { accountId: number; holdId: number; amount: number; actor?: string | null; reason?: string | null; usage?: UsageRecord }) {
      const meta: MoveMeta = { accountId: input.accountId, idempotencyKey: settleKey(input.holdId), actor: input.actor, reason: input.reason, reference: { type: 'hold', id: input.holdId } };
      return move(
        'capture',
        meta,
        { holdId: input.holdId, amount: input.amount },
        async (b, trx) => {
          const hold = await lockedHold(trx, input.accountId, input.holdId);
          if (hold.status !== 'held') throw new HoldStateError(input.holdId, hold.status);
          const movement = arithmetic.capture(b, hold.amount, input.amount);
          await trx.raw(`UPDATE credit_holds SET status = 'captured', captured = ?, settled_at = now() WHERE id = ?`, [input.amount, hold.id]);
          if (input.usage) await insertUsage(trx, input.accountId, input.amount, input.holdId, input.usage);
          return movement;
        },
        { type: 'deduction', onKeyConflict: (trx) => holdConflict(trx, input.accountId, input.holdId) }
      );
    },

    /** Releases a hold in full (the operation failed or was cancelled). Exactly once per hold. */
    release(input: { accountId: number; holdId: number; actor?: string | null; reason?: string | null; expired?: boolean }) {
      const meta: MoveMeta = { accountId: input.accountId, idempotencyKey: settleKey(input.holdId), actor: input.actor, reason: input.reason, reference: { type: 'hold', id: input.holdId } };
      const status = input.expired ? 'expired' : 'released';
      return move(
        'release',
        meta,
        { holdId: input.holdId, status },
        async (b, trx) => {
          const hold = await lockedHold(trx, input.accountId, input.holdId);
          if (hold.status !== 'held') throw new HoldStateError(input.holdId, hold.status);
          await trx.raw(`UPDATE credit_holds SET status = ?, settled_at = now() WHERE id = ?`, [status, hold.id]);
          return arithmetic.release(b, hold.amount);
        },
        { type: 'deduction', onKeyConflict: (trx) => holdConflict(trx, input.accountId, input.holdId) }
      );
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
      return { data: rows.map((r: any) => ({ ...r, id: Number(r.id) })), meta: pagination(query, Number(count)) };
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
      return { data: rows.map((r: any) => ({ ...r, id: Number(r.id), usdCost: Number(r.usdCost) })), meta: pagination(query, Number(count)) };
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

const pagination = (query: { page: number; pageSize: number }, total: number) => ({
  pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total },
});

export type LedgerService = ReturnType<typeof createLedgerService>;
