/**
 * The ledger under concurrency, in the spirit of Jepsen's bank test: a seeded random mix of
 * reserves, captures, releases, spends, top-ups (grants), adjustments, hold expiry and calls inside
 * outer transactions (some rolled back) runs against three accounts with about 32 calls in flight,
 * and a share of the calls is sent two or three times at once with the same idempotency key (a retry
 * storm), a few with different parameters. Afterwards the database must satisfy every invariant, and
 * the balances must equal two independent models: a conservation sum over the calls that succeeded,
 * and a replay of the TypeScript arithmetic in the order the ledger serialised the operations.
 */
import { randomUUID } from 'node:crypto';
import * as arithmetic from '../../../src/plugins/credits/server/src/domain/balance';
import type { Balance, Pool } from '../../../src/plugins/credits/server/src/domain/balance';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { signUp } from '../../helpers/tenants';

const TASKS = 320;
const CONCURRENCY = 32;

let app: TestApp;
const ledger = () => app.strapi.plugin('credits').service('ledger');
const db = () => app.strapi.db.connection;

type Verb = 'grant' | 'spend' | 'adjust' | 'reserve' | 'capture' | 'release';

/** One call as the client made it, and what it got back. */
interface Call {
  key: string;
  accountId: number;
  verb: Verb;
  amount: number;
  pool?: Pool;
  holdId?: number;
  ttlSeconds?: number;
  /** False for calls made inside an outer transaction that was rolled back. */
  committed: boolean;
  result?: { balance: Balance & { available: number }; entries: { pool: Pool; amount: number }[]; holdId?: number; replayed: boolean };
  error?: Error;
}

const calls: Call[] = [];
// By name: the app runs from its compiled copy, so its error classes are not the ones this file imports.
const REFUSALS = ['InsufficientCreditsError', 'IdempotencyConflictError', 'HoldStateError'];
const refused = (c: Call, name: string) => c.error?.name === name;
class RolledBack extends Error {}

/** Makes one call and records it; the refusals the ledger promises are outcomes, anything else fails the test. */
const attempt = async (call: Omit<Call, 'committed'>): Promise<Call> => {
  const record: Call = { ...call, committed: true };
  calls.push(record);
  const base = { accountId: call.accountId, idempotencyKey: call.key, actor: 'chaos' };
  try {
    record.result =
      call.verb === 'grant' ? await ledger().grant({ ...base, pool: call.pool, amount: call.amount, type: 'purchase' })
      : call.verb === 'spend' ? await ledger().spend({ ...base, amount: call.amount })
      : call.verb === 'adjust' ? await ledger().adjust({ ...base, pool: call.pool, amount: call.amount, reason: 'chaos' })
      : call.verb === 'reserve' ? await ledger().reserve({ ...base, amount: call.amount, operation: 'chaos', ttlSeconds: call.ttlSeconds })
      : call.verb === 'capture' ? await ledger().capture({ accountId: call.accountId, holdId: call.holdId!, amount: call.amount })
      : await ledger().release({ accountId: call.accountId, holdId: call.holdId! });
  } catch (error) {
    if (!REFUSALS.includes((error as Error).name)) throw error;
    record.error = error as Error;
  }
  return record;
};

/** The same call sent `copies` times at once, as a client retrying after a timeout would. */
const storm = (copies: number, call: Omit<Call, 'committed'>) => Promise.all(Array.from({ length: copies }, () => attempt(call)));

const settleKey = (holdId: number) => `hold:${holdId}:settle`;

/** A seeded workload, so a failure can be reproduced. */
const workload = (seed: number, accountIds: number[]) => {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
  const copies = () => [1, 1, 1, 1, 1, 1, 2, 2, 3, 3][rnd(10)];
  const pool = (): Pool => (rnd(2) ? 'plan' : 'bonus');

  // Every random draw happens while the workload is built, so the mix does not depend on timing.
  const single = (verb: 'grant' | 'spend' | 'adjust', accountId: number) => {
    const amount = verb === 'grant' ? 1 + rnd(200) : verb === 'spend' ? 1 + rnd(150) : (rnd(2) ? 1 : -1) * (1 + rnd(120));
    const call = { key: randomUUID(), accountId, verb, amount, pool: verb === 'spend' ? undefined : pool() };
    const n = copies();
    return () => storm(n, call);
  };

  /** Reserve, then capture, release, both at once (one must lose), or leave the hold open. */
  const job = (accountId: number) => {
    const amount = 1 + rnd(120);
    const fate = rnd(5);
    const actual = rnd(amount * 2);
    const [reserveCopies, settleCopies] = [copies(), copies()];
    return () => settle({ accountId, amount, fate, actual, reserveCopies, settleCopies });
  };

  const settle = async ({ accountId, amount, fate, actual, reserveCopies, settleCopies }: Record<string, number>) => {
    const reserved = (await storm(reserveCopies, { key: randomUUID(), accountId, verb: 'reserve', amount })).find((c) => c.result)?.result;
    if (!reserved) return;
    const holdId = reserved.holdId!;
    const capture = { key: settleKey(holdId), accountId, verb: 'capture' as const, amount: actual, holdId };
    const release = { key: settleKey(holdId), accountId, verb: 'release' as const, amount: 0, holdId };
    if (fate === 0) await storm(settleCopies, capture);
    else if (fate === 1) await storm(settleCopies, release);
    else if (fate === 2) await Promise.all([storm(settleCopies, capture), storm(1, release)]);
    else if (fate === 3) await Promise.all([storm(1, capture), storm(1, { ...capture, amount: actual + 1 })]);
  };

  /** The same key with different parameters, at once: at most one of them may move credits. */
  const conflict = (accountId: number) => () => {
    const key = randomUUID();
    return Promise.all([attempt({ key, accountId, verb: 'spend', amount: 5 }), attempt({ key, accountId, verb: 'spend', amount: 6 }), attempt({ key, accountId, verb: 'grant', amount: 5, pool: 'bonus' })]);
  };

  /** A grant and a spend inside an outer transaction (as a payment approval does), sometimes rolled back. */
  const outer = (accountId: number) => {
    const rollback = rnd(2) === 0;
    const grant = { key: randomUUID(), accountId, verb: 'grant' as const, amount: 1 + rnd(100), pool: pool() };
    const spend = { key: randomUUID(), accountId, verb: 'spend' as const, amount: 1 + rnd(150) };
    return async () => {
      const inside: Call[] = [];
      await app.strapi.db
        .transaction(async () => {
          inside.push(await attempt(grant));
          inside.push(await attempt(spend));
          if (rollback) throw new RolledBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RolledBack)) throw error;
          for (const call of inside) call.committed = false;
        });
    };
  };

  /** A hold that expires at once, swept by expireHolds while its owner may be releasing it. */
  const expiring = (accountId: number) => {
    const amount = 1 + rnd(60);
    const ownerToo = rnd(2) === 1;
    return async () => {
      const [r] = await storm(1, { key: randomUUID(), accountId, verb: 'reserve', amount, ttlSeconds: 0 });
      if (!r.result) return;
      const release = { key: settleKey(r.result.holdId!), accountId, verb: 'release' as const, amount: 0, holdId: r.result.holdId };
      await Promise.all([ledger().expireHolds(), ownerToo ? storm(1, release) : null]);
    };
  };

  return Array.from({ length: TASKS }, () => {
    const accountId = accountIds[rnd(accountIds.length)];
    const k = rnd(100);
    return k < 14 ? single('grant', accountId)
      : k < 34 ? single('spend', accountId)
      : k < 44 ? single('adjust', accountId)
      : k < 80 ? job(accountId)
      : k < 86 ? conflict(accountId)
      : k < 93 ? outer(accountId)
      : expiring(accountId);
  });
};

const runAll = async (tasks: (() => Promise<unknown>)[], limit: number) => {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < tasks.length) await tasks[next++]();
  }));
};

let accountIds: number[];
const start = new Map<number, Balance>();
let firstOperationId = 0;

beforeAll(async () => {
  app = await bootStrapi();
  accountIds = [];
  for (let i = 0; i < 3; i++) accountIds.push((await signUp(app)).accountId);
  for (const accountId of accountIds) await ledger().grant({ accountId, idempotencyKey: `seed:${randomUUID()}`, pool: 'bonus', amount: 800, type: 'purchase' });
  for (const accountId of accountIds) {
    const { plan, bonus, held } = await ledger().balance(accountId);
    start.set(accountId, { plan, bonus, held });
  }
  firstOperationId = Number((await db().raw('SELECT coalesce(max(id), 0) AS id FROM credit_operations')).rows[0].id);
  await runAll(workload(20261121, accountIds), CONCURRENCY);
}, 300000);

afterAll(async () => app?.close());

const final = async (accountId: number) => {
  const { rows } = await db().raw('SELECT plan_credits AS plan, bonus_credits AS bonus, held_credits AS held FROM accounts WHERE id = ?', [accountId]);
  return rows[0] as Balance;
};

describe('the ledger after a concurrent storm against three accounts', () => {
  it('exercised every path: successes, replays, refusals, conflicts and rollbacks', () => {
    const ok = calls.filter((c) => c.result && !c.result.replayed);
    expect(ok.length).toBeGreaterThan(200);
    for (const verb of ['grant', 'spend', 'adjust', 'reserve', 'capture', 'release']) expect(ok.some((c) => c.verb === verb)).toBe(true);
    expect(calls.some((c) => c.result?.replayed)).toBe(true);
    expect(calls.some((c) => refused(c, 'InsufficientCreditsError'))).toBe(true);
    expect(calls.some((c) => refused(c, 'IdempotencyConflictError'))).toBe(true);
    expect(calls.some((c) => refused(c, 'HoldStateError'))).toBe(true);
    expect(calls.some((c) => !c.committed)).toBe(true);
  });

  it('keeps every balance equal to the sum of its ledger rows, none negative, held equal to the open holds', async () => {
    for (const accountId of accountIds) {
      const b = await final(accountId);
      const { rows } = await db().raw(
        `SELECT coalesce(sum(amount) FILTER (WHERE pool = 'plan'), 0) AS plan, coalesce(sum(amount) FILTER (WHERE pool = 'bonus'), 0) AS bonus,
                (SELECT coalesce(sum(amount), 0) FROM credit_holds WHERE account_id = ? AND status = 'held') AS held
           FROM credit_transactions WHERE account_id = ?`,
        [accountId, accountId]
      );
      expect({ plan: Number(rows[0].plan), bonus: Number(rows[0].bonus), held: Number(rows[0].held) }).toEqual(b);
      expect(Math.min(b.plan, b.bonus, b.held)).toBeGreaterThanOrEqual(0);
    }
  });

  it('moved credits at most once per idempotency key, and exactly as the one call that moved them said', async () => {
    const byKey = new Map<string, Call[]>();
    for (const c of calls) byKey.set(`${c.accountId}:${c.key}`, [...(byKey.get(`${c.accountId}:${c.key}`) ?? []), c]);
    const { rows } = await db().raw(
      `SELECT o.account_id, o.idempotency_key, o.kind, count(DISTINCT o.id) AS operations, coalesce(sum(t.amount), 0) AS moved, count(t.id) AS entries,
              (SELECT h.status FROM credit_holds h WHERE o.idempotency_key = 'hold:' || h.id || ':settle') AS hold_status
         FROM credit_operations o LEFT JOIN credit_transactions t ON t.operation_id = o.id
        WHERE o.account_id IN (${accountIds.map(() => '?').join(',')}) AND o.id > ?
        GROUP BY o.account_id, o.idempotency_key, o.kind`,
      [...accountIds, firstOperationId]
    );
    const stored = new Map<string, any>(rows.map((r: any) => [`${r.account_id}:${r.idempotency_key}`, r]));
    expect(stored.size).toBe(rows.length);
    // The only operations no client call made are the sweeper's expiries, which move no credits.
    const bySweeper = (row: any) => row.kind === 'release' && row.hold_status === 'expired' && Number(row.entries) === 0;
    for (const [key, row] of stored) if (!byKey.get(key)?.some((c) => c.result && !c.result.replayed && c.committed)) expect(bySweeper(row)).toBe(true);

    for (const [key, copies] of byKey) {
      const movers = copies.filter((c) => c.result && !c.result.replayed);
      expect(movers.length).toBeLessThanOrEqual(1);
      const row = stored.get(key);
      // Refused everywhere, or rolled back with its outer transaction: nothing saved.
      if (movers.length === 0 || !movers[0].committed) {
        if (row) expect(bySweeper(row)).toBe(true);
        continue;
      }
      const mover = movers[0];
      expect(Number(row.operations)).toBe(1);
      expect(Number(row.moved)).toBe(mover.result!.entries.reduce((n, e) => n + e.amount, 0));
      expect(Number(row.entries)).toBe(mover.result!.entries.length);
      // Every replay returned the first result.
      for (const c of copies.filter((c) => c.result?.replayed)) expect({ ...c.result, replayed: false }).toEqual(mover.result);
      // A copy refused as a conflict asked for something else than the one that moved credits.
      for (const c of copies.filter((c) => refused(c, 'IdempotencyConflictError'))) expect([c.verb, c.amount, c.pool]).not.toEqual([mover.verb, mover.amount, mover.pool]);
    }
  });

  it('ends at the balances a conservation model of the successful calls predicts', async () => {
    const holdAmount = new Map<number, number>();
    for (const c of calls) if (c.verb === 'reserve' && c.result && !c.result.replayed) holdAmount.set(c.result.holdId!, c.amount);
    for (const accountId of accountIds) {
      const s = start.get(accountId)!;
      let total = s.plan + s.bonus;
      let held = s.held;
      for (const c of calls.filter((c) => c.accountId === accountId && c.committed && c.result && !c.result.replayed)) {
        if (c.verb === 'grant' || c.verb === 'adjust') total += c.amount;
        if (c.verb === 'spend' || c.verb === 'capture') total -= c.amount;
        if (c.verb === 'reserve') held += c.amount;
        if (c.verb === 'capture' || c.verb === 'release') held -= holdAmount.get(c.holdId!)!;
      }
      // The sweeper's expiries are not client calls; they gave their holds back.
      const { rows } = await db().raw(`SELECT coalesce(sum(amount), 0) AS n FROM credit_holds WHERE account_id = ? AND status = 'expired'`, [accountId]);
      held -= Number(rows[0].n);
      const b = await final(accountId);
      expect({ total: b.plan + b.bonus, held: b.held }).toEqual({ total, held });
    }
  });

  it('ends at the balances a replay of the TypeScript arithmetic in the ledger order predicts, step by step', async () => {
    const mover = new Map<string, Call>();
    for (const c of calls) if (c.result && !c.result.replayed && c.committed) mover.set(`${c.accountId}:${c.key}`, c);
    const holdAmount = new Map<number, number>();
    for (const accountId of accountIds) {
      const { rows: operations } = await db().raw('SELECT idempotency_key, kind, result FROM credit_operations WHERE account_id = ? AND id > ? ORDER BY id', [accountId, firstOperationId]);
      const { rows: holds } = await db().raw('SELECT id, amount FROM credit_holds WHERE account_id = ?', [accountId]);
      for (const h of holds) holdAmount.set(Number(h.id), h.amount);
      let state = start.get(accountId)!;
      for (const op of operations) {
        const result = typeof op.result === 'string' ? JSON.parse(op.result) : op.result;
        const c = mover.get(`${accountId}:${op.idempotency_key}`);
        const m =
          op.kind === 'grant' ? arithmetic.credit(state, c!.pool!, c!.amount)
          : op.kind === 'spend' ? arithmetic.debit(state, c!.amount)
          : op.kind === 'adjust' ? arithmetic.adjust(state, c!.pool!, c!.amount)
          : op.kind === 'reserve' ? arithmetic.reserve(state, c ? c.amount : holdAmount.get(result.holdId)!)
          : op.kind === 'capture' ? arithmetic.capture(state, holdAmount.get(c!.holdId!)!, c!.amount)
          : arithmetic.release(state, holdAmount.get(Number(op.idempotency_key.split(':')[1]))!);
        expect({ key: op.idempotency_key, balance: result.balance, entries: result.entries }).toEqual({
          key: op.idempotency_key,
          balance: { ...m.balance, available: arithmetic.available(m.balance) },
          entries: m.entries,
        });
        state = m.balance;
      }
      expect(await final(accountId)).toEqual(state);
    }
  });

  it('saved nothing for a refused spend, so the same key succeeds after a top-up', async () => {
    const accountId = accountIds[0];
    const key = randomUUID();
    const { plan, bonus, held, available } = await ledger().balance(accountId);
    await expect(ledger().spend({ accountId, idempotencyKey: key, amount: available + 1 })).rejects.toMatchObject({ status: 402, details: { needed: available + 1, available } });
    expect((await db().raw('SELECT count(*) AS n FROM credit_operations WHERE account_id = ? AND idempotency_key = ?', [accountId, key])).rows[0].n).toBe('0');
    // Just enough: an adjustment may have left the pools below what is held, where available is 0.
    const topUp = held - plan - bonus + available + 1;
    await ledger().grant({ accountId, idempotencyKey: randomUUID(), pool: 'bonus', amount: topUp, type: 'purchase' });
    expect(await ledger().spend({ accountId, idempotencyKey: key, amount: available + 1 })).toMatchObject({ replayed: false, balance: { available: 0 } });
  });
});
