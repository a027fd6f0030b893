/**
 * Plan limits on record creation (including under concurrency), soft delete and restore of sites,
 * and the protection of the system account.
 */
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken, type Tenant } from '../../helpers/tenants';
import { sampleData } from '../../helpers/records';

let app: TestApp;
const SITE_UID = 'api::site.site';
const siteData = () => sampleData(app.strapi, SITE_UID);
const rawSite = (documentId: string) => app.strapi.db.connection('sites').where('document_id', documentId).first();

beforeAll(async () => {
  app = await bootStrapi();
}, 120000);

afterAll(async () => app?.close());

describe('Free plan: maxSites 1', () => {
  let A: Tenant;
  let B: Tenant;
  let first: string;

  beforeAll(async () => {
    A = await signUp(app);
    B = await signUp(app);
  });

  it('allows the first site and refuses the second, naming maxSites', async () => {
    const r1 = await as(app, A.jwt).post('/api/sites', { data: siteData() });
    expect(r1.status).toBe(201);
    first = r1.body.data.documentId;
    const r2 = await as(app, A.jwt).post('/api/sites', { data: siteData() });
    expect(r2.status).toBe(403);
    expect(r2.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError', details: { limit: 'maxSites', allowed: 1 } } });
    expect(r2.body.error.message).toContain('maxSites');
    expect((await as(app, A.jwt).get('/api/sites')).body.data.map((s: any) => s.documentId)).toEqual([first]);
  });

  it('creates exactly one site from two concurrent POSTs on a fresh account', async () => {
    const C = await signUp(app);
    const results = await Promise.all([1, 2].map(() => as(app, C.jwt).post('/api/sites', { data: siteData() })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 403]);
    expect(await app.strapi.db.query(SITE_UID).count({ where: { account: { id: C.accountId } } })).toBe(1);
  });

  it('soft-deletes: 204, hidden from list and GET, row kept with deletedAt', async () => {
    const del = await as(app, A.jwt).delete(`/api/sites/${first}`);
    expect(del.status).toBe(204);
    expect((await as(app, A.jwt).get('/api/sites')).body.data).toEqual([]);
    expect((await as(app, A.jwt).get(`/api/sites/${first}`)).status).toBe(404);
    const row = await rawSite(first);
    expect(row).toBeTruthy();
    expect(row.deleted_at).not.toBeNull();
    const trash = await as(app, A.jwt).get('/api/sites?filters[deletedAt][$notNull]=true');
    expect(trash.status).toBe(200);
    expect(trash.body.data.map((s: any) => s.documentId)).toEqual([first]);
  });

  it('another account can neither see nor restore it', async () => {
    expect((await as(app, B.jwt).get('/api/sites?filters[deletedAt][$notNull]=true')).body.data).toEqual([]);
    const res = await as(app, B.jwt).post(`/api/soft-delete/sites/${first}/restore`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ data: null, error: { status: 404 } });
    expect((await rawSite(first)).deleted_at).not.toBeNull();
  });

  it('restores: 200 and it is back', async () => {
    const res = await as(app, A.jwt).post(`/api/soft-delete/sites/${first}/restore`);
    expect(res.status).toBe(200);
    expect(res.body.data.documentId).toBe(first);
    expect((await rawSite(first)).deleted_at).toBeNull();
    expect((await as(app, A.jwt).get(`/api/sites/${first}`)).status).toBe(200);
  });

  it('refuses a restore when the plan slot is taken again', async () => {
    expect((await as(app, A.jwt).delete(`/api/sites/${first}`)).status).toBe(204);
    const other = await as(app, A.jwt).post('/api/sites', { data: siteData() });
    expect(other.status).toBe(201);
    const res = await as(app, A.jwt).post(`/api/soft-delete/sites/${first}/restore`);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ data: null, error: { status: 403, details: { limit: 'maxSites' } } });
    expect(res.body.error.message).toContain('maxSites');
    expect((await rawSite(first)).deleted_at).not.toBeNull();
  });
});

describe('the system account', () => {
  it('exists', async () => {
    const row = await app.strapi.db.connection('accounts').where({ slug: 'igny8-system' }).first();
    expect(row).toMatchObject({ is_system: true, deleted_at: null });
  });

  it('cannot be deleted by staff through the Content Manager', async () => {
    const row = await app.strapi.db.connection('accounts').where({ slug: 'igny8-system' }).first();
    const token = await staffToken(app);
    const res = await app.request().delete(`/content-manager/collection-types/api::account.account/${row.document_id}`).set('Authorization', `Bearer ${token}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const after = await app.strapi.db.connection('accounts').where({ id: row.id }).first();
    expect(after).toMatchObject({ is_system: true, deleted_at: null });
  });

  it('cannot be deleted by raw SQL: the trigger refuses', async () => {
    await expect(app.strapi.db.connection.raw('DELETE FROM accounts WHERE is_system')).rejects.toThrow(/system account/);
    await expect(app.strapi.db.connection.raw('UPDATE accounts SET deleted_at = now() WHERE is_system')).rejects.toThrow(/system account/);
    expect(await app.strapi.db.connection('accounts').where({ is_system: true, deleted_at: null }).count('* as n').first()).toMatchObject({ n: expect.anything() });
    const rows = await app.strapi.db.connection('accounts').where({ slug: 'igny8-system' });
    expect(rows).toHaveLength(1);
    expect(rows[0].deleted_at).toBeNull();
  });
});

describe('soft-deleted records behind relations', () => {
  it('are hidden from REST populate and from GraphQL nested fields', async () => {
    const T = await signUp(app, { plan: 'scale' });
    const site = (await as(app, T.jwt).post('/api/sites', { data: siteData() })).body.data.documentId;
    const sector = await as(app, T.jwt).post('/api/sectors', { data: { name: 'Garden', site } });
    expect(sector.status).toBe(201);
    const id = sector.body.data.documentId;
    const query = 'query($id: ID!) { sector(documentId: $id) { documentId site { documentId } } }';
    expect((await as(app, T.jwt).graphql(query, { id })).body.data.sector.site.documentId).toBe(site);

    expect((await as(app, T.jwt).delete(`/api/sites/${site}`)).status).toBe(204);
    const gql = await as(app, T.jwt).graphql(query, { id });
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.sector.site).toBeNull();
    const rest = await as(app, T.jwt).get(`/api/sectors/${id}?populate=site`);
    expect(rest.body.data.site).toBeNull();

    // Restored, it is visible again through both.
    expect((await as(app, T.jwt).post(`/api/soft-delete/sites/${site}/restore`)).status).toBe(200);
    expect((await as(app, T.jwt).graphql(query, { id })).body.data.sector.site.documentId).toBe(site);
  });
});
