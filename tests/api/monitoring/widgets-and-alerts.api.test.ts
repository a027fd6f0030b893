/**
 * Homepage widget routes against seeded data (as differences from the figures before seeding), their
 * permissions, and alerts fired once per condition by email (real SMTP) and webhook (real HTTP).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSmtp } from '../../helpers/smtp';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken } from '../../helpers/tenants';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let hook: http.Server;
const hooks: any[] = [];
let admin: string;

beforeAll(async () => {
  smtp = await startSmtp();
  hook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      hooks.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  app = await bootStrapi({
    env: {
      SMTP_PORT: String(smtp.port),
      SMTP_HOST: '127.0.0.1',
      MONITORING_ALERT_EMAILS: 'ops@igny8.test,cto@igny8.test',
      MONITORING_ALERT_WEBHOOK_URL: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`,
      MONITORING_LOW_CREDIT_DAYS: '5',
      // Figures before and after seeding are compared: no cache.
      MONITORING_WIDGET_CACHE_MS: '0',
    },
  });
  admin = await staffToken(app);
});

afterAll(async () => {
  await app?.close();
  await smtp?.close();
  await new Promise((resolve) => hook?.close(resolve));
});

const knex = () => app.strapi.db.connection;
const widget = async (name: string, token = admin) => {
  const res = await as(app, token).get(`/monitoring/widgets/${name}`);
  expect(res.status).toBe(200);
  return res.body.data;
};
const ledger = () => app.strapi.plugin('credits').service('ledger');
const setCredits = (accountId: number, plan: number, bonus: number) =>
  knex().raw('UPDATE accounts SET plan_credits = ?, bonus_credits = ?, held_credits = 0 WHERE id = ?', [plan, bonus, accountId]);

describe('widgets', () => {
  it('accounts: total, active and low credit', async () => {
    const before = await widget('accounts');
    const rich = await signUp(app);
    const poor = await signUp(app);
    await setCredits(rich.accountId, 10000, 0);
    await setCredits(poor.accountId, 100, 0);
    await knex().raw(`UPDATE accounts SET status = 'suspended' WHERE id = ?`, [poor.accountId]);
    const after = await widget('accounts');
    expect(after.total - before.total).toBe(2);
    expect(after.active - before.active).toBe(1);
    expect(after.lowCredit - before.lowCredit).toBe(1);
    expect(after.lowCreditThreshold).toBe(500);
  });

  it('content: this week, this month (older content excluded, deleted excluded) and pending tasks', async () => {
    const before = await widget('content');
    const t = await signUp(app);
    const contentQ = app.strapi.db.query('api::content.content');
    const made = [];
    for (let i = 0; i < 4; i++) made.push(await contentQ.create({ data: { title: `Post ${i}`, account: t.accountId } }));
    // One from 40 days ago (never in this week or month), one soft-deleted.
    await knex().raw(`UPDATE contents SET created_at = now() - interval '40 days' WHERE id = ?`, [made[0].id]);
    await knex().raw(`UPDATE contents SET deleted_at = now() WHERE id = ?`, [made[1].id]);
    const taskQ = app.strapi.db.query('api::task.task');
    for (const status of ['queued', 'queued', 'in_progress', 'completed', 'cancelled']) await taskQ.create({ data: { title: `Task ${status}`, status, account: t.accountId } });
    const after = await widget('content');
    expect(after.thisWeek - before.thisWeek).toBe(2);
    expect(after.thisMonth - before.thisMonth).toBe(2);
    expect(after.tasksPending - before.tasksPending).toBe(3);
    expect(after.tasksQueued - before.tasksQueued).toBe(2);
    expect(after.links.tasks).toContain('/admin/content-manager/collection-types/api::task.task');
  });

  it('billing: pending approvals, revenue from invoices paid this month, credits used this month', async () => {
    const before = await widget('billing');
    const t = await signUp(app);
    const invoiceQ = app.strapi.db.query('plugin::billing.invoice');
    const base = { account: t.accountId, type: 'custom', currency: 'USD', lineItems: [], subtotal: 0, tax: 0 };
    await invoiceQ.create({ data: { ...base, number: `T-${t.accountId}-1`, status: 'paid', total: 99.5, paidAt: new Date() } });
    await invoiceQ.create({ data: { ...base, number: `T-${t.accountId}-2`, status: 'paid', total: 40, paidAt: new Date(Date.now() - 40 * 86400_000) } });
    await invoiceQ.create({ data: { ...base, number: `T-${t.accountId}-3`, status: 'pending', total: 1000 } });
    await app.strapi.db.query('plugin::billing.payment').create({ data: { account: t.accountId, amount: 49, method: 'bank_transfer', status: 'pending_approval' } });
    await ledger().recordUsage(t.accountId, 30, { operation: 'content_generation', usdCost: 0.12 });
    await ledger().recordUsage(t.accountId, 12, { operation: 'image_generation', usdCost: 0.04 });
    const after = await widget('billing');
    const usd = (d: any) => d.revenueThisMonth.find((r: any) => r.currency === 'USD')?.total ?? 0;
    expect(usd(after) - usd(before)).toBeCloseTo(99.5, 5);
    expect(after.pendingApprovals - before.pendingApprovals).toBe(1);
    expect(after.creditsUsedThisMonth - before.creditsUsedThisMonth).toBe(42);
    expect(after.links.approvalDesk).toMatch(/^\/admin\//);
  });

  it('health', async () => {
    const health = await widget('health');
    expect(health.components.find((c: any) => c.id === 'database').status).toBe('green');
    expect(JSON.stringify(health)).not.toContain('redis://');
  });

  it('queues: counts per queue and the workers alive', async () => {
    const queues = await widget('queues');
    expect(queues.available).toBe(true);
    expect(queues.queues.map((q: any) => q.name)).toEqual(expect.arrayContaining(['monitoring', 'credits', 'billing']));
    expect(queues.totals).toEqual(expect.objectContaining({ waiting: expect.any(Number), failed: expect.any(Number) }));
    // No worker runs in this process (RUN_WORKERS_IN_PROCESS is off in tests), and the workers of other
    // apps on this Redis beat under other prefixes: the heartbeat index of this prefix lists none.
    expect(queues.workers).toBe(0);
  });

  it('activity lists figures other plugins register, filtered by the caller permissions', async () => {
    const registry = app.strapi.plugin('monitoring').service('registry');
    registry.addWidgetMetric({ id: 'test-open', label: 'Open to all', value: async () => 7 });
    registry.addWidgetMetric({ id: 'test-billing', label: 'Billing only', permission: 'plugin::billing.payments.read', value: async () => 3 });
    expect(() => registry.addWidgetMetric({ id: 'test-open', label: 'dup', value: async () => 1 })).toThrow('already registered');
    const all = await widget('activity');
    expect(all.metrics.map((m: any) => [m.id, m.value])).toEqual(expect.arrayContaining([['test-open', 7], ['test-billing', 3]]));
    const cm = await widget('activity', await staffToken(app, 'igny8-content-manager'));
    expect(cm.metrics.map((m: any) => m.id)).toContain('test-open');
    expect(cm.metrics.map((m: any) => m.id)).not.toContain('test-billing');
  });

  it('a failing figure shows no value and is not asked again on every poll', async () => {
    const registry = app.strapi.plugin('monitoring').service('registry');
    let calls = 0;
    registry.addWidgetMetric({ id: 'test-broken', label: 'Broken', value: async () => { calls++; throw new Error('relation "gone" does not exist'); } });
    const config = app.strapi.config.get('plugin::monitoring') as any;
    const before = config.widgets.cacheMs;
    app.strapi.config.set('plugin::monitoring.widgets.cacheMs', 60_000);
    try {
      for (let i = 0; i < 3; i++) {
        const metrics = (await widget('activity')).metrics;
        expect(metrics.find((m: any) => m.id === 'test-broken')).toMatchObject({ value: null });
        expect(metrics.find((m: any) => m.id === 'test-open')).toMatchObject({ value: 7 });
      }
      expect(calls).toBe(1);
    } finally {
      app.strapi.config.set('plugin::monitoring.widgets.cacheMs', before);
    }
    await widget('activity'); // cache off again: asked at once
    expect(calls).toBe(2);
  });

  it('each route checks its own permission', async () => {
    const editor = await staffToken(app, 'strapi-editor');
    for (const name of ['accounts', 'content', 'billing', 'health', 'queues', 'activity']) {
      expect((await app.request().get(`/monitoring/widgets/${name}`)).status).toBe(401);
      expect((await as(app, editor).get(`/monitoring/widgets/${name}`)).status).toBe(403);
    }
    const contentManager = await staffToken(app, 'igny8-content-manager');
    expect((await as(app, contentManager).get('/monitoring/widgets/content')).status).toBe(200);
    expect((await as(app, contentManager).get('/monitoring/widgets/billing')).status).toBe(403);
    expect((await as(app, contentManager).get('/monitoring/widgets/accounts')).status).toBe(403);
    const billing = await staffToken(app, 'igny8-billing-admin');
    expect((await as(app, billing).get('/monitoring/widgets/billing')).status).toBe(200);
    expect((await as(app, billing).get('/monitoring/widgets/content')).status).toBe(403);
    const support = await staffToken(app, 'igny8-support-agent');
    for (const name of ['accounts', 'content', 'billing', 'health', 'queues']) expect((await as(app, support).get(`/monitoring/widgets/${name}`)).status).toBe(200);
  });
});

describe('alerts', () => {
  const evaluate = async () => {
    const res = await as(app, admin).post('/monitoring/alerts/evaluate');
    expect(res.status).toBe(200);
    return res.body.data;
  };

  it('fires each condition once (one email, one webhook), stays quiet while it holds, fires again after it cleared', async () => {
    // Start from a quiet state: whatever earlier tests left pending or low is cleared first.
    await knex().raw(`UPDATE billing_payments SET status = 'succeeded' WHERE status = 'pending_approval'`);
    await knex().raw(`UPDATE accounts SET plan_credits = 100000`);
    await evaluate();
    const mailsBefore = smtp.received.length;
    hooks.length = 0;

    const low = await signUp(app, { accountName: 'Lowly Ltd' });
    const burning = await signUp(app, { accountName: 'Burner Inc' });
    await setCredits(low.accountId, 100, 0);
    // 2,000 credits, 1,400 spent today: 600 left (above the 500 threshold) at 200/day = 3 days.
    await setCredits(burning.accountId, 2000, 0);
    await ledger().spend({ accountId: burning.accountId, idempotencyKey: 'burn-1', amount: 1400 });
    const payment = await app.strapi.db.query('plugin::billing.payment').create({ data: { account: low.accountId, amount: 29, method: 'bank_transfer', status: 'pending_approval' } });

    const first = await evaluate();
    expect(first.fired).toEqual(expect.arrayContaining(['pending-payments', `low-credit:${low.accountId}`, `low-credit:${burning.accountId}`]));
    expect(first.notified).toEqual({ email: 'sent', webhook: 'sent' });
    const mail = await smtp.waitFor((m) => m.subject.startsWith('[IGNY8]') && m.text.includes('Burner Inc'));
    expect(mail.to).toEqual(['ops@igny8.test', 'cto@igny8.test']);
    expect(mail.text).toContain('runs out in 3 day(s) at 200/day');
    expect(mail.text).toContain('payment(s) waiting for approval');
    expect(hooks).toHaveLength(1);
    expect(hooks[0].fired.map((f: any) => f.key)).toEqual(expect.arrayContaining(['pending-payments', `low-credit:${low.accountId}`]));

    const list = await as(app, admin).get('/monitoring/alerts?status=active');
    const burner = list.body.data.find((a: any) => a.key === `low-credit:${burning.accountId}`);
    expect(burner).toMatchObject({ rule: 'low-credit', severity: 'warning', status: 'active', fireCount: 1 });
    expect(burner.details).toMatchObject({ available: 600, perDay: 200, daysUntilEmpty: 3 });
    expect(list.body.rules.map((r: any) => r.id)).toEqual(expect.arrayContaining(['pending-payments', 'low-credit', 'health']));

    // Still true: nothing new is sent.
    const second = await evaluate();
    expect(second.fired).toEqual([]);
    expect(second.ongoing).toEqual(expect.arrayContaining(['pending-payments']));
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.length).toBe(mailsBefore + 1);
    expect(hooks).toHaveLength(1);

    // The payment is approved: the condition clears (the webhook hears it; no email).
    await app.strapi.db.query('plugin::billing.payment').update({ where: { id: payment.id }, data: { status: 'succeeded' } });
    const third = await evaluate();
    expect(third.resolved).toEqual(['pending-payments']);
    expect(hooks).toHaveLength(2);
    expect(hooks[1]).toMatchObject({ fired: [], resolved: ['pending-payments'] });

    // A new pending payment: it fires again.
    await app.strapi.db.query('plugin::billing.payment').create({ data: { account: low.accountId, amount: 10, method: 'manual', status: 'pending_approval' } });
    const fourth = await evaluate();
    expect(fourth.fired).toEqual(['pending-payments']);
    const again = await as(app, admin).get('/monitoring/alerts');
    expect(again.body.data.find((a: any) => a.key === 'pending-payments')).toMatchObject({ status: 'active', fireCount: 2 });
    await smtp.waitFor((m) => m.subject === '[IGNY8] 1 payment(s) waiting for approval');
  });

  it('keeps a failing rule conditions as they were', async () => {
    const registry = app.strapi.plugin('monitoring').service('registry');
    let fail = false;
    registry.addAlertRule({
      id: 'test-flaky',
      description: 'fails on demand',
      evaluate: async () => {
        if (fail) throw new Error('provider API down');
        return [{ key: 'test-flaky:1', rule: 'test-flaky', severity: 'info', title: 'Flaky', message: 'x' }];
      },
    });
    expect((await evaluate()).fired).toEqual(['test-flaky:1']);
    fail = true;
    const result = await evaluate();
    expect(result.failedRules).toEqual(['test-flaky']);
    expect(result.resolved).not.toContain('test-flaky:1');
  });

  it('AI runs and WordPress syncs: the owning plugins register their widget figures and alerts (thresholds from their config)', async () => {
    const figure = async (id: string) => (await widget('activity')).metrics.find((m: any) => m.id === id)?.value;
    const [running0, failed7d0, syncs0] = [await figure('ai-runs-running'), await figure('ai-runs-failed-7d'), await figure('wp-syncs-failed-today')];
    expect([running0, failed7d0, syncs0].every((v) => typeof v === 'number')).toBe(true);
    // A Support Agent reads AI runs and publishing: the figures are there; a Billing Administrator reads neither.
    const billing = (await widget('activity', await staffToken(app, 'igny8-billing-admin'))).metrics.map((m: any) => m.id);
    expect(billing).not.toContain('ai-runs-failed-7d');
    expect(billing).not.toContain('wp-syncs-failed-today');

    const runs = (status: string, n: number, createdAt = new Date()) =>
      knex()('ai_task_logs').insert(Array.from({ length: n }, (_, i) => ({ document_id: `mon-${status}-${createdAt.getTime()}-${i}`, function: 'generate_content', account_id: 1, idempotency_key: `mon-${status}-${createdAt.getTime()}-${i}`, status, created_at: createdAt, updated_at: createdAt })));
    await runs('running', 2);
    await runs('failed', 1, new Date(Date.now() - 3 * 86400_000));
    expect(await figure('ai-runs-running')).toBe(running0 + 2);
    expect(await figure('ai-runs-failed-7d')).toBe(failed7d0 + 1);
    // Failed 3 days ago is not "today": no AI alert yet.
    expect((await evaluate()).fired.filter((k: string) => k.startsWith('ai-runs-failed'))).toEqual([]);
    await runs('failed', 1);
    const fired = (await evaluate()).fired;
    expect(fired.filter((k: string) => k.startsWith('ai-runs-failed'))).toHaveLength(1);
    // Once per condition: still failing, nothing new.
    expect((await evaluate()).fired.filter((k: string) => k.startsWith('ai-runs-failed'))).toEqual([]);

    // WordPress: more than 10 failed attempts today (the default threshold) fires; 10 do not.
    const syncs = (n: number) => knex()('publishing_sync_events').insert(Array.from({ length: n }, (_, i) => ({ document_id: `mon-sync-${Date.now()}-${i}`, integration_id: 1, action: 'publish', success: false, created_at: new Date(), updated_at: new Date() })));
    await knex()('publishing_sync_events').where({ success: false }).del();
    await syncs(10);
    expect(await figure('wp-syncs-failed-today')).toBe(10);
    expect((await evaluate()).fired.filter((k: string) => k.startsWith('wp-syncs-failed'))).toEqual([]);
    await syncs(1);
    expect((await evaluate()).fired.filter((k: string) => k.startsWith('wp-syncs-failed'))).toHaveLength(1);
    const active = (await as(app, admin).get('/monitoring/alerts?status=active')).body.data.find((a: any) => a.rule === 'wp-syncs-failed');
    expect(active.details).toEqual({ failed: 11, threshold: 10 });
  });

  it('needs the permissions', async () => {
    const support = await staffToken(app, 'igny8-support-agent');
    expect((await as(app, support).get('/monitoring/alerts')).status).toBe(200);
    expect((await as(app, support).post('/monitoring/alerts/evaluate')).status).toBe(403);
    const editor = await staffToken(app, 'strapi-editor');
    expect((await as(app, editor).get('/monitoring/alerts')).status).toBe(403);
  });

  it('is scheduled as a Bull repeatable job', async () => {
    const queue = app.strapi.plugin('queue').service('queues').get('monitoring');
    const repeatable = await queue.getRepeatableJobs();
    expect(repeatable.map((j: any) => j.name)).toContain('evaluate-alerts');
  });
});
