/**
 * Composite uniqueness the domain asks for: a keyword per (site, sector), a cluster name per
 * (site, sector), a sector name per site; always within one account; the trash does not count.
 */
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, type Tenant } from '../../helpers/tenants';
import { sampleData } from '../../helpers/records';

let app: TestApp;
let A: Tenant;
let B: Tenant;
let s1: string;
let s2: string;
let sector: string;

const post = (t: Tenant, type: string, data: Record<string, unknown>) => as(app, t.jwt).post(`/api/${type}`, { data });

beforeAll(async () => {
  app = await bootStrapi();
  A = await signUp(app, { plan: 'growth' });
  B = await signUp(app, { plan: 'growth' });
  s1 = (await post(A, 'sites', sampleData(app.strapi, 'api::site.site'))).body.data.documentId;
  s2 = (await post(A, 'sites', sampleData(app.strapi, 'api::site.site'))).body.data.documentId;
  sector = (await post(A, 'sectors', { name: 'Garden', site: s1 })).body.data.documentId;
}, 120000);

afterAll(async () => app?.close());

it('refuses a second keyword with the same text (any case) on the same site and sector, naming the field', async () => {
  const first = await post(A, 'keywords', { keyword: 'Garden Tools', site: s1, sector });
  expect(first.status).toBe(201);
  const count = await app.strapi.db.query('api::keyword.keyword').count();
  const clash = await post(A, 'keywords', { keyword: '  garden tools ', site: s1, sector });
  expect(clash.status).toBe(400);
  expect(clash.body.error.details.errors[0].path).toEqual(['keyword']);
  expect(clash.body.error.message).toContain('already exists');
  expect(await app.strapi.db.query('api::keyword.keyword').count()).toBe(count);
});

it('allows the same keyword on another site, without a site once, and in another account', async () => {
  expect((await post(A, 'keywords', { keyword: 'Garden Tools', site: s2 })).status).toBe(201);
  expect((await post(A, 'keywords', { keyword: 'Garden Tools' })).status).toBe(201);
  expect((await post(A, 'keywords', { keyword: 'garden tools' })).status).toBe(400);
  expect((await post(B, 'keywords', { keyword: 'Garden Tools' })).status).toBe(201);
});

it('checks updates too: moving a keyword onto a clash is refused and changes nothing', async () => {
  const moving = (await post(A, 'keywords', { keyword: 'garden tools', site: s2, sector: null })).body;
  // s2 already has "Garden Tools" with no sector: the create above clashes
  expect(moving.error?.status).toBe(400);
  const other = (await post(A, 'keywords', { keyword: 'Rakes', site: s2 })).body.data.documentId;
  const res = await as(app, A.jwt).put(`/api/keywords/${other}`, { data: { keyword: 'GARDEN TOOLS' } });
  expect(res.status).toBe(400);
  expect((await as(app, A.jwt).get(`/api/keywords/${other}`)).body.data.keyword).toBe('Rakes');
  // Renaming a record to its own value is not a clash with itself.
  expect((await as(app, A.jwt).put(`/api/keywords/${other}`, { data: { keyword: 'rakes' } })).status).toBe(200);
});

it('ignores soft-deleted records', async () => {
  const doc = (await post(A, 'keywords', { keyword: 'Compost', site: s1, sector })).body.data.documentId;
  expect((await as(app, A.jwt).delete(`/api/keywords/${doc}`)).status).toBe(204);
  expect((await post(A, 'keywords', { keyword: 'Compost', site: s1, sector })).status).toBe(201);
});

it('applies to sector names per site and cluster names per site and sector, over GraphQL too', async () => {
  expect((await post(A, 'sectors', { name: 'garden', site: s1 })).status).toBe(400);
  expect((await post(A, 'sectors', { name: 'Garden', site: s2 })).status).toBe(201);
  expect((await post(A, 'clusters', { name: 'Tools', site: s1, sector })).status).toBe(201);
  const gql = await as(app, A.jwt).graphql(`mutation($s: ID!, $c: ID!) { createCluster(data: { name: "tools", site: $s, sector: $c }) { documentId } }`, { s: s1, c: sector });
  expect(gql.body.errors?.[0]?.message).toContain('name');
});
