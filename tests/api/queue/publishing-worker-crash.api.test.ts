/**
 * Publishing with real worker processes (`scripts/worker.js`), a private persistent Redis and a fake
 * WordPress (issue 6 "a worker killed mid-publish leaves no duplicate", issue 5 robustness):
 * - a worker SIGKILLed while its create request is on the wire: the stalled job is taken up by another
 *   worker, which adopts the post it finds instead of creating a second one; the job completes once;
 * - Redis killed and started again while jobs run: no job is lost, no post is duplicated, and the same
 *   worker process carries on (no restart of its own).
 * The test process runs no processors itself (RUN_WORKERS_IN_PROCESS=false): only the worker processes do.
 */
import { startFakeWordPress, type FakeWordPress } from '../../helpers/fake-wordpress';
import { startPrivateRedis } from '../../helpers/redis-server';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, type Tenant } from '../../helpers/tenants';
import { waitFor as pollUntil } from '../../helpers/wait-for';
import { startWorkerProcess, type WorkerProcess } from '../../helpers/worker-process';

let app: TestApp;
let wp: FakeWordPress;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let A: Tenant;
let siteId: string;
const workers: WorkerProcess[] = [];
let env: Record<string, string>;
// Each test boots worker processes (a Strapi load each, slow on a busy machine) and waits out a lock expiry.
jest.setTimeout(240_000);

const waitFor = <T>(what: string, fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 90_000): Promise<T> =>
  pollUntil(fn, ms, () => `${what}\n${workers.map((w) => w.output().slice(-3000)).join('\n---\n')}`);
const record = (id: number) => app.strapi.db.query('plugin::publishing.publishing-record').findOne({ where: { id } });
const settled = (id: number) => waitFor(`record ${id} to settle`, async () => {
  const r = await record(id);
  return r && r.status !== 'pending' ? r : null;
});
const events = (recordId: number) => app.strapi.db.query('plugin::publishing.sync-event').findMany({ where: { recordId }, orderBy: { id: 'asc' } });
const marker = (documentId: string) => `igny8ref${documentId.toLowerCase()}`;
const createContent = async (title: string) => {
  const res = await as(app, A.jwt).post('/api/contents', { data: { title, site: siteId, html: `<p>${title}</p>` } });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const publish = async (documentId: string) => {
  const res = await as(app, A.jwt).post(`/api/publishing/contents/${documentId}/publish`, {});
  expect(res.status).toBe(202);
  return res.body.data.id as number;
};
const worker = async () => {
  const w = await startWorkerProcess({ databaseUrl: app.databaseUrl, redisUrl: redis.url, queuePrefix: app.queuePrefix, env });
  workers.push(w);
  return w;
};

beforeAll(async () => {
  redis = await startPrivateRedis({ persist: true });
  wp = await startFakeWordPress();
  env = {
    REDIS_URL: redis.url,
    PUBLISHING_ALLOWED_HOSTS: `127.0.0.1:${wp.port}`,
    // Long enough that the killed worker is still waiting for the create's answer when it dies.
    PUBLISHING_REQUEST_TIMEOUT_MS: '120000',
    PUBLISHING_BACKOFF_BASE_MS: '200',
    PUBLISHING_LEASE_MS: '3000',
    // A dead worker's job lock expires after 5 s; live workers look for stalled jobs every 2 s.
    QUEUE_LOCK_DURATION_MS: '5000',
    QUEUE_STALLED_INTERVAL_MS: '2000',
  };
  app = await bootStrapi({ env: { ...env, RUN_WORKERS_IN_PROCESS: 'false' } });
  A = await signUp(app);
  const site = await as(app, A.jwt).post('/api/sites', { data: { name: 'Blog', domain: 'blog.example.com' } });
  expect(site.status).toBe(201);
  siteId = site.body.data.documentId;
  const res = await as(app, A.jwt).post('/api/publishing/integrations', { site: siteId, baseUrl: wp.url, username: wp.username, applicationPassword: wp.password });
  expect(res.status).toBe(201);
  expect(res.body.data.report.ok).toBe(true);
}, 180_000);

afterAll(async () => {
  if (redis && !redis.isRunning()) await redis.start();
  for (const w of workers) await w.stop();
  await app?.close();
  await wp?.close();
  await redis?.dispose();
}, 120_000);

describe('a worker killed mid-publish', () => {
  it('leaves no duplicate: another worker takes the stalled job up, adopts the post, and the job completes once', async () => {
    const first = await worker();
    const doc = await createContent('Killed mid-publish');
    // The create reaches WordPress (the post exists) but its answer never comes back.
    wp.fail('/wp/v2/posts', { kind: 'timeout-after-create' }, 1, 'POST');
    const recordId = await publish(doc);
    await waitFor('the create to reach WordPress', () => wp.postsWithMarker(marker(doc)).length === 1);
    await first.kill();
    expect((await record(recordId)).status).toBe('pending');

    await worker();
    const done = await settled(recordId);
    expect(done.status).toBe('published');
    const posts = wp.postsWithMarker(marker(doc));
    expect(posts).toHaveLength(1);
    expect(posts[0].status).toBe('publish');
    expect(done.externalId).toBe(String(posts[0].id));
    // One create ever sent: the second worker found the post by its marker instead of creating another.
    expect(wp.requests.filter((r) => r.method === 'POST' && r.path === '/wp/v2/posts')).toHaveLength(1);

    // The job itself completed, once: one successful attempt, which adopted the post.
    // Job ids carry the record's documentId (records.ts, jobIdFor).
    const jobId = `pub-${(await record(recordId)).documentId}`;
    const job = await app.strapi.plugin('queue').service('queues').get('publishing').getJob(jobId);
    expect(job).not.toBeNull();
    // The record turns published inside the handler, just before Bull marks the job completed.
    await waitFor('the job to complete', async () => (await job.getState()) === 'completed');
    const finished = await app.strapi.plugin('queue').service('queues').get('publishing').getJob(jobId);
    // Completed by the run that adopted the post; the kill counted as a stall, not as a failed attempt.
    expect(finished.returnvalue).toMatchObject({ adopted: true, postId: posts[0].id });
    expect(finished.stacktrace ?? []).toEqual([]);
    const rows = await waitFor('the attempt event', async () => {
      const r = await events(recordId);
      return r.some((e: any) => e.success) ? r : null;
    });
    expect(rows.filter((e: any) => e.success)).toHaveLength(1);
    expect(rows.find((e: any) => e.success).details.adopted).toBe(true);
    const content = await app.strapi.db.query('api::content.content').findOne({ where: { documentId: doc } });
    expect(content).toMatchObject({ publishingStatus: 'published', externalId: String(posts[0].id) });
  });
});

describe('Redis killed and started again while jobs run', () => {
  it('loses no job, duplicates no post, and the same worker process resumes by itself', async () => {
    const survivor = workers.find((w) => w.isAlive())!;
    expect(survivor).toBeDefined();
    const pid = survivor.pid;
    wp.setLatency(200);
    const docs: string[] = [];
    for (let i = 0; i < 8; i++) docs.push(await createContent(`Restart ${i}`));
    const ids: number[] = [];
    for (const doc of docs) ids.push(await publish(doc));
    const before = wp.requests.length;
    await waitFor('jobs in flight', () => wp.requests.length > before);

    await redis.stop();
    await new Promise((r) => setTimeout(r, 1500));
    await redis.start();
    wp.setLatency(0);

    // A job enqueued after the restart runs too: the worker's queues reconnected, not just finished.
    const late = await createContent('After the restart');
    docs.push(late);
    await waitFor('the API to see Redis again', () => app.strapi.plugin('queue').service('queues').isAvailable());
    ids.push(await publish(late));

    for (const id of ids) expect((await settled(id)).status).toBe('published');
    for (const doc of docs) expect(wp.postsWithMarker(marker(doc))).toHaveLength(1);
    expect(survivor.isAlive()).toBe(true);
    expect(survivor.pid).toBe(pid);
  });
});
