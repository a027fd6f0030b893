/**
 * The set-based request path (`records.requestMany`: many contents, several sites, one INSERT and one
 * addBulk) publishes every content exactly once and joins what is already pending; and a featured image
 * is uploaded to the site's media library once per image, not again when the post is updated.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startFakeWordPress, type FakeWordPress } from '../../helpers/fake-wordpress';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, type Tenant } from '../../helpers/tenants';

let app: TestApp;
let wp: FakeWordPress;
// A site of its own that answers slowly, to see how many requests the workers send it at once.
let slow: FakeWordPress;
let slowSite: { id: number; documentId: string };
let A: Tenant;
const sites: Array<{ id: number; documentId: string }> = [];
const written: string[] = [];

const svc = (name: string) => app.strapi.plugin('publishing').service(name) as any;
const waitFor = async <T>(fn: () => Promise<T | undefined | null | false>, ms = 90000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};
const allSettled = async (ids: number[]) => {
  try {
    return await waitFor(async () => {
      const rows = await app.strapi.db.query('plugin::publishing.publishing-record').findMany({ where: { id: { $in: ids } } });
      return rows.length === ids.length && rows.every((r: any) => r.status !== 'pending') ? rows : null;
    });
  } catch (error) {
    // Say what is stuck: the records still pending, their attempts and the queue's counts.
    const stuck = await app.strapi.db.query('plugin::publishing.publishing-record').findMany({ where: { id: { $in: ids }, status: 'pending' }, limit: 5 });
    const counts = await app.strapi.plugin('queue').service('queues').get('publishing').getJobCounts();
    throw new Error(`${(error as Error).message}: ${JSON.stringify({ stuck, counts })}`);
  }
};
const marker = (documentId: string) => `igny8ref${documentId.toLowerCase()}`;
const createContent = async (siteIndex: number, title: string) =>
  (await app.strapi.db.query('api::content.content').create({ data: { title, html: `<p>${title}</p>`, site: sites[siteIndex].id, account: A.accountId } })).documentId as string;

beforeAll(async () => {
  wp = await startFakeWordPress();
  slow = await startFakeWordPress({ latencyMs: 150 });
  app = await bootStrapi({ env: { RUN_WORKERS_IN_PROCESS: 'true', PUBLISHING_ALLOWED_HOSTS: `127.0.0.1:${wp.port},127.0.0.1:${slow.port}`, PUBLISHING_BACKOFF_BASE_MS: '200' } });
  A = await signUp(app, { plan: 'scale' });
  for (let i = 0; i < 3; i++) {
    const res = await as(app, A.jwt).post('/api/sites', { data: { name: `Site ${i}`, domain: `site-${i}.example.com` } });
    expect(res.status).toBe(201);
    const row = await app.strapi.db.query('api::site.site').findOne({ where: { documentId: res.body.data.documentId } });
    sites.push({ id: row.id, documentId: row.documentId });
    const connected = await svc('integrations').connect({ accountId: A.accountId, siteDocumentId: row.documentId, baseUrl: wp.url, username: wp.username, applicationPassword: wp.password });
    expect(connected.report.ok).toBe(true);
  }
  const res = await as(app, A.jwt).post('/api/sites', { data: { name: 'Slow site', domain: 'slow.example.com' } });
  expect(res.status).toBe(201);
  slowSite = { id: (await app.strapi.db.query('api::site.site').findOne({ where: { documentId: res.body.data.documentId } })).id, documentId: res.body.data.documentId };
  const connected = await svc('integrations').connect({ accountId: A.accountId, siteDocumentId: slowSite.documentId, baseUrl: slow.url, username: slow.username, applicationPassword: slow.password });
  expect(connected.report.ok).toBe(true);
}, 300000); // the boot alone takes minutes on a loaded 2-core machine

afterAll(async () => {
  await app?.close();
  await wp?.close();
  await slow?.close();
  await Promise.all(written.map((f) => fs.rm(f, { force: true })));
});

describe('requestMany', () => {
  it('publishes many contents across sites exactly once, refuses what it cannot, and joins what is pending', async () => {
    const docs: string[] = [];
    for (let n = 0; n < 30; n++) docs.push(await createContent(n % 3, `Batch ${n}`));
    const noSite = (await app.strapi.db.query('api::content.content').create({ data: { title: 'Nowhere', account: A.accountId } })).documentId;
    const other = await signUp(app);
    const foreign = (await app.strapi.db.query('api::content.content').create({ data: { title: 'Theirs', account: other.accountId } })).documentId;

    // This process's worker takes no job until both requests are made: otherwise a fast publish could
    // finish a record before the second request, which then rightly makes a new one (a flaky failure).
    const queue = app.strapi.plugin('queue').service('queues').get('publishing');
    await queue.pause(true);
    let batch: any;
    try {
      batch = await svc('records').requestMany({ accountId: A.accountId, contentDocumentIds: [...docs, docs[0], noSite, foreign], action: 'publish', requestedBy: 'test' });
      expect(batch.created).toHaveLength(30);
      expect(batch.created.every((r: any) => r.status === 'pending' && r.action === 'publish')).toBe(true);
      expect(batch.refused).toEqual([
        { contentDocumentId: noSite, status: 400, message: 'This content has no site to publish to' },
        { contentDocumentId: foreign, status: 404, message: 'Content not found' },
      ]);
      // Asking again while they are pending joins the open records instead of adding new ones.
      const again = await svc('records').requestMany({ accountId: A.accountId, contentDocumentIds: docs.slice(0, 5), action: 'publish', requestedBy: 'test' });
      expect(again.created).toHaveLength(0);
      expect(again.replayed.map((r: any) => r.id).every((id: number) => batch.created.some((c: any) => c.id === id))).toBe(true);
    } finally {
      await queue.resume(true);
    }

    const done = await allSettled(batch.created.map((r: any) => r.id));
    expect(done.every((r: any) => r.status === 'published')).toBe(true);
    for (const doc of docs) expect(wp.postsWithMarker(marker(doc))).toEqual([expect.objectContaining({ status: 'publish' })]);
    // Every record belongs to the account (the link rows the set-based insert wrote).
    const owned = await app.strapi.db.query('plugin::publishing.publishing-record').count({ where: { id: { $in: batch.created.map((r: any) => r.id) }, account: { id: A.accountId } } });
    expect(owned).toBe(30);
    const statuses = await app.strapi.db.query('api::content.content').findMany({ where: { documentId: { $in: docs } }, select: ['publishingStatus'] });
    expect(new Set(statuses.map((c: any) => c.publishingStatus))).toEqual(new Set(['published']));

    // A second batch updates the same posts.
    const updates = await svc('records').requestMany({ accountId: A.accountId, contentDocumentIds: docs, action: 'publish', requestedBy: 'test' });
    expect(updates.created.every((r: any) => r.action === 'update')).toBe(true);
    await allSettled(updates.created.map((r: any) => r.id));
    for (const doc of docs) expect(wp.postsWithMarker(marker(doc))).toHaveLength(1);
    // One SyncEvent per attempt, linked to the account.
    const events = await app.strapi.db.query('plugin::publishing.sync-event').count({ where: { recordId: { $in: [...batch.created, ...updates.created].map((r: any) => r.id) }, success: true, account: { id: A.accountId } } });
    expect(events).toBe(60);
  }, 120000);
});

describe('per-site concurrency', () => {
  it('sends one site at most perSiteConcurrency requests at once, and uses them all', async () => {
    const limit = app.strapi.config.get('plugin::publishing.perSiteConcurrency') as number;
    const docs: string[] = [];
    for (let n = 0; n < 4 * limit; n++) {
      docs.push((await app.strapi.db.query('api::content.content').create({ data: { title: `Slow ${n}`, html: `<p>${n}</p>`, site: slowSite.id, account: A.accountId } })).documentId);
    }
    slow.resetPeakInFlight();
    const batch = await svc('records').requestMany({ accountId: A.accountId, contentDocumentIds: docs, action: 'publish', requestedBy: 'test' });
    const done = await allSettled(batch.created.map((r: any) => r.id));
    expect(done.every((r: any) => r.status === 'published')).toBe(true);
    for (const doc of docs) expect(slow.postsWithMarker(marker(doc))).toHaveLength(1);
    // Never more than the limit (the site is not flooded), and the limit reached (jobs are not serialised).
    expect(slow.peakInFlight()).toBe(limit);
  }, 120000);
});

describe('featured image', () => {
  it('is uploaded to the site once per image, and not again when the post is updated', async () => {
    const name = `featured-${randomBytes(6).toString('hex')}`;
    const file = path.join(app.strapi.dirs.static.public, 'uploads', `${name}.png`);
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(64)]);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, bytes);
    written.push(file);
    const upload = await app.strapi.db.query('plugin::upload.file').create({
      data: { name: `${name}.png`, hash: name, ext: '.png', mime: 'image/png', size: bytes.length / 1000, url: `/uploads/${name}.png`, provider: 'local' },
    });
    const doc = await createContent(0, 'With a picture');
    const content = await app.strapi.db.query('api::content.content').findOne({ where: { documentId: doc } });
    await app.strapi.db.query('api::image.image').create({ data: { content: content.id, imageType: 'featured', file: upload.id, account: A.accountId } });
    const mediaPosts = () => wp.requests.filter((r) => r.method === 'POST' && r.path === '/wp/v2/media').length;
    const uploadsBefore = mediaPosts();

    const first = await as(app, A.jwt).post(`/api/publishing/contents/${doc}/publish`, {});
    expect(first.status).toBe(202);
    await allSettled([first.body.data.id]);
    expect(mediaPosts()).toBe(uploadsBefore + 1);
    const uploaded = [...wp.media.values()].at(-1);
    expect(uploaded.bytes).toBe(bytes.length);
    expect(uploaded.mime).toBe('image/png');
    const [post] = wp.postsWithMarker(marker(doc));
    expect(post.featured_media).toBe(uploaded.id);

    const second = await as(app, A.jwt).post(`/api/publishing/contents/${doc}/publish`, {});
    expect(second.body.data.action).toBe('update');
    expect((await allSettled([second.body.data.id]))[0].status).toBe('published');
    expect(mediaPosts()).toBe(uploadsBefore + 1);
    expect(wp.postsWithMarker(marker(doc))).toEqual([expect.objectContaining({ id: post.id, featured_media: uploaded.id })]);
    const remembered = await app.strapi.db.connection('publishing_media').where({ image_id: (await app.strapi.db.query('api::image.image').findOne({ where: { content: content.id } })).id });
    expect(remembered).toEqual([expect.objectContaining({ media_id: String(uploaded.id) })]);
  }, 60000);
});
