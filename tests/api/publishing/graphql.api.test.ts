/**
 * The tenant publishing API over GraphQL, against a fake WordPress over real HTTP: connect (the
 * doctor's report, the password never echoed), test, list, publish, replay by idempotency key, status
 * and history, unpublish, records, cancel, disconnect; other accounts and anonymous callers refused;
 * bad input refused naming the field.
 */
import { startFakeWordPress, type FakeWordPress } from '../../helpers/fake-wordpress';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, type Tenant } from '../../helpers/tenants';

let app: TestApp;
let wp: FakeWordPress;
let A: Tenant;
let B: Tenant;
let siteId: string;
let integrationId: string;

const gql = async (tenant: Tenant, query: string, variables?: Record<string, unknown>) => (await as(app, tenant.jwt).graphql(query, variables)).body;
const waitFor = async <T>(fn: () => Promise<T | undefined | null | false>, ms = 20000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};
const settled = (recordId: number | string) =>
  waitFor(async () => {
    const r = await app.strapi.db.query('plugin::publishing.publishing-record').findOne({ where: { id: Number(recordId) } });
    return r && r.status !== 'pending' ? r : null;
  });
const createContent = async (title: string) => {
  const res = await as(app, A.jwt).post('/api/contents', { data: { title, site: siteId, html: `<p>${title}</p>` } });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const marker = (documentId: string) => `igny8ref${documentId.toLowerCase()}`;

const CONNECT = `mutation($site: ID!, $baseUrl: String!, $username: String!, $password: String!) {
  connectPublishingSite(site: $site, baseUrl: $baseUrl, username: $username, applicationPassword: $password) {
    integration { documentId baseUrl username connectionStatus applicationPassword { configured last4 } site { documentId } }
    report { ok checks { id status message fix } }
  }
}`;
const PUBLISH = `mutation($id: ID!, $key: String, $at: DateTime) { publishContent(contentId: $id, idempotencyKey: $key, scheduledAt: $at) { replayed record { id status action contentDocumentId scheduledFor } } }`;

beforeAll(async () => {
  wp = await startFakeWordPress();
  app = await bootStrapi({ env: { RUN_WORKERS_IN_PROCESS: 'true', PUBLISHING_ALLOWED_HOSTS: `127.0.0.1:${wp.port}`, PUBLISHING_REQUEST_TIMEOUT_MS: '1500', PUBLISHING_BACKOFF_BASE_MS: '200' } });
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

describe('publishing over GraphQL', () => {
  it('refuses a private address naming baseUrl, and connects a site with the doctor report but never the password', async () => {
    const refused = await gql(A, CONNECT, { site: siteId, baseUrl: 'https://10.1.2.3', username: 'x', password: 'abcd efgh ijkl mnop' });
    expect(refused.data).toBeNull();
    expect(refused.errors[0].message).toMatch(/^baseUrl: /);
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await app.strapi.db.query('plugin::publishing.site-integration').count()).toBe(0);

    const body = await gql(A, CONNECT, { site: siteId, baseUrl: wp.url, username: wp.username, password: wp.password });
    expect(body.errors).toBeUndefined();
    const result = body.data.connectPublishingSite;
    expect(result.report.ok).toBe(true);
    expect(result.report.checks.map((c: any) => c.id)).toEqual(['address', 'rest', 'authorization-header', 'credentials', 'can-publish', 'taxonomies']);
    expect(result.integration).toMatchObject({ baseUrl: wp.url, connectionStatus: 'connected', applicationPassword: { configured: true, last4: 'uvwx' }, site: { documentId: siteId } });
    expect(JSON.stringify(body)).not.toContain(wp.password.replace(/\s+/g, ''));
    integrationId = result.integration.documentId;

    const listed = await gql(A, '{ publishingIntegrations { documentId connectionStatus doctor { ok } } }');
    expect(listed.data.publishingIntegrations).toEqual([{ documentId: integrationId, connectionStatus: 'connected', doctor: { ok: true } }]);
    expect((await gql(B, '{ publishingIntegrations { documentId } }')).data.publishingIntegrations).toEqual([]);
  });

  it('tests a connection and explains a stripped Authorization header; another account cannot test it', async () => {
    wp.fail('/wp/v2/users/me', { kind: 'strip-auth' });
    const body = await gql(A, `mutation($id: ID!) { testPublishingSite(id: $id) { integration { connectionStatus } report { ok checks { id status fix } } } }`, { id: integrationId });
    expect(body.data.testPublishingSite.integration.connectionStatus).toBe('error');
    expect(body.data.testPublishingSite.report.checks.find((c: any) => c.id === 'authorization-header')).toMatchObject({ status: 'failed', fix: expect.stringContaining('HTTP_AUTHORIZATION') });
    const again = await gql(A, `mutation($id: ID!) { testPublishingSite(id: $id) { report { ok } } }`, { id: integrationId });
    expect(again.data.testPublishingSite.report.ok).toBe(true);

    const other = await gql(B, `mutation($id: ID!) { testPublishingSite(id: $id) { report { ok } } }`, { id: integrationId });
    expect(other.errors[0].extensions.code).toBe('STRAPI_NOT_FOUND_ERROR');
    const anonymous = await app.request().post('/graphql').send({ query: '{ publishingIntegrations { documentId } }' });
    expect(anonymous.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('publishes once per idempotency key, shows status and history, then unpublishes', async () => {
    const doc = await createContent('GraphQL post');
    const first = await gql(A, PUBLISH, { id: doc, key: 'gql-key-0001' });
    expect(first.errors).toBeUndefined();
    expect(first.data.publishContent).toMatchObject({ replayed: false, record: { status: 'pending', action: 'publish', contentDocumentId: doc } });
    const replay = await gql(A, PUBLISH, { id: doc, key: 'gql-key-0001' });
    expect(replay.data.publishContent).toMatchObject({ replayed: true, record: { id: first.data.publishContent.record.id } });
    expect((await settled(first.data.publishContent.record.id)).status).toBe('published');
    expect(wp.postsWithMarker(marker(doc))).toHaveLength(1);

    const status = await waitFor(async () => {
      const s = (await gql(A, `query($id: ID!) { publishingStatus(contentId: $id) { content { publishingStatus externalId externalUrl } records { id status action } events { action success attempt durationMs } } }`, { id: doc })).data.publishingStatus;
      return s.events.length ? s : null;
    });
    const post = wp.postsWithMarker(marker(doc))[0];
    expect(status.content).toEqual({ publishingStatus: 'published', externalId: String(post.id), externalUrl: post.link });
    expect(status.records).toEqual([{ id: first.data.publishContent.record.id, status: 'published', action: 'publish' }]);
    expect(status.events).toEqual([expect.objectContaining({ action: 'publish', success: true, attempt: 1 })]);
    const foreign = await gql(B, `query($id: ID!) { publishingStatus(contentId: $id) { content { publishingStatus } } }`, { id: doc });
    expect(foreign.errors[0].extensions.code).toBe('STRAPI_NOT_FOUND_ERROR');

    const off = await gql(A, `mutation($id: ID!) { unpublishContent(contentId: $id) { replayed record { id action } } }`, { id: doc });
    expect(off.data.unpublishContent.record.action).toBe('unpublish');
    expect((await settled(off.data.unpublishContent.record.id)).status).toBe('retracted');
    expect(wp.postsWithMarker(marker(doc))).toEqual([expect.objectContaining({ status: 'draft' })]);
    const records = await gql(A, `{ publishingRecords(status: "retracted") { nodes { id } pageInfo { total page } } }`);
    expect(records.data.publishingRecords).toEqual({ nodes: [{ id: off.data.unpublishContent.record.id }], pageInfo: { total: 1, page: 1 } });
    const badStatus = await gql(A, `{ publishingRecords(status: "lost") { nodes { id } } }`);
    expect(badStatus.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(badStatus.errors[0].message).toContain('status');
  });

  it('cancels a scheduled publish, and after disconnecting refuses to publish', async () => {
    const doc = await createContent('Later');
    const scheduled = await gql(A, PUBLISH, { id: doc, at: new Date(Date.now() + 3_600_000).toISOString() });
    const recordId = scheduled.data.publishContent.record.id;
    expect(scheduled.data.publishContent.record.scheduledFor).toBeTruthy();
    const cancelled = await gql(A, `mutation($ids: [ID!]!) { cancelPublishingRecords(ids: $ids) { cancelled } }`, { ids: [recordId] });
    expect(cancelled.data.cancelPublishingRecords.cancelled).toEqual([recordId]);
    const retried = await gql(A, `mutation($ids: [ID!]!) { retryPublishingRecords(ids: $ids) { retried skipped } }`, { ids: [recordId] });
    expect(retried.data.retryPublishingRecords).toEqual({ retried: [], skipped: [recordId] });
    const empty = await gql(A, `mutation { cancelPublishingRecords(ids: []) { cancelled } }`);
    expect(empty.errors[0].message).toContain('ids');

    const gone = await gql(A, `mutation($id: ID!) { disconnectPublishingSite(id: $id) { isActive applicationPassword { configured } } }`, { id: integrationId });
    expect(gone.data.disconnectPublishingSite).toEqual({ isActive: false, applicationPassword: { configured: false } });
    const refused = await gql(A, PUBLISH, { id: doc });
    expect(refused.errors[0].message).toContain('no connected WordPress integration');
    expect(wp.postsWithMarker(marker(doc))).toHaveLength(0);
  });
});
