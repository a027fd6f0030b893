import { getQueueService } from '../../../src/plugins/queue/server/src/utils/get-service';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken, type Tenant } from '../../helpers/tenants';

const ACCOUNT = 'api::account.account';
const PLAN = 'api::plan.plan';

let app: TestApp;
let admin: ReturnType<typeof as>;
let adminId: number;
let a: Tenant;
let b: Tenant;

const entries = async (query: Record<string, string>) => {
  const res = await admin.get(`/audit/entries?${new URLSearchParams(query).toString()}`);
  expect(res.status).toBe(200);
  return res.body as { data: any[]; meta: { pagination: { total: number } } };
};

/** Entries are written after commit, asynchronously to the write itself: wait until `n` exist. */
const waitFor = async (query: Record<string, string>, n: number) => {
  for (let i = 0; i < 100; i++) {
    const res = await entries(query);
    if (res.data.length >= n) return res.data;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`fewer than ${n} audit entries for ${JSON.stringify(query)}`);
};

beforeAll(async () => {
  app = await bootStrapi();
  const token = await staffToken(app);
  admin = as(app, token);
  adminId = (await app.request().get('/admin/users/me').set('Authorization', `Bearer ${token}`)).body.data.id;
  a = await signUp(app, { accountName: 'Audit A' });
  b = await signUp(app, { accountName: 'Audit B' });
  // Boot alone takes 40 s to minutes on the shared 2-core machine under load; the default hook timeout is 60 s.
}, 480_000);

afterAll(async () => {
  await app?.close();
});

describe('audit trail', () => {
  it('records a Content Manager edit of an account: who, when, the field diff and the reason header', async () => {
    // The edit form sends the document back whole (required fields included), with the field changed.
    const current = await admin.get(`/content-manager/collection-types/${ACCOUNT}/${a.accountDocumentId}`);
    expect(current.status).toBe(200);
    const { name, slug } = current.body.data;
    const res = await admin
      .put(`/content-manager/collection-types/${ACCOUNT}/${a.accountDocumentId}`, { name, slug, billingEmail: 'finance@audit-a.test' })
      .set('X-Audit-Reason', 'chargeback under review');
    expect([res.status, res.body?.error?.message]).toEqual([200, undefined]);

    const [entry] = await waitFor({ contentType: ACCOUNT, documentId: a.accountDocumentId, action: 'update' }, 1);
    expect(entry).toMatchObject({ actor: `admin:${adminId}`, source: 'document', action: 'update', reason: 'chargeback under review' });
    expect(entry.changes.billingEmail).toEqual([null, 'finance@audit-a.test']);
    expect(entry.changes).not.toHaveProperty('updatedAt');
    expect(Date.now() - new Date(entry.occurredAt).getTime()).toBeLessThan(3_600_000);
  });

  it('leaves no entry for a change that rolled back', async () => {
    const plan = await app.strapi.db.query(PLAN).findOne({ where: { slug: 'scale' } });
    await expect(
      app.strapi.db.transaction(async () => {
        await app.strapi.db.query(PLAN).update({ where: { id: plan.id }, data: { description: 'rolled back' } });
        throw new Error('abort');
      })
    ).rejects.toThrow('abort');
    // A committed change afterwards is recorded, and is the only entry for the plan.
    await app.strapi.db.query(PLAN).update({ where: { id: plan.id }, data: { description: 'committed' } });
    const list = await waitFor({ contentType: PLAN, documentId: plan.documentId }, 1);
    expect(list).toHaveLength(1);
    expect(list[0].changes.description[1]).toBe('committed');
    expect(list[0].actor).toBe('system');
  });

  it('records every bulk run, and each row a bulk SQL action changed on an audited type, with the reason', async () => {
    const run = await admin.post('/bulk-actions/run', {
      action: 'set-status',
      selection: { uid: ACCOUNT, documentIds: [a.accountDocumentId, b.accountDocumentId] },
      params: { value: 'pending_payment' },
      reason: 'billing migration',
    });
    expect(run.status).toBe(200);
    expect(run.body.data).toMatchObject({ status: 'completed', changed: 2 });

    const [summary] = await waitFor({ source: 'bulk', action: 'bulk:set-status' }, 1);
    expect(summary).toMatchObject({ actor: `admin:${adminId}`, contentType: ACCOUNT, reason: 'billing migration' });
    expect(summary.details).toMatchObject({ runId: run.body.data.id, changed: 2, failed: 0, params: { value: 'pending_payment' } });

    const forB = await waitFor({ contentType: ACCOUNT, documentId: b.accountDocumentId, source: 'bulk' }, 1);
    expect(forB[0]).toMatchObject({ action: 'update', reason: 'billing migration', changes: { status: ['active', 'pending_payment'] } });
    expect(forB[0].details).toMatchObject({ runId: run.body.data.id });
  });

  it('filters by actor and date, pages, and answers 400 naming the field', async () => {
    const byActor = await entries({ actor: `admin:${adminId}`, pageSize: '1' });
    expect(byActor.data).toHaveLength(1);
    expect(byActor.meta.pagination.total).toBeGreaterThanOrEqual(3);
    const future = await entries({ from: '2999-01-01' });
    expect(future.data).toEqual([]);

    const bad = await admin.get('/audit/entries?from=not-a-date');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('from');
    const badType = await admin.get('/audit/entries?contentType=nope');
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toContain('contentType');
  });

  it('never copies a private field (stored secrets) into the trail', async () => {
    const override = await app.strapi.db.query('plugin::settings.account-override').create({ data: { account: a.accountId, openaiModel: 'gpt-x', secrets: { openai: 'sk-very-secret' } } });
    await app.strapi.db.query('plugin::settings.account-override').update({ where: { id: override.id }, data: { secrets: { openai: 'sk-other-secret' }, openaiModel: 'gpt-y' } });
    const list = await waitFor({ contentType: 'plugin::settings.account-override', documentId: override.documentId }, 2);
    expect(JSON.stringify(list)).not.toContain('sk-');
    expect(list[0].changes.secrets).toEqual(['[redacted]', '[redacted]']);
    expect(list[0].changes.openaiModel).toEqual(['gpt-x', 'gpt-y']);
  });

  it('refuses tenants, and lists the audited types for staff', async () => {
    expect((await as(app, a.jwt).get('/audit/entries')).status).toBe(401);
    const types = await admin.get('/audit/content-types');
    expect(types.body.data.map((t: any) => t.uid)).toEqual(expect.arrayContaining([ACCOUNT, PLAN, 'plugin::billing.payment', 'plugin::credits.cost-config']));
  });

  it('purges entries past retention with a repeatable Bull job', async () => {
    const queue = getQueueService(app.strapi).get('audit');
    const repeatable = await queue.getRepeatableJobs();
    expect(repeatable.map((j) => j.name)).toContain('purge');

    await app.strapi.db.connection('audit_entries').insert({ actor: 'system', source: 'service', action: 'old', content_type: ACCOUNT, occurred_at: new Date('2000-01-01T00:00:00Z') });
    const before = await entries({ action: 'old' });
    expect(before.data).toHaveLength(1);

    getQueueService(app.strapi).startWorkers();
    const job = await getQueueService(app.strapi).add('audit', 'purge', {}, { jobId: `audit-purge-test-${Date.now()}` });
    const result = await job.finished();
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    expect((await entries({ action: 'old' })).data).toEqual([]);
    // Recent entries stay.
    expect((await entries({ source: 'bulk' })).data.length).toBeGreaterThanOrEqual(1);
  });
});
