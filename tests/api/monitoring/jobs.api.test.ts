/**
 * Our own job list: a tenant's failed jobs found across queues by account, operation, record and error
 * text, and retried by filter. Real Redis and Bull; the jobs are failed the way Bull fails them.
 */
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, staffToken } from '../../helpers/tenants';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await bootStrapi();
  admin = await staffToken(app);
});

afterAll(async () => {
  await app?.close();
});

const queues = () => app.strapi.plugin('queue').service('queues');

describe('job list', () => {
  it('filters failed jobs by account, operation, record and error text, and retries those matching', async () => {
    queues().define({ name: 'test-jobs', description: 'jobs for the job list test' });
    const queue = queues().get('test-jobs');
    // A real worker fails each job with the error it carries (until the retry below).
    let failing = true;
    void queue.process('*', 2, async (job: any) => {
      if (failing) throw new Error(job.data.error);
      return { credits: 1 };
    });
    const add = (name: string, data: Record<string, unknown>, error: string) => queue.add(name, { ...data, error }, { attempts: 1 });
    await add('generate', { accountId: 11, record: { type: 'content', id: 'doc-a' }, credits: 40 }, 'OpenAI 429: rate limited');
    await add('generate', { accountId: 11, record: { type: 'content', id: 'doc-b' } }, 'Timeout after 60s');
    await add('publish', { accountId: 11, recordId: 'doc-a' }, 'WordPress 401: bad application password');
    await add('generate', { accountId: 12, record: { type: 'content', id: 'doc-c' } }, 'OpenAI 429: rate limited');
    for (let i = 0; i < 100 && (await queue.getFailedCount()) < 4; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await queue.getFailedCount()).toBe(4);

    const list = (q: string) => as(app, admin).get(`/monitoring/jobs?${q}`);
    const byAccount = await list('accountId=11&queue=test-jobs');
    expect(byAccount.status).toBe(200);
    expect(byAccount.body.data.total).toBe(3);
    const job = byAccount.body.data.jobs.find((j: any) => j.record === 'doc-a' && j.name === 'generate');
    expect(job).toMatchObject({ queue: 'test-jobs', accountId: 11, credits: 40, failedReason: 'OpenAI 429: rate limited', state: 'failed' });
    expect(job.data).toBeUndefined(); // no payloads in the list
    // Credits and cost the ledger recorded for the job's record (two usage rows; another account's row on the same record id not counted).
    const ledger = app.strapi.plugin('credits').service('ledger');
    await ledger.recordUsage(11, 30, { operation: 'content_generation', usdCost: 0.25, record: { type: 'content', id: 'doc-b' } });
    await ledger.recordUsage(11, 12, { operation: 'content_generation', usdCost: 0.05, record: { type: 'content', id: 'doc-b' } });
    await ledger.recordUsage(12, 99, { operation: 'content_generation', usdCost: 9, record: { type: 'content', id: 'doc-b' } });
    const withLedger = (await list('accountId=11&queue=test-jobs&record=doc-b')).body.data.jobs[0];
    expect(withLedger.ledger.credits).toBe(42);
    expect(withLedger.ledger.usdCost).toBeCloseTo(0.3, 6);
    expect(job.ledger).toBeNull();
    expect(JSON.stringify(byAccount.body)).not.toContain('"error"');

    expect((await list('accountId=11&name=generate')).body.data.total).toBe(2);
    expect((await list('record=doc-a')).body.data.total).toBe(2);
    expect((await list('text=RATE%20LIMITED')).body.data.total).toBe(2);
    expect((await list('accountId=11&text=rate')).body.data.total).toBe(1);

    failing = false;
    const retry = await as(app, admin).post('/monitoring/jobs/retry', { queue: 'test-jobs', text: 'rate limited' });
    expect(retry.status).toBe(200);
    expect(retry.body.data).toMatchObject({ matched: 2, retried: 2, errors: [] });
    for (let i = 0; i < 100 && (await queue.getCompletedCount()) < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await list('queue=test-jobs')).body.data.total).toBe(2);
    const done = await list('queue=test-jobs&state=completed');
    expect(done.body.data.jobs.map((j: any) => j.record).sort()).toEqual(['doc-a', 'doc-c']);
  });

  it('validates filters and checks permissions (retry needs queue-console.manage)', async () => {
    expect((await as(app, admin).get('/monitoring/jobs?queue=nope')).status).toBe(400);
    expect((await as(app, admin).get('/monitoring/jobs?state=lost')).status).toBe(400);
    expect((await as(app, admin).post('/monitoring/jobs/retry', { accountId: 'x' })).status).toBe(400);
    const support = await staffToken(app, 'igny8-support-agent');
    expect((await as(app, support).get('/monitoring/jobs')).status).toBe(200);
    expect((await as(app, support).post('/monitoring/jobs/retry', {})).status).toBe(403);
    const editor = await staffToken(app, 'strapi-editor');
    expect((await as(app, editor).get('/monitoring/jobs')).status).toBe(403);
  });
});
