/**
 * The credit ledger over HTTP and through its service: balances, history, holds, idempotency,
 * staff adjustments with permissions, estimates, and the database-level guarantees.
 */
import { randomUUID } from 'node:crypto';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken, type Tenant } from '../../helpers/tenants';

let app: TestApp;
let A: Tenant;
let B: Tenant;
let superAdmin: string;
const ledger = () => app.strapi.plugin('credits').service('ledger');
const rows = (accountId: number) => app.strapi.db.connection('credit_transactions').where('account_id', accountId).orderBy('id');
const sumOf = async (accountId: number, pool: string) =>
  Number((await app.strapi.db.connection('credit_transactions').where({ account_id: accountId, pool }).sum({ s: 'amount' }))[0].s ?? 0);

beforeAll(async () => {
  app = await bootStrapi();
  A = await signUp(app);
  B = await signUp(app);
  superAdmin = await staffToken(app);
}, 120000);

afterAll(async () => app?.close());

const staffAdjust = (token: string, accountId: number, body: unknown, key: string | null = randomUUID()) => {
  const req = app.request().post(`/credits/accounts/${accountId}/adjustments`).set('Authorization', `Bearer ${token}`);
  if (key) req.set('Idempotency-Key', key);
  return req.send(body as object);
};

describe('staff adjustments', () => {
  it('adds bonus credits with a reason, shows them to the tenant, and writes one ledger row', async () => {
    const before = await ledger().balance(A.accountId);
    const res = await staffAdjust(superAdmin, A.accountId, { pool: 'bonus', amount: 500, reason: 'Goodwill for outage' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ replayed: false, balance: { bonus: before.bonus + 500 }, entries: [{ pool: 'bonus', amount: 500 }] });
    const mine = await as(app, A.jwt).get('/api/credits/balance');
    expect(mine.status).toBe(200);
    expect(mine.body.data).toMatchObject({ bonus: before.bonus + 500, held: 0, available: before.available + 500 });
    const last = (await rows(A.accountId)).pop();
    expect(last).toMatchObject({ pool: 'bonus', amount: 500, type: 'adjustment', reason: 'Goodwill for outage', balance_after: before.bonus + 500 });
    expect(last.actor).toMatch(/^admin:\d+$/);
  });

  it('replays the same Idempotency-Key without moving credits, and refuses it with different parameters', async () => {
    const key = randomUUID();
    const first = await staffAdjust(superAdmin, A.accountId, { pool: 'plan', amount: 10, reason: 'Retry me' }, key);
    const count = (await rows(A.accountId)).length;
    const again = await staffAdjust(superAdmin, A.accountId, { pool: 'plan', amount: 10, reason: 'Retry me' }, key);
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ ...first.body.data, replayed: true });
    expect((await rows(A.accountId)).length).toBe(count);
    const different = await staffAdjust(superAdmin, A.accountId, { pool: 'plan', amount: 11, reason: 'Retry me' }, key);
    expect(different.status).toBe(409);
    expect(different.body.error).toMatchObject({ name: 'IdempotencyConflictError', details: { idempotencyKey: key } });
  });

  it.each([
    [{ pool: 'bonus', amount: 5 }, 'reason'],
    [{ pool: 'gold', amount: 5, reason: 'x is enough' }, 'pool'],
    [{ pool: 'bonus', amount: 0, reason: 'zero amount' }, 'amount'],
    [{ pool: 'bonus', amount: 1.5, reason: 'fractional' }, 'amount'],
    [{ pool: 'bonus', amount: 5, reason: 'extra field', account: 7 }, 'account'],
  ])('refuses %j with a 400 naming %s, and moves nothing', async (body, field) => {
    const count = (await rows(A.accountId)).length;
    const res = await staffAdjust(superAdmin, A.accountId, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(field);
    expect((await rows(A.accountId)).length).toBe(count);
  });

  it('requires the Idempotency-Key header, naming it', async () => {
    const res = await staffAdjust(superAdmin, A.accountId, { pool: 'bonus', amount: 5, reason: 'no key' }, null);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Idempotency-Key');
  });

  it('refuses to take a pool below zero with a 402 that says needed and available', async () => {
    const { plan } = await ledger().balance(B.accountId);
    const res = await staffAdjust(superAdmin, B.accountId, { pool: 'plan', amount: -(plan + 1), reason: 'too much' });
    expect(res.status).toBe(402);
    expect(res.body.error).toMatchObject({ name: 'InsufficientCreditsError', details: { needed: plan + 1, available: plan } });
  });

  it('lets a Billing Administrator adjust, a Support Agent only read, and tenants neither', async () => {
    const billing = await staffToken(app, 'igny8-billing-admin');
    const support = await staffToken(app, 'igny8-support-agent');
    expect((await staffAdjust(billing, B.accountId, { pool: 'bonus', amount: 1, reason: 'billing admin' })).status).toBe(201);
    expect((await staffAdjust(support, B.accountId, { pool: 'bonus', amount: 1, reason: 'support' })).status).toBe(403);
    const read = await app.request().get(`/credits/accounts/${B.accountId}/transactions`).set('Authorization', `Bearer ${support}`);
    expect(read.status).toBe(200);
    expect(read.body.data[0]).toMatchObject({ pool: 'bonus', amount: 1, type: 'adjustment' });
    expect((await staffAdjust(A.jwt, B.accountId, { pool: 'bonus', amount: 1, reason: 'tenant' })).status).toBe(401);
  });
});

describe('holds through the service', () => {
  it('reserve -> capture charges the real cost once and records usage', async () => {
    const start = await ledger().balance(A.accountId);
    const hold = await ledger().reserve({ accountId: A.accountId, amount: 40, idempotencyKey: `job:${randomUUID()}`, operation: 'content_generation', actor: 'worker' });
    expect(hold.balance).toMatchObject({ held: start.held + 40, available: start.available - 40 });
    const usage = { operation: 'content_generation', provider: 'openai', model: 'gpt-4o-mini', inputTokens: 1200, outputTokens: 800, usdCost: 0.00066, keySource: 'platform' as const, record: { type: 'content', id: 'abc' } };
    const captured = await ledger().capture({ accountId: A.accountId, holdId: hold.holdId, amount: 55, usage });
    expect(captured.balance).toMatchObject({ held: start.held, available: start.available - 55 });
    const again = await ledger().capture({ accountId: A.accountId, holdId: hold.holdId, amount: 55, usage });
    expect(again.replayed).toBe(true);
    await expect(ledger().capture({ accountId: A.accountId, holdId: hold.holdId, amount: 56 })).rejects.toMatchObject({ name: 'HoldStateError', status: 409 });
    await expect(ledger().release({ accountId: A.accountId, holdId: hold.holdId })).rejects.toMatchObject({ name: 'HoldStateError' });
    const use = await as(app, A.jwt).get('/api/credits/usage?operation=content_generation');
    expect(use.status).toBe(200);
    expect(use.body.data[0]).toMatchObject({ operation: 'content_generation', credits: 55, model: 'gpt-4o-mini', inputTokens: 1200, keySource: 'platform', recordId: 'abc' });
  });

  it('release gives the whole hold back; an unsettled hold expires', async () => {
    const start = await ledger().balance(A.accountId);
    const h1 = await ledger().reserve({ accountId: A.accountId, amount: 25, idempotencyKey: `job:${randomUUID()}` });
    await ledger().release({ accountId: A.accountId, holdId: h1.holdId });
    const h2 = await ledger().reserve({ accountId: A.accountId, amount: 25, idempotencyKey: `job:${randomUUID()}`, ttlSeconds: 0 });
    expect((await ledger().balance(A.accountId)).held).toBe(start.held + 25);
    expect(await ledger().expireHolds()).toBeGreaterThanOrEqual(1);
    expect(await ledger().balance(A.accountId)).toEqual(start);
    expect((await ledger().hold(A.accountId, h2.holdId)).status).toBe('expired');
  });

  it("joins the caller's transaction: invisible until it commits, gone when it rolls back", async () => {
    const start = await ledger().balance(B.accountId);
    const operations = async (key: string) => Number((await app.strapi.db.connection('credit_operations').where({ account_id: B.accountId, idempotency_key: key }).count({ n: '*' }))[0].n);
    const committedKey = `outer:${randomUUID()}`;
    await app.strapi.db.transaction(async () => {
      const moved = await ledger().grant({ accountId: B.accountId, idempotencyKey: committedKey, pool: 'bonus', amount: 7, type: 'purchase' });
      expect(moved.balance.bonus).toBe(start.bonus + 7);
      // Another connection does not see it yet: the move ran on the transaction's connection.
      expect(await ledger().balance(B.accountId)).toEqual(start);
      expect(await operations(committedKey)).toBe(0);
    });
    expect((await ledger().balance(B.accountId)).bonus).toBe(start.bonus + 7);
    expect(await operations(committedKey)).toBe(1);

    const rolledBackKey = `outer:${randomUUID()}`;
    await expect(
      app.strapi.db.transaction(async () => {
        await ledger().spend({ accountId: B.accountId, idempotencyKey: rolledBackKey, amount: 3 });
        throw new Error('the caller failed after the spend');
      })
    ).rejects.toThrow('the caller failed');
    expect((await ledger().balance(B.accountId)).bonus).toBe(start.bonus + 7);
    expect(await operations(rolledBackKey)).toBe(0);
    // The key stored nothing, so it runs for real afterwards.
    expect((await ledger().spend({ accountId: B.accountId, idempotencyKey: rolledBackKey, amount: 3 })).replayed).toBe(false);
  });

  it("a movement still shows in knex's query events (query counters, debug logs)", async () => {
    const seen: string[] = [];
    const listener = (q: { sql: string }) => seen.push(q.sql);
    app.strapi.db.connection.on('query', listener);
    try {
      await ledger().grant({ accountId: B.accountId, idempotencyKey: `event:${randomUUID()}`, pool: 'bonus', amount: 1, type: 'purchase' });
    } finally {
      app.strapi.db.connection.off('query', listener);
    }
    expect(seen.filter((sql) => sql.includes('credit_move('))).toHaveLength(1);
  });

  it('a reservation that does not fit fails with needed and available, and holds nothing', async () => {
    const start = await ledger().balance(B.accountId);
    await expect(ledger().reserve({ accountId: B.accountId, amount: start.available + 1, idempotencyKey: `job:${randomUUID()}` })).rejects.toMatchObject({
      name: 'InsufficientCreditsError',
      status: 402,
      details: { needed: start.available + 1, available: start.available },
    });
    expect(await ledger().balance(B.accountId)).toEqual(start);
  });
});

describe('tenant views', () => {
  it('pages and filters the ledger; each account sees only its own rows', async () => {
    const res = await as(app, A.jwt).get('/api/credits/transactions?pageSize=2&type=adjustment');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data.every((r: any) => r.type === 'adjustment')).toBe(true);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2 });
    const ids = new Set((await rows(B.accountId)).map((r: any) => Number(r.id)));
    const all = await as(app, A.jwt).get('/api/credits/transactions?pageSize=100');
    expect(all.body.data.some((r: any) => ids.has(r.id))).toBe(false);
  });

  it.each([
    ['/api/credits/transactions?pageSize=500', 'pageSize'],
    ['/api/credits/transactions?from=yesterday', 'from'],
    ['/api/credits/transactions?type=gift', 'type'],
    ['/api/credits/usage?accountId=1', 'accountId'],
  ])('%s -> 400 naming %s', async (url, field) => {
    const res = await as(app, A.jwt).get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(field);
  });

  it('estimates a batch against the balance', async () => {
    const { available } = await ledger().balance(A.accountId);
    const res = await as(app, A.jwt).post('/api/credits/estimate', { operation: 'content_generation', items: 240, perItem: { words: 1000 } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ items: 240, credits: 7200, available, shortBy: Math.max(0, 7200 - available) });
    const bad = await as(app, A.jwt).post('/api/credits/estimate', { operation: 'content_generation', items: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('items');
    const unknown = await as(app, A.jwt).post('/api/credits/estimate', { operation: 'telepathy', items: 1 });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toContain('operation');
  });

  it('forecasts burn rate and lets owners set the low-balance threshold', async () => {
    const set = await as(app, A.jwt).put('/api/credits/alerts', { lowBalanceThreshold: 1_000_000 });
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ threshold: 1_000_000, lowBalance: true, windowDays: 7 });
    expect(set.body.data.usedInWindow).toBeGreaterThanOrEqual(55);
    const low = await app.request().get('/credits/alerts/low-balance').set('Authorization', `Bearer ${superAdmin}`);
    expect(low.body.data.map((a: any) => a.id)).toContain(A.accountId);
    expect((await as(app, A.jwt).put('/api/credits/alerts', { lowBalanceThreshold: -1 })).status).toBe(400);
  });

  it('serves balance and history over GraphQL, scoped to the caller', async () => {
    const res = await as(app, B.jwt).graphql(`{ creditBalance { plan bonus held available } creditTransactions(pageSize: 5) { nodes { pool amount type } pageInfo { total } } }`);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.creditBalance).toEqual(await ledger().balance(B.accountId).then(({ plan, bonus, held, available }: any) => ({ plan, bonus, held, available })));
    expect(res.body.data.creditTransactions.pageInfo.total).toBe((await rows(B.accountId)).length);
    const anonymous = await app.request().post('/graphql').send({ query: '{ creditBalance { plan } }' });
    expect(anonymous.body.data?.creditBalance ?? null).toBeNull();
    expect(anonymous.body.errors[0].message).toMatch(/Forbidden|Unauthorized/i);
  });
});

describe('guarantees in the database', () => {
  it('the ledger is append-only', async () => {
    await expect(app.strapi.db.connection.raw('UPDATE credit_transactions SET amount = 1')).rejects.toThrow(/append-only/);
    await expect(app.strapi.db.connection.raw('DELETE FROM credit_transactions')).rejects.toThrow(/append-only/);
  });

  it('balances cannot go negative even through raw SQL', async () => {
    await expect(app.strapi.db.connection.raw('UPDATE accounts SET bonus_credits = -1 WHERE id = ?', [A.accountId])).rejects.toThrow(/accounts_credits_non_negative/);
  });

  it('a ledger row breaking the row rules is refused whoever writes it (column domains)', async () => {
    const { rows: [op] } = await app.strapi.db.connection.raw('SELECT id FROM credit_operations WHERE account_id = ? ORDER BY id LIMIT 1', [A.accountId]);
    const insert = (row: { pool: string; amount: number; balanceAfter: number; type: string }) =>
      app.strapi.db.connection.raw(
        'INSERT INTO credit_transactions (account_id, operation_id, pool, amount, balance_after, type) VALUES (?, ?, ?, ?, ?, ?)',
        [A.accountId, op.id, row.pool, row.amount, row.balanceAfter, row.type]
      );
    const before = (await rows(A.accountId)).length;
    const valid = { pool: 'plan', amount: 1, balanceAfter: 1, type: 'refund' };
    await expect(insert({ ...valid, pool: 'gold' })).rejects.toThrow(/credit_pool/);
    await expect(insert({ ...valid, amount: 0 })).rejects.toThrow(/credit_amount/);
    await expect(insert({ ...valid, balanceAfter: -1 })).rejects.toThrow(/credit_balance/);
    await expect(insert({ ...valid, type: 'gift' })).rejects.toThrow(/credit_transaction_type/);
    expect((await rows(A.accountId)).length).toBe(before);
  });

  it('staff edits through the Document Service (Content Manager) cannot change balances', async () => {
    const before = await ledger().balance(A.accountId);
    await app.strapi.documents('api::account.account').update({ documentId: A.accountDocumentId, data: { planCredits: 999999, name: 'Renamed' } as any });
    expect(await ledger().balance(A.accountId)).toEqual(before);
  });

  it('every balance equals the sum of its ledger rows', async () => {
    for (const t of [A, B]) {
      const b = await ledger().balance(t.accountId);
      expect({ plan: await sumOf(t.accountId, 'plan'), bonus: await sumOf(t.accountId, 'bonus') }).toEqual({ plan: b.plan, bonus: b.bonus });
    }
  });
});
