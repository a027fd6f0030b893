/**
 * Reports (revenue, credit usage, content production, data quality) against seeded data, their CSV
 * export, per-report permissions, account health and the on-demand check of the critical endpoints.
 * Figures are isolated from other data of the template database by a test-only currency (XTS), unique
 * operation and model names, or as differences from the report before seeding.
 */
import { parse } from 'csv-parse/sync';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken } from '../../helpers/tenants';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await bootStrapi({ env: { MONITORING_REPORT_CACHE_MS: '0', MONITORING_USD_PER_CREDIT: '0.01' } });
  admin = await staffToken(app);
});

afterAll(async () => {
  await app?.close();
});

const knex = () => app.strapi.db.connection;
const report = async (name: string, query = '', token = admin) => {
  const res = await as(app, token).get(`/monitoring/reports/${name}${query}`);
  expect(res.status).toBe(200);
  return res.body.data;
};
const ledger = () => app.strapi.plugin('credits').service('ledger');
const check = (data: any, id: string) => data.checks.find((c: any) => c.id === id);

describe('revenue', () => {
  it('paid invoices per month (6 months, zero months kept), by plan and by payment method', async () => {
    const t = await signUp(app);
    const plan = await app.strapi.db.query('api::plan.plan').create({
      data: { name: 'Report Plan', slug: `report-plan-${t.accountId}`, price: 10, currency: 'XTS', billingCycle: 'monthly', includedCredits: 100, isActive: true },
    });
    const invoices = app.strapi.db.query('plugin::billing.invoice');
    const base = { account: t.accountId, currency: 'XTS', lineItems: [], subtotal: 0, tax: 0 };
    let n = 0;
    const invoice = (data: Record<string, unknown>) => invoices.create({ data: { ...base, number: `R-${t.accountId}-${++n}`, type: 'subscription', ...data } });
    await invoice({ status: 'paid', total: 100, paidAt: new Date(), plan: plan.id });
    await invoice({ status: 'paid', total: 50, paidAt: new Date(), type: 'credit_package' });
    const older = await invoice({ status: 'paid', total: 30, paidAt: new Date(), plan: plan.id });
    const tooOld = await invoice({ status: 'paid', total: 999, paidAt: new Date(), plan: plan.id });
    await invoice({ status: 'pending', total: 500, plan: plan.id });
    await knex().raw(`UPDATE billing_invoices SET paid_at = date_trunc('month', now()) - interval '2 months' + interval '3 days' WHERE id = ?`, [older.id]);
    await knex().raw(`UPDATE billing_invoices SET paid_at = now() - interval '8 months' WHERE id = ?`, [tooOld.id]);

    const payments = app.strapi.db.query('plugin::billing.payment');
    const pay = (method: string, amount: number, status = 'succeeded') => payments.create({ data: { account: t.accountId, currency: 'XTS', method, amount, status } });
    await pay('bank_transfer', 40);
    await pay('bank_transfer', 60);
    await pay('stripe', 25);
    await pay('stripe', 1000, 'failed');
    const old = await pay('stripe', 7);
    await knex().raw(`UPDATE billing_payments SET created_at = now() - interval '10 months' WHERE id = ?`, [old.id]);

    const data = await report('revenue');
    expect(data.months).toBe(6);
    expect(new Set(data.monthly.map((m: any) => m.month)).size).toBe(6);
    const xts = data.monthly.filter((m: any) => m.currency === 'XTS');
    const now = new Date();
    const monthKey = (back: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
      return d.toISOString().slice(0, 7);
    };
    expect(xts).toEqual([
      { month: monthKey(2), currency: 'XTS', total: 30, invoices: 1 },
      { month: monthKey(0), currency: 'XTS', total: 150, invoices: 2 },
    ]);
    const byPlan = data.byPlan.filter((r: any) => r.currency === 'XTS').map((r: any) => [r.plan, r.total, r.invoices]);
    expect(byPlan).toEqual([['Report Plan', 130, 2], ['(credit_package)', 50, 1]]);
    expect(data.byPlan.find((r: any) => r.plan === 'Report Plan').link).toContain(`[plan][id][$eq]=${plan.id}`);
    const byMethod = data.byMethod.filter((r: any) => r.currency === 'XTS').map((r: any) => [r.method, r.amount, r.payments]);
    expect(byMethod).toEqual([['bank_transfer', 100, 2], ['stripe', 25, 1]]);

    const three = await report('revenue', '?months=3');
    expect(new Set(three.monthly.map((m: any) => m.month)).size).toBe(3);
  });
});

describe('credit usage', () => {
  it('by operation, by model, top accounts, and platform cost against credits billed (margin)', async () => {
    const before = await report('credits');
    const big = await signUp(app);
    const small = await signUp(app);
    await ledger().recordUsage(big.accountId, 5000, { operation: 'report_test_write', provider: 'openai', model: 'report-model-a', usdCost: 2.5, keySource: 'platform' });
    await ledger().recordUsage(big.accountId, 3000, { operation: 'report_test_write', provider: 'anthropic', model: 'report-model-b', usdCost: 1.5, keySource: 'platform' });
    // Paid by the account's own key: credits billed, no platform cost.
    await ledger().recordUsage(small.accountId, 2000, { operation: 'report_test_image', provider: 'openai', model: 'report-model-a', usdCost: 4, keySource: 'account' });
    const ancient = await ledger().recordUsage(small.accountId, 999999, { operation: 'report_test_image', provider: 'openai', model: 'report-model-a', usdCost: 100 });
    void ancient;
    await knex().raw(`UPDATE credit_usage_logs SET created_at = now() - interval '40 days' WHERE credits = 999999`);

    const data = await report('credits');
    expect(data.days).toBe(30);
    const op = (name: string) => data.byOperation.find((r: any) => r.operation === name);
    expect(op('report_test_write')).toMatchObject({ operations: 2, credits: 8000, usd: 4, platformUsd: 4 });
    expect(op('report_test_image')).toMatchObject({ operations: 1, credits: 2000, usd: 4, platformUsd: 0 });
    const model = (name: string) => data.byModel.find((r: any) => r.model === name);
    expect(model('report-model-a')).toMatchObject({ provider: 'openai', credits: 7000, usd: 6.5 });
    expect(model('report-model-b')).toMatchObject({ provider: 'anthropic', credits: 3000, usd: 1.5 });
    expect(data.topAccounts[0]).toMatchObject({ accountId: big.accountId, credits: 8000 });
    expect(data.topAccounts[0].name).toEqual(expect.any(String));
    expect(data.topAccounts[0].link).toContain(`[id][$in][0]=${big.accountId}`);

    expect(data.totals.credits - before.totals.credits).toBe(10000);
    expect(data.margin.usdPerCredit).toBe(0.01);
    expect(data.margin.usdPerCreditSource).toBe('config');
    expect(data.margin.creditsBilled - before.margin.creditsBilled).toBe(10000);
    expect(data.margin.platformUsdCost - before.margin.platformUsdCost).toBeCloseTo(4, 6);
    expect(data.margin.marginUsd).toBeCloseTo(data.margin.creditsBilled * 0.01 - data.margin.platformUsdCost, 6);

    const week = await report('credits', '?days=7');
    expect(week.days).toBe(7);
    expect(week.byOperation.find((r: any) => r.operation === 'report_test_write').credits).toBe(8000);
  });
});

describe('content production', () => {
  it('30-day timeline, by type with average words, and task completion rate', async () => {
    const before = await report('content');
    const t = await signUp(app);
    const content = app.strapi.db.query('api::content.content');
    const made = [];
    for (const [type, words] of [['post', 1000], ['post', 2000], ['page', 500], ['product', 300], ['post', 9999]] as const) {
      made.push(await content.create({ data: { title: `C ${type} ${words}`, contentType: type, wordCount: words, account: t.accountId } }));
    }
    await knex().raw(`UPDATE contents SET created_at = date_trunc('day', now()) - interval '3 days' + interval '1 hour' WHERE id = ?`, [made[2].id]);
    await knex().raw(`UPDATE contents SET created_at = now() - interval '45 days' WHERE id = ?`, [made[3].id]);
    await knex().raw(`UPDATE contents SET deleted_at = now() WHERE id = ?`, [made[4].id]);
    const tasks = app.strapi.db.query('api::task.task');
    for (const status of ['completed', 'completed', 'completed', 'queued', 'cancelled']) await tasks.create({ data: { title: `T ${status}`, status, account: t.accountId } });

    const after = await report('content');
    expect(after.timeline).toHaveLength(30);
    const day = (d: any, back: number) => d.timeline[d.timeline.length - 1 - back].created;
    expect(day(after, 0) - day(before, 0)).toBe(2);
    expect(day(after, 3) - day(before, 3)).toBe(1);
    expect(after.totals.content - before.totals.content).toBe(3);
    const type = (d: any, name: string) => d.byType.find((r: any) => r.contentType === name) ?? { count: 0 };
    expect(type(after, 'post').count - type(before, 'post').count).toBe(2);
    expect(type(after, 'page').count - type(before, 'page').count).toBe(1);
    expect(type(after, 'product').count - type(before, 'product').count).toBe(0);
    if (!type(before, 'post').count) expect(type(after, 'post').averageWords).toBe(1500);

    expect(after.tasks.created - before.tasks.created).toBe(5);
    expect(after.tasks.completed - before.tasks.completed).toBe(3);
    expect(after.tasks.cancelled - before.tasks.cancelled).toBe(1);
    expect(after.tasks.completionRate).toBeCloseTo(after.tasks.completed / (after.tasks.created - after.tasks.cancelled), 4);
  });
});

describe('data quality', () => {
  it('counts orphaned content, tasks without cluster, negative balances, duplicate keywords and missing SEO, with list links', async () => {
    // The checks are stored and served for a few minutes; `refresh=true` recomputes them now.
    const before = await report('data-quality', '?refresh=true');
    const t = await signUp(app);
    const content = app.strapi.db.query('api::content.content');
    const orphan = await content.create({ data: { title: 'Nobody owns me', metaTitle: 'x', metaDescription: 'y', primaryKeyword: 'z' } });
    await content.create({ data: { title: 'Owned, SEO done', account: t.accountId, metaTitle: 'x', metaDescription: 'y', primaryKeyword: 'z' } });
    await content.create({ data: { title: 'Owned, no meta title', account: t.accountId, metaTitle: '  ', metaDescription: 'y', primaryKeyword: 'z' } });
    await content.create({ data: { title: 'Owned, nothing', account: t.accountId } });
    const cluster = await app.strapi.db.query('api::cluster.cluster').create({ data: { name: 'C', account: t.accountId } });
    const tasks = app.strapi.db.query('api::task.task');
    await tasks.create({ data: { title: 'No cluster', account: t.accountId } });
    await tasks.create({ data: { title: 'With cluster', account: t.accountId, cluster: cluster.id } });
    await knex().raw('UPDATE accounts SET plan_credits = 10, bonus_credits = 0, held_credits = 25 WHERE id = ?', [t.accountId]);
    const keywords = app.strapi.db.query('api::keyword.keyword');
    const other = await signUp(app);
    for (const [text, account] of [['Best Shoes', t.accountId], ['best shoes ', t.accountId], ['BEST SHOES', t.accountId], ['seo tools', t.accountId], ['best shoes', other.accountId]] as const) {
      await keywords.create({ data: { keyword: text, account } });
    }

    const stored = await report('data-quality');
    expect(stored.computedAt).toBe(before.computedAt);
    expect(check(stored, 'orphaned-content').count).toBe(check(before, 'orphaned-content').count);
    const after = await report('data-quality', '?refresh=true');
    expect(new Date(after.computedAt).getTime()).toBeGreaterThan(new Date(before.computedAt).getTime());
    const delta = (id: string) => check(after, id).count - check(before, id).count;
    expect(delta('orphaned-content')).toBe(1);
    expect(check(after, 'orphaned-content').sample).toContain(orphan.id);
    expect(check(after, 'orphaned-content').link).toBe('/admin/content-manager/collection-types/api::content.content?filters[$and][0][account][id][$null]=true');
    expect(delta('tasks-without-cluster')).toBe(1);
    expect(delta('negative-balances')).toBe(1);
    expect(check(after, 'negative-balances').sample).toContain(t.accountId);
    expect(check(after, 'negative-balances').link).toContain(`filters[$and][0][id][$in]`);
    // Three spellings of one keyword in one account: one group, two extra rows (the other account's copy is not a duplicate).
    expect(delta('duplicate-keywords')).toBe(2);
    expect(check(after, 'duplicate-keywords').groups - check(before, 'duplicate-keywords').groups).toBe(1);
    expect(check(after, 'duplicate-keywords').sample).toContain('best shoes');
    expect(delta('content-missing-seo')).toBe(2);
    expect(check(after, 'content-missing-seo').missing.metaTitle - check(before, 'content-missing-seo').missing.metaTitle).toBe(2);
    expect(check(after, 'content-missing-seo').link).toContain('filters[$or][0][metaTitle][$null]=true');

    // The links are list views the Content Manager answers with exactly those records.
    const listed = await as(app, admin).get(`/content-manager/collection-types/api::task.task?page=1&pageSize=100&filters[$and][0][cluster][id][$null]=true`);
    expect(listed.status).toBe(200);
    expect(listed.body.pagination.total).toBe(check(after, 'tasks-without-cluster').count);
  });
});

describe('daily rollups', () => {
  const reports = () => app.strapi.plugin('monitoring').service('reports');
  const rollups = () => app.strapi.plugin('monitoring').service('rollups');
  const both = async (name: 'credits' | 'content', days: number) => [await reports()[name]({ days, source: 'rollup' }), await reports()[name]({ days, source: 'raw' })];

  it('give the raw rows\' figures after inserts, updates and deletes on past days and today', async () => {
    // Built (or brought up to date) by a first read.
    await reports().credits({ days: 30 });
    await reports().content({ days: 30 });
    const state = await knex().raw(`SELECT source, rolled_until = current_date AS current FROM monitoring_rollup_state ORDER BY source`);
    expect(state.rows).toEqual([
      { source: 'contents', current: true },
      { source: 'tasks', current: true },
      { source: 'usage', current: true },
    ]);

    const t = await signUp(app);
    const usage = async (credits: number, daysAgo: number, extra: Record<string, unknown> = {}) => {
      await ledger().recordUsage(t.accountId, credits, { operation: 'rollup_test', provider: 'openai', model: 'rollup-model', usdCost: credits / 1000, ...extra });
      if (daysAgo) await knex().raw(`UPDATE credit_usage_logs SET created_at = now() - make_interval(days => ?) WHERE account_id = ? AND credits = ?`, [daysAgo, t.accountId, credits]);
    };
    await usage(101, 0);
    await usage(102, 3);
    await usage(103, 3, { keySource: 'account' });
    await usage(104, 12);
    await usage(105, 40);
    // Straight inserts into a past day, and one row moved from one past day to another.
    await knex().raw(
      `INSERT INTO credit_usage_logs (account_id, operation, credits, usd_cost, provider, model, key_source, created_at) VALUES (?, 'rollup_test', 106, 0.5, 'anthropic', NULL, 'platform', now() - interval '5 days')`,
      [t.accountId]
    );
    await knex().raw(`UPDATE credit_usage_logs SET created_at = now() - interval '2 days' WHERE account_id = ? AND credits = 104`, [t.accountId]);
    const dirty = await knex().raw(`SELECT count(*)::int AS n FROM monitoring_rollup_dirty WHERE source = 'usage'`);
    expect(dirty.rows[0].n).toBeGreaterThan(0);

    const content = app.strapi.db.query('api::content.content');
    const made = [];
    for (const [type, words] of [['post', 700], ['post', 901], ['page', 333], ['product', null], ['post', 1200]] as const) {
      made.push(await content.create({ data: { title: `Rollup ${type}`, contentType: type, wordCount: words, account: t.accountId } }));
    }
    await knex().raw(`UPDATE contents SET created_at = now() - interval '4 days' WHERE id = ANY(?)`, [[made[1].id, made[2].id, made[3].id]]);
    await knex().raw(`UPDATE contents SET created_at = now() - interval '6 days' WHERE id = ?`, [made[4].id]);
    await knex().raw(`UPDATE contents SET deleted_at = now() WHERE id = ?`, [made[4].id]);
    await knex().raw(`UPDATE contents SET word_count = 50 WHERE id = ?`, [made[2].id]);
    const tasks = app.strapi.db.query('api::task.task');
    const task = await tasks.create({ data: { title: 'Rollup task', status: 'queued', account: t.accountId } });
    await knex().raw(`UPDATE tasks SET created_at = now() - interval '3 days' WHERE id = ?`, [task.id]);
    await knex().raw(`UPDATE tasks SET status = 'completed' WHERE id = ?`, [task.id]);
    await knex().raw(`DELETE FROM contents WHERE id = ?`, [made[1].id]);

    for (const days of [30, 7, 1]) {
      const [credits, creditsRaw] = await both('credits', days);
      expect(credits).toEqual(creditsRaw);
      const [production, productionRaw] = await both('content', days);
      expect(production).toEqual(productionRaw);
    }
    const credits = await reports().credits({ days: 30 });
    expect(credits.byOperation.find((r: any) => r.operation === 'rollup_test')).toMatchObject({ operations: 5, credits: 101 + 102 + 103 + 104 + 106 });
    // The past days were rewritten in the rollup itself (every day before today, the 40-day-old row too).
    const rolled = await knex().raw(`SELECT COALESCE(SUM(credits), 0)::int AS credits FROM monitoring_usage_daily WHERE operation = 'rollup_test'`);
    expect(rolled.rows[0].credits).toBe(102 + 103 + 104 + 105 + 106);
    expect((await knex().raw(`SELECT count(*)::int AS n FROM monitoring_rollup_dirty`)).rows[0].n).toBe(0);
  });

  it('catch up on the days since the last refresh (a day passing), by the repeatable job or on read', async () => {
    // As if the last refresh was five days ago: those days' rollup rows are missing.
    await knex().raw(`UPDATE monitoring_rollup_state SET rolled_until = current_date - 5`);
    await knex().raw(`DELETE FROM monitoring_usage_daily WHERE day >= current_date - 5`);
    await knex().raw(`DELETE FROM monitoring_content_daily WHERE day >= current_date - 5`);
    const [credits, creditsRaw] = await both('credits', 30);
    expect(credits).toEqual(creditsRaw);
    const [production, productionRaw] = await both('content', 30);
    expect(production).toEqual(productionRaw);

    await knex().raw(`UPDATE monitoring_rollup_state SET rolled_until = current_date - 3`);
    await knex().raw(`DELETE FROM monitoring_usage_accounts_daily WHERE day >= current_date - 3`);
    const refreshed = await rollups().refresh();
    // The three missing days and, on a tick, the last refreshed day again (a transaction may straddle midnight).
    expect(refreshed.find((r: any) => r.source === 'usage')).toEqual({ source: 'usage', days: 4 });
    const [again, againRaw] = await both('credits', 30);
    expect(again).toEqual(againRaw);
  });
});

describe('CSV export', () => {
  it('exports a report as CSV (one section column, quoted by the library) and one section on request', async () => {
    const res = await as(app, admin).get('/monitoring/reports/data-quality/csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="data-quality-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    const json = await report('data-quality');
    expect(rows.map((r) => r.id)).toEqual(json.checks.map((c: any) => c.id));
    expect(rows.map((r) => Number(r.count))).toEqual(json.checks.map((c: any) => c.count));

    const revenue = await as(app, admin).get('/monitoring/reports/revenue/csv?section=byMethod');
    const methodRows = parse(revenue.text, { columns: true }) as Array<Record<string, string>>;
    expect(new Set(methodRows.map((r) => r.section))).toEqual(new Set(['byMethod']));
    expect(methodRows.find((r) => r.currency === 'XTS' && r.method === 'bank_transfer')).toMatchObject({ amount: '100', payments: '2' });
  });

  it('refuses bad parameters with 400 naming the field', async () => {
    const bad = await as(app, admin).get('/monitoring/reports/revenue?months=99');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('months');
    const unknown = await as(app, admin).get('/monitoring/reports/content?foo=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('foo');
    const section = await as(app, admin).get('/monitoring/reports/content/csv?section=a;b');
    expect(section.status).toBe(400);
    expect(section.body.error.message).toContain('section');
  });
});

describe('permissions', () => {
  it('each report checks its own action; staff roles get the reports of their work', async () => {
    const editor = await staffToken(app, 'strapi-editor');
    const billing = await staffToken(app, 'igny8-billing-admin');
    const contentManager = await staffToken(app, 'igny8-content-manager');
    for (const name of ['revenue', 'credits', 'content', 'data-quality']) {
      expect((await app.request().get(`/monitoring/reports/${name}`)).status).toBe(401);
      expect((await as(app, editor).get(`/monitoring/reports/${name}`)).status).toBe(403);
      expect((await as(app, editor).get(`/monitoring/reports/${name}/csv`)).status).toBe(403);
    }
    expect((await as(app, billing).get('/monitoring/reports/revenue')).status).toBe(200);
    expect((await as(app, billing).get('/monitoring/reports/content')).status).toBe(403);
    expect((await as(app, contentManager).get('/monitoring/reports/data-quality/csv')).status).toBe(200);
    expect((await as(app, contentManager).get('/monitoring/reports/revenue/csv')).status).toBe(403);
    expect((await as(app, contentManager).get('/monitoring/account-health?ids=1')).status).toBe(403);
    expect((await as(app, contentManager).post('/monitoring/api-monitor/check', {})).status).toBe(403);
  });
});

describe('account health', () => {
  it('scores accounts from their facts, for a page of ids and for one account by id or documentId', async () => {
    const good = await signUp(app);
    const bad = await signUp(app);
    await knex().raw('UPDATE accounts SET status = ?, plan_credits = 10000, bonus_credits = 0, held_credits = 0 WHERE id = ?', ['active', good.accountId]);
    await ledger().recordUsage(good.accountId, 100, { operation: 'health_test' });
    await knex().raw('UPDATE accounts SET status = ?, plan_credits = 20, bonus_credits = 0, held_credits = 0 WHERE id = ?', ['suspended', bad.accountId]);
    const invoice = await app.strapi.db.query('plugin::billing.invoice').create({
      data: { account: bad.accountId, number: `H-${bad.accountId}`, type: 'custom', status: 'pending', currency: 'USD', lineItems: [], subtotal: 0, tax: 0, total: 10, dueDate: '2020-01-01' },
    });
    void invoice;
    await app.strapi.db.query('plugin::billing.payment').create({ data: { account: bad.accountId, amount: 10, method: 'stripe', status: 'failed' } });

    const res = await as(app, admin).get(`/monitoring/account-health?ids=${good.accountId},${bad.accountId},999999`);
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: any) => r.accountId)).toEqual([good.accountId, bad.accountId]);
    const [g, b] = res.body.data;
    expect(g).toMatchObject({ score: 100, level: 'good', reasons: [] });
    expect(b.level).toBe('critical');
    expect(b.reasons.map((r: any) => r.code)).toEqual(['status-suspended', 'invoices-overdue', 'credits-low', 'payments-failed']);
    expect(b.score).toBe(100 - 50 - 20 - 15 - 10);
    expect(b.facts).toMatchObject({ availableCredits: 20, overdueInvoices: 1, failedPayments30d: 1 });

    const one = await as(app, admin).get(`/monitoring/account-health/${bad.accountDocumentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.score).toBe(b.score);
    expect((await as(app, admin).get(`/monitoring/account-health/${bad.accountId}`)).body.data.accountId).toBe(bad.accountId);
    expect((await as(app, admin).get('/monitoring/account-health/999999')).status).toBe(404);
    const badIds = await as(app, admin).get('/monitoring/account-health?ids=1,x');
    expect(badIds.status).toBe(400);
    expect(badIds.body.error.message).toContain('ids');
    const support = await staffToken(app, 'igny8-support-agent');
    expect((await as(app, support).get(`/monitoring/account-health?ids=${good.accountId}`)).status).toBe(200);
  });
});

describe('critical endpoints and integration panels', () => {
  it('checks the critical endpoints over real HTTP and reports each status', async () => {
    const res = await as(app, admin).post('/monitoring/api-monitor/check', {});
    expect(res.status).toBe(200);
    const { endpoints, ok } = res.body.data;
    expect(endpoints.map((e: any) => e.path)).toEqual(expect.arrayContaining(['/api/monitoring/health', '/admin/init']));
    expect(endpoints.filter((e: any) => !e.ok || e.status !== e.expectStatus || e.error)).toEqual([]);
    expect(ok).toBe(true);
    // A wrong expectation shows as a failed endpoint, not as an error of the check.
    app.strapi.config.set('plugin::monitoring.criticalEndpoints', [{ name: 'Missing', method: 'GET', path: '/api/no-such-thing', expectStatus: 200 }]);
    try {
      const failed = await as(app, admin).post('/monitoring/api-monitor/check', {});
      expect(failed.body.data).toMatchObject({ ok: false, endpoints: [{ path: '/api/no-such-thing', status: 404, ok: false }] });
    } finally {
      app.strapi.config.set('plugin::monitoring.criticalEndpoints', undefined);
    }
  });

  it('health summarises AI providers and WordPress sites (AI runs "not available" without the AI plugin)', async () => {
    const res = await as(app, admin).get('/monitoring/health');
    const ai = res.body.data.components.find((c: any) => c.id === 'ai-providers');
    const wp = res.body.data.components.find((c: any) => c.id === 'wordpress-sites');
    expect(ai).toMatchObject({ status: 'green', critical: false });
    expect(ai.detail.providers.map((p: any) => p.provider)).toEqual(expect.arrayContaining(['openai', 'anthropic']));
    if (!app.strapi.plugin('ai')) expect(ai.detail.runs).toBe('not available');
    expect(JSON.stringify(ai)).not.toMatch(/sk-|apiKey/);
    expect(wp.summary).toMatch(/active sites/);
    const pub = await app.request().get('/api/monitoring/health');
    expect(pub.body.components['ai-providers']).toBe('green');
    expect(JSON.stringify(pub.body)).not.toMatch(/platformKey|summary|active sites/);
  });
});
