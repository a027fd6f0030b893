/**
 * Signup, account members and their roles, and per-account API keys, over the real REST API.
 */
import { randomBytes } from 'node:crypto';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, setPlan, signUp, type Tenant } from '../../helpers/tenants';
import { sampleData } from '../../helpers/records';

let app: TestApp;
const rand = () => randomBytes(4).toString('hex');
const USER_UID = 'plugin::users-permissions.user';

const expectValidationError = (res: any, field: string) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  expect(res.body.error.message).toContain(field);
  expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(field);
};

const newMember = (role: string) => {
  const username = `m_${rand()}`;
  return { username, email: `${username}@example.test`, password: 'Member-pass-123', role };
};

const login = async (identifier: string, password: string) => app.request().post('/api/auth/local').send({ identifier, password });

const siteData = () => sampleData(app.strapi, 'api::site.site');

beforeAll(async () => {
  app = await bootStrapi();
}, 120000);

afterAll(async () => app?.close());

describe('signup', () => {
  it('creates an account on the Free plan with the user as owner', async () => {
    const t = await signUp(app);
    const res = await as(app, t.jwt).get('/api/tenancy/account');
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: t.accountDocumentId,
      name: `${t.username}'s account`,
      status: 'active',
      role: 'owner',
      plan: { slug: 'free', maxSites: 1, maxUsers: 1, maxKeywords: 100 },
    });
    expect(res.body.data.usage).toEqual(expect.objectContaining({ sites: 0 }));
    const user = await app.strapi.db.query(USER_UID).findOne({ where: { id: t.userId }, populate: { account: true } });
    expect(user.accountRole).toBe('owner');
    expect(user.account.documentId).toBe(t.accountDocumentId);
  });

  it('uses accountName when given', async () => {
    const t = await signUp(app, { accountName: 'Acme Widgets' });
    const res = await as(app, t.jwt).get('/api/tenancy/account');
    expect(res.body.data).toMatchObject({ name: 'Acme Widgets', slug: expect.stringMatching(/^acme-widgets/) });
  });

  it.each(['account', 'accountRole'])('refuses an extra field %s and creates no user', async (field) => {
    const username = `x_${rand()}`;
    const before = await app.strapi.db.query(USER_UID).count();
    const accountsBefore = await app.strapi.db.query('api::account.account').count();
    const res = await app.request().post('/api/auth/local/register')
      .send({ username, email: `${username}@example.test`, password: 'Secret-pass-123', [field]: field === 'accountRole' ? 'owner' : 1 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(JSON.stringify(res.body.error)).toContain(field);
    expect(await app.strapi.db.query(USER_UID).count()).toBe(before);
    expect(await app.strapi.db.query(USER_UID).count({ where: { username } })).toBe(0);
    expect(await app.strapi.db.query('api::account.account').count()).toBe(accountsBefore);
  });

  it('refuses a one-character accountName and creates no user', async () => {
    const username = `x_${rand()}`;
    const res = await app.request().post('/api/auth/local/register')
      .send({ username, email: `${username}@example.test`, password: 'Secret-pass-123', accountName: 'A' });
    expectValidationError(res, 'accountName');
    expect(await app.strapi.db.query(USER_UID).count({ where: { username } })).toBe(0);
  });
});

describe('members', () => {
  let owner: Tenant;
  let editor: { id: number; username: string; email: string; password: string; jwt: string };
  let viewer: { id: number; username: string; email: string; password: string; jwt: string };

  beforeAll(async () => {
    owner = await signUp(app);
  });

  it('refuses a second user on the Free plan, naming maxUsers', async () => {
    const body = newMember('editor');
    const res = await as(app, owner.jwt).post('/api/tenancy/members', body);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError', details: { limit: 'maxUsers', allowed: 1 } } });
    expect(res.body.error.message).toContain('maxUsers');
    expect(await app.strapi.db.query(USER_UID).count({ where: { username: body.username } })).toBe(0);
  });

  it('lets the owner add an editor and a viewer on Starter', async () => {
    await setPlan(app, owner.accountId, 'starter');
    const e = newMember('editor');
    const v = newMember('viewer');
    const r1 = await as(app, owner.jwt).post('/api/tenancy/members', e);
    expect(r1.status).toBe(201);
    expect(r1.body.data).toMatchObject({ username: e.username, email: e.email, accountRole: 'editor', blocked: false });
    expect(r1.body.data.password).toBeUndefined();
    const r2 = await as(app, owner.jwt).post('/api/tenancy/members', v);
    expect(r2.status).toBe(201);
    expect(r2.body.data).toMatchObject({ username: v.username, accountRole: 'viewer' });

    const list = await as(app, owner.jwt).get('/api/tenancy/members');
    expect(list.status).toBe(200);
    expect(list.body.data.map((m: any) => [m.username, m.accountRole])).toEqual([
      [owner.username, 'owner'],
      [e.username, 'editor'],
      [v.username, 'viewer'],
    ]);
    for (const m of list.body.data) expect(m.password).toBeUndefined();

    const le = await login(e.email, e.password);
    const lv = await login(v.username, v.password);
    expect(le.status).toBe(200);
    expect(lv.status).toBe(200);
    editor = { ...e, id: r1.body.data.id, jwt: le.body.jwt };
    viewer = { ...v, id: r2.body.data.id, jwt: lv.body.jwt };
  });

  it.each([
    ['email', { email: 'not-an-email' }],
    ['password', { password: 'short' }],
    ['role', { role: 'owner' }],
    ['nickname', { nickname: 'x' }],
  ])('refuses bad input naming %s and adds no one', async (field, override) => {
    const before = await app.strapi.db.query(USER_UID).count();
    const res = await as(app, owner.jwt).post('/api/tenancy/members', { ...newMember('editor'), ...override });
    expectValidationError(res, field);
    expect(await app.strapi.db.query(USER_UID).count()).toBe(before);
  });

  it('lets a viewer list but not create sites', async () => {
    const before = await app.strapi.db.query('api::site.site').count();
    const create = await as(app, viewer.jwt).post('/api/sites', { data: siteData() });
    expect(create.status).toBe(403);
    expect(create.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
    expect(create.body.error.message).toMatch(/viewer/i);
    expect(await app.strapi.db.query('api::site.site').count()).toBe(before);
    const list = await as(app, viewer.jwt).get('/api/sites');
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body.data)).toBe(true);
  });

  it('does not let an editor add members, nor make an admin', async () => {
    const before = await app.strapi.db.query(USER_UID).count();
    for (const role of ['viewer', 'admin']) {
      const res = await as(app, editor.jwt).post('/api/tenancy/members', newMember(role));
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
      expect(res.body.error.message).toMatch(/owner or an admin/);
    }
    const promote = await as(app, editor.jwt).put(`/api/tenancy/members/${viewer.id}`, { role: 'admin' });
    expect(promote.status).toBe(403);
    expect(await app.strapi.db.query(USER_UID).count()).toBe(before);
    const v = await app.strapi.db.query(USER_UID).findOne({ where: { id: viewer.id } });
    expect(v.accountRole).toBe('viewer');
  });

  it('never removes the owner', async () => {
    const res = await as(app, owner.jwt).delete(`/api/tenancy/members/${owner.userId}`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/owner/i);
    const u = await app.strapi.db.query(USER_UID).findOne({ where: { id: owner.userId } });
    expect(u).toMatchObject({ blocked: false, deletedAt: null });
  });

  it('removing a member stops their JWT and their login, and drops them from the list', async () => {
    expect((await as(app, viewer.jwt).get('/api/sites')).status).toBe(200);
    const res = await as(app, owner.jwt).delete(`/api/tenancy/members/${viewer.id}`);
    expect(res.status).toBe(204);
    expect([401, 403]).toContain((await as(app, viewer.jwt).get('/api/sites')).status);
    expect([401, 403]).toContain((await as(app, viewer.jwt).get('/api/tenancy/account')).status);
    expect((await login(viewer.email, viewer.password)).status).toBeGreaterThanOrEqual(400);
    const list = await as(app, owner.jwt).get('/api/tenancy/members');
    expect(list.body.data.map((m: any) => m.id)).not.toContain(viewer.id);
    expect(list.body.data.map((m: any) => m.id)).toContain(editor.id);
  });
});

describe('API keys', () => {
  let A: Tenant;
  let B: Tenant;
  let siteA: string;
  let siteB: string;
  let editorKey: { id: number; key: string };
  let viewerKey: { id: number; key: string };

  beforeAll(async () => {
    A = await signUp(app, { plan: 'starter' });
    B = await signUp(app, { plan: 'starter' });
    siteA = (await as(app, A.jwt).post('/api/sites', { data: siteData() })).body.data.documentId;
    siteB = (await as(app, B.jwt).post('/api/sites', { data: siteData() })).body.data.documentId;
  });

  it('creates a key shown once and never lists the key or its hash', async () => {
    const res = await as(app, A.jwt).post('/api/tenancy/api-keys', { name: 'CI' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: 'CI', role: 'editor', revokedAt: null });
    expect(res.body.data.key).toMatch(/^igk_/);
    expect(res.body.data.keyHash).toBeUndefined();
    editorKey = { id: res.body.data.id, key: res.body.data.key };

    const v = await as(app, A.jwt).post('/api/tenancy/api-keys', { name: 'Reader', role: 'viewer' });
    expect(v.status).toBe(201);
    viewerKey = { id: v.body.data.id, key: v.body.data.key };

    const list = await as(app, A.jwt).get('/api/tenancy/api-keys');
    expect(list.status).toBe(200);
    expect(list.body.data.map((k: any) => k.id).sort()).toEqual([editorKey.id, viewerKey.id].sort());
    const text = JSON.stringify(list.body);
    expect(text).not.toContain(editorKey.key);
    expect(text).not.toContain(viewerKey.key);
    for (const k of list.body.data) {
      expect(k.key).toBeUndefined();
      expect(k.keyHash).toBeUndefined();
    }
    const row = await app.strapi.db.query('plugin::tenancy.api-key').findOne({ where: { id: editorKey.id } });
    expect(row.keyHash).toBeTruthy();
    expect(row.keyHash).not.toContain(editorKey.key);

    // B never sees A's keys
    const listB = await as(app, B.jwt).get('/api/tenancy/api-keys');
    expect(listB.body.data).toEqual([]);
  });

  it('authenticates as its account and sees only that account\'s sites', async () => {
    const res = await as(app, editorKey.key).get('/api/sites');
    expect(res.status).toBe(200);
    const ids = res.body.data.map((s: any) => s.documentId);
    expect(ids).toEqual([siteA]);
    expect((await as(app, editorKey.key).get(`/api/sites/${siteB}`)).status).toBe(404);
  });

  it('a viewer key can read but not create', async () => {
    expect((await as(app, viewerKey.key).get('/api/sites')).status).toBe(200);
    const before = await app.strapi.db.query('api::site.site').count();
    const res = await as(app, viewerKey.key).post('/api/sites', { data: siteData() });
    expect(res.status).toBe(403);
    expect(await app.strapi.db.query('api::site.site').count()).toBe(before);
  });

  it('a revoked key and a garbage key are refused with 401', async () => {
    const rev = await as(app, A.jwt).delete(`/api/tenancy/api-keys/${viewerKey.id}`);
    expect(rev.status).toBe(200);
    expect(rev.body.data.revokedAt).toBeTruthy();
    const res = await as(app, viewerKey.key).get('/api/sites');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ data: null, error: { status: 401 } });
    expect((await as(app, `igk_${rand()}${rand()}_${rand()}${rand()}${rand()}${rand()}`).get('/api/sites')).status).toBe(401);
    expect((await as(app, editorKey.key.slice(0, -2) + 'zz').get('/api/sites')).status).toBe(401);
    // B cannot revoke A's key
    expect((await as(app, B.jwt).delete(`/api/tenancy/api-keys/${editorKey.id}`)).status).toBe(404);
    expect((await as(app, editorKey.key).get('/api/sites')).status).toBe(200);
  });
});
