/**
 * WordPress publishing against a fake WordPress over real HTTP: connect + doctor, the address guard,
 * exactly-once publishing through injected failures (timeout after create, a crashed attempt, 429 with
 * Retry-After, 401), staff retry, and the history rows every attempt writes.
 */
import { startFakeWordPress, type FakeWordPress } from '../../helpers/fake-wordpress';
import { freePort } from '../../helpers/processes';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken, type Tenant } from '../../helpers/tenants';

let app: TestApp;
let wp: FakeWordPress;
let A: Tenant;
let B: Tenant;
let siteId: string;
let integrationId: string;
let unusedPort: number;

const svc = (name: string) => app.strapi.plugin('publishing').service(name) as any;
const waitFor = async <T>(fn: () => Promise<T | undefined | null | false>, ms = 20000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};
const settled = (recordId: number) =>
  waitFor(async () => {
    const r = await app.strapi.db.query('plugin::publishing.publishing-record').findOne({ where: { id: recordId } });
    return r && r.status !== 'pending' ? r : null;
  });
const createContent = async (title: string, extra: Record<string, unknown> = {}) => {
  const res = await as(app, A.jwt).post('/api/contents', { data: { title, site: siteId, html: `<p>${title}</p>`, ...extra } });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const publish = async (documentId: string) => {
  const res = await as(app, A.jwt).post(`/api/publishing/contents/${documentId}/publish`, {});
  expect(res.status).toBe(202);
  return res.body.data;
};
const marker = (documentId: string) => `igny8ref${documentId.toLowerCase()}`;

beforeAll(async () => {
  wp = await startFakeWordPress();
  unusedPort = await freePort();
  app = await bootStrapi({
    env: {
      RUN_WORKERS_IN_PROCESS: 'true',
      PUBLISHING_ALLOWED_HOSTS: `127.0.0.1:${wp.port}`,
      PUBLISHING_REQUEST_TIMEOUT_MS: '1500',
      PUBLISHING_BACKOFF_BASE_MS: '200',
      PUBLISHING_LEASE_MS: '3000',
      PUBLISHING_ATTEMPTS: '4',
    },
  });
  A = await signUp(app);
  B = await signUp(app);
  const site = await as(app, A.jwt).post('/api/sites', { data: { name: 'Blog', domain: 'blog.example.com' } });
  expect(site.status).toBe(201);
  siteId = site.body.data.documentId;
}, 300000); // the boot alone takes minutes on a loaded 2-core machine

afterAll(async () => {
  await app?.close();
  await wp?.close();
});

describe('connect and the doctor', () => {
  it('connects a site, stores the password sealed, and never shows it', async () => {
    const res = await as(app, A.jwt).post('/api/publishing/integrations', { site: siteId, baseUrl: wp.url, username: wp.username, applicationPassword: wp.password });
    expect(res.status).toBe(201);
    expect(res.body.data.report.ok).toBe(true);
    expect(res.body.data.integration).toMatchObject({ connectionStatus: 'connected', applicationPassword: { configured: true, last4: 'stuvwx'.slice(-4) } });
    integrationId = res.body.data.integration.documentId;
    const compact = wp.password.replace(/\s+/g, '');
    const list = await as(app, A.jwt).get('/api/publishing/integrations');
    expect(JSON.stringify(list.body)).not.toContain(compact);
    expect(JSON.stringify(res.body)).not.toContain(compact);
    const row = await app.strapi.db.connection('publishing_site_integrations').first();
    expect(JSON.stringify(row)).not.toContain(compact);
    expect((await as(app, B.jwt).get('/api/publishing/integrations')).body.data).toEqual([]);
  });

  it('explains a wrong password and a stripped Authorization header', async () => {
    wp.fail('/wp/v2/users/me', { kind: 'status', status: 401, code: 'incorrect_password' });
    let res = await as(app, A.jwt).post(`/api/publishing/integrations/${integrationId}/test`, {});
    expect(res.body.data.report.checks.find((c: any) => c.id === 'credentials')).toMatchObject({ status: 'failed', fix: expect.stringContaining('application password') });
    wp.fail('/wp/v2/users/me', { kind: 'strip-auth' });
    res = await as(app, A.jwt).post(`/api/publishing/integrations/${integrationId}/test`, {});
    expect(res.body.data.report.checks.find((c: any) => c.id === 'authorization-header')).toMatchObject({ status: 'failed', fix: expect.stringContaining('HTTP_AUTHORIZATION') });
    expect(res.body.data.integration.connectionStatus).toBe('error');
    res = await as(app, A.jwt).post(`/api/publishing/integrations/${integrationId}/test`, {});
    expect(res.body.data.report.ok).toBe(true);
    const events = await app.strapi.db.query('plugin::publishing.sync-event').findMany({ where: { action: 'test' } });
    expect(events.length).toBeGreaterThanOrEqual(4);
  });

  it.each(['https://127.0.0.1', `http://127.0.0.1:${1}`, 'https://10.1.2.3', 'https://169.254.169.254', 'https://[::ffff:127.0.0.1]', 'http://example.com'])('refuses %s', async (baseUrl) => {
    const res = await as(app, A.jwt).post('/api/publishing/integrations', { site: siteId, baseUrl, username: 'x', applicationPassword: 'abcd efgh ijkl mnop' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['baseUrl']);
  });

  it('names both causes when WordPress answers a wrong application password as not logged in (as stock WordPress 6.1 does)', async () => {
    const site = await app.strapi.db.query('api::site.site').create({ data: { name: 'Wrong password', domain: 'wrong.example.com', account: A.accountId } });
    const res = await as(app, A.jwt).post('/api/publishing/integrations', { site: site.documentId, baseUrl: wp.url, username: wp.username, applicationPassword: 'wxyz wxyz wxyz wxyz wxyz wxyz' });
    expect(res.status).toBe(201);
    const failed = res.body.data.report.checks.find((c: any) => c.status === 'failed');
    expect(failed).toMatchObject({ id: 'authorization-header', fix: expect.stringContaining('application password is wrong') });
    expect(failed.fix).toContain('HTTP_AUTHORIZATION');
  });

  it('refuses a hostname that resolves to loopback, at connection time', async () => {
    // A second site (over the Free plan's limit, so created as the system would).
    const site = await app.strapi.db.query('api::site.site').create({ data: { name: 'Local', domain: 'local.example.com', account: A.accountId } });
    const res = await as(app, A.jwt).post('/api/publishing/integrations', { site: site.documentId, baseUrl: `https://localhost:${unusedPort}`, username: 'x', applicationPassword: 'abcd efgh ijkl mnop' });
    expect(res.status).toBe(201);
    expect(res.body.data.report.checks[0]).toMatchObject({ id: 'address', status: 'failed', message: expect.stringMatching(/resolves to (127\.0\.0\.1|::1)/) });
  });
});

describe('publishing exactly once', () => {
  it('creates the post as draft then publishes it, with taxonomies created and mapped', async () => {
    const tax = await as(app, A.jwt).post('/api/content-taxonomies', { data: { name: 'Guides', slug: 'guides', taxonomyType: 'category', site: siteId } });
    expect(tax.status).toBe(201);
    const doc = await createContent('First post', { taxonomies: [tax.body.data.documentId] });
    const record = await publish(doc);
    const done = await settled(record.id);
    expect(done).toMatchObject({ status: 'published', action: 'publish' });
    const posts = wp.postsWithMarker(marker(doc));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ status: 'publish', title: { raw: 'First post' }, categories: [expect.any(Number)] });
    expect(wp.requests.filter((r) => r.method === 'POST' && r.path === '/wp/v2/posts')).toHaveLength(1);
    const content = await app.strapi.db.query('api::content.content').findOne({ where: { documentId: doc } });
    expect(content).toMatchObject({ publishingStatus: 'published', externalId: String(posts[0].id), externalUrl: posts[0].link });
    const term = await app.strapi.db.query('api::content-taxonomy.content-taxonomy').findOne({ where: { documentId: tax.body.data.documentId } });
    expect(term.externalId).toBe(String(posts[0].categories[0]));

    // Publishing again updates the same post.
    const again = await publish(doc);
    expect((await settled(again.id)).action).toBe('update');
    expect(wp.postsWithMarker(marker(doc))).toHaveLength(1);
    const status = await as(app, A.jwt).get(`/api/publishing/contents/${doc}/status`);
    expect(status.body.data.records).toHaveLength(2);
    expect(status.body.data.events.every((e: any) => e.success)).toBe(true);
    expect((await as(app, B.jwt).get(`/api/publishing/contents/${doc}/status`)).status).toBe(404);
  });

  it('leaves no duplicate after a timeout after the create and a retry', async () => {
    const doc = await createContent('Timeout post');
    wp.fail('/wp/v2/posts', { kind: 'timeout-after-create' }, 1, 'POST');
    const record = await publish(doc);
    const done = await settled(record.id);
    expect(done.status).toBe('published');
    expect(wp.postsWithMarker(marker(doc))).toHaveLength(1);
    expect(wp.postsWithMarker(marker(doc))[0].status).toBe('publish');
    // The attempt's SyncEvent is written just after the record turns published: wait for it.
    const events = await waitFor(async () => {
      const rows = await app.strapi.db.query('plugin::publishing.sync-event').findMany({ where: { recordId: record.id }, orderBy: { id: 'asc' } });
      return rows.length >= 2 ? rows : null;
    });
    expect(events.map((e: any) => e.success)).toEqual([false, true]);
    expect(events[0].details.kind).toBe('unknown-outcome');
    expect(events[1].details.adopted).toBe(true);
  });

  it('leaves no duplicate when a worker died after sending the create (its lease expires, the next attempt adopts the post)', async () => {
    const doc = await createContent('Crashed post');
    const content = await app.strapi.db.query('api::content.content').findOne({ where: { documentId: doc } });
    const integration = await app.strapi.db.query('plugin::publishing.site-integration').findOne({ where: { documentId: integrationId } });
    // The dead worker: took the lease, marked the create, and the create reached WordPress.
    const lease = await svc('post-state').claim(integration.id, content.id);
    await svc('post-state').markCreateStarted(lease);
    const { postBody } = require(`${process.env.TEST_DIST_DIR}/src/plugins/publishing/server/src/domain/post-payload`);
    await svc('integrations').client(integration).createPost(postBody({ content, status: 'draft', categories: [], tags: [] }));
    const record = await publish(doc);
    const done = await settled(record.id);
    expect(done.status).toBe('published');
    expect(wp.postsWithMarker(marker(doc))).toHaveLength(1);
  });

  it('honours Retry-After on 429 and then publishes', async () => {
    const doc = await createContent('Rate limited');
    wp.fail('/wp/v2/posts', { kind: 'status', status: 429, retryAfter: '1' }, 1, 'POST');
    const started = Date.now();
    const record = await publish(doc);
    expect((await settled(record.id)).status).toBe('published');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(wp.postsWithMarker(marker(doc))).toHaveLength(1);
  });

  it('stops at once on 401 with the reason, and staff retry it once fixed', async () => {
    const doc = await createContent('Refused');
    wp.fail('/wp/v2/posts', { kind: 'status', status: 401, code: 'incorrect_password' }, 1, 'POST');
    const record = await publish(doc);
    const failed = await settled(record.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: expect.stringContaining('application password') });
    expect((await app.strapi.db.query('api::content.content').findOne({ where: { documentId: doc } })).publishingStatus).toBe('failed');

    const staff = await staffToken(app, 'igny8-support-agent');
    expect((await app.request().post('/publishing/records/retry').set('Authorization', `Bearer ${staff}`).send({ ids: [record.id] })).status).toBe(403);
    const manager = await staffToken(app, 'igny8-content-manager');
    const retry = await app.request().post('/publishing/records/retry').set('Authorization', `Bearer ${manager}`).send({ ids: [record.id, 999999] });
    expect(retry.body.data).toEqual({ retried: [record.id], skipped: [999999] });
    expect((await settled(record.id)).status).toBe('published');
    expect(wp.postsWithMarker(marker(doc))).toHaveLength(1);
  });

  it('schedules content and publishes it when due; cancel stops a pending one', async () => {
    const doc = await createContent('Scheduled');
    const res = await as(app, A.jwt).post(`/api/publishing/contents/${doc}/publish`, { scheduledAt: new Date(Date.now() + 60_000).toISOString() });
    expect(res.status).toBe(202);
    expect((await app.strapi.db.query('api::content.content').findOne({ where: { documentId: doc } })).publishingStatus).toBe('scheduled');
    expect((await svc('scheduler').tick()).enqueued).toBe(0);
    expect((await svc('scheduler').tick(new Date(Date.now() + 61_000))).enqueued).toBe(1);
    expect((await svc('scheduler').tick(new Date(Date.now() + 61_000))).enqueued).toBe(0);
    expect((await settled(res.body.data.id)).status).toBe('published');

    const later = await createContent('Cancelled');
    const pending = await as(app, A.jwt).post(`/api/publishing/contents/${later}/publish`, { scheduledAt: new Date(Date.now() + 60_000).toISOString() });
    const cancel = await as(app, A.jwt).post('/api/publishing/records/cancel', { ids: [pending.body.data.id] });
    expect(cancel.body.data.cancelled).toEqual([pending.body.data.id]);
    expect((await svc('scheduler').tick(new Date(Date.now() + 61_000))).enqueued).toBe(0);
    expect(wp.postsWithMarker(marker(later))).toHaveLength(0);
  });
});
