/**
 * Tenant isolation over REST and GraphQL, for every tenant-owned content type discovered from the
 * schema: a type added later (anything with an `account` relation) is covered without editing this file.
 */
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, type Tenant } from '../../helpers/tenants';
import { discoverTenantTypes, sampleData, type TenantType } from '../../helpers/records';

let app: TestApp;
let A: Tenant;
let B: Tenant;
let types: TenantType[];
/** documentId of one record per tenant per type. */
const records: Record<'A' | 'B', Record<string, string>> = { A: {}, B: {} };

/** Runs `check` for every discovered type, naming the type in any failure. */
const forEachType = async (check: (type: TenantType) => Promise<void>, only: (type: TenantType) => boolean = () => true) => {
  for (const type of types.filter(only)) {
    try {
      await check(type);
    } catch (error) {
      (error as Error).message = `[${type.uid}] ${(error as Error).message}`;
      throw error;
    }
  }
};

const naming = () => app.strapi.plugin('graphql').service('utils').naming;
const ct = (uid: string) => app.strapi.getModel(uid as any) as any;

beforeAll(async () => {
  app = await bootStrapi();
  A = await signUp(app, { plan: 'scale', accountName: 'Account A' });
  B = await signUp(app, { plan: 'scale', accountName: 'Account B' });
  types = discoverTenantTypes(app.strapi);
  for (const [key, tenant] of [['A', A], ['B', B]] as const) {
    for (const type of types) {
      if (type.readOnly) {
        // Read-only for tenants (billing writes subscriptions): a tenant cannot create one; staff code can.
        const refused = await as(app, tenant.jwt).post(`/api/${type.pluralName}`, { data: sampleData(app.strapi, type.uid) });
        if (refused.status !== 403) throw new Error(`create of read-only ${type.uid} by a tenant answered ${refused.status}`);
        const doc = await app.strapi.documents(type.uid as any).create({ data: { ...sampleData(app.strapi, type.uid), account: tenant.accountDocumentId } as any });
        records[key][type.uid] = doc.documentId;
        continue;
      }
      const res = await as(app, tenant.jwt).post(`/api/${type.pluralName}`, { data: sampleData(app.strapi, type.uid) });
      if (res.status !== 201 && res.status !== 200) throw new Error(`create ${type.uid}: ${res.status} ${JSON.stringify(res.body)}`);
      records[key][type.uid] = res.body.data.documentId;
    }
    // Link every record to the same account's record of each related type, as real data would be.
    for (const type of types) {
      const data = Object.fromEntries(type.relations.map((r) => [r.field, r.toMany ? { set: [records[key][r.target]] } : records[key][r.target]]));
      if (!Object.keys(data).length) continue;
      const res = await as(app, tenant.jwt).put(`/api/${type.pluralName}/${records[key][type.uid]}`, { data });
      if (res.status !== 200) throw new Error(`link ${type.uid}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
}, 120000);

afterAll(async () => app?.close());

it('discovers the tenant-owned types of the domain model', () => {
  const uids = types.map((t) => t.uid);
  for (const expected of ['api::site.site', 'api::keyword.keyword', 'api::content.content', 'api::image.image', 'api::subscription.subscription']) {
    expect(uids).toContain(expected);
  }
});

describe('every tenant-owned type, over REST and GraphQL', () => {
  it('lists, gets, filters and counts only the caller\'s records', () => forEachType(async (type) => {
    const list = await as(app, A.jwt).get(`/api/${type.pluralName}?pagination[pageSize]=100&sort=createdAt:desc`);
    expect(list.status).toBe(200);
    const ids = list.body.data.map((r: any) => r.documentId);
    expect(ids).toContain(records.A[type.uid]);
    expect(ids).not.toContain(records.B[type.uid]);
    expect(list.body.meta.pagination.total).toBe(ids.length);

    expect((await as(app, A.jwt).get(`/api/${type.pluralName}/${records.B[type.uid]}`)).status).toBe(404);
    const filtered = await as(app, A.jwt).get(`/api/${type.pluralName}?filters[documentId][$eq]=${records.B[type.uid]}`);
    expect(filtered.status).toBe(200);
    expect(filtered.body.data).toEqual([]);
    const orFilter = await as(app, A.jwt).get(`/api/${type.pluralName}?filters[$or][0][documentId][$eq]=${records.B[type.uid]}&filters[$or][1][id][$gt]=0`);
    expect(orFilter.body.data.map((r: any) => r.documentId)).not.toContain(records.B[type.uid]);

    const { getFindQueryName, getFindOneQueryName } = naming();
    const gqlList = await as(app, A.jwt).graphql(`{ items: ${getFindQueryName(ct(type.uid))}(pagination: { pageSize: 100 }) { documentId } }`);
    expect(gqlList.body.errors).toBeUndefined();
    const gqlIds = gqlList.body.data.items.map((r: any) => r.documentId);
    expect(gqlIds).toContain(records.A[type.uid]);
    expect(gqlIds).not.toContain(records.B[type.uid]);
    const gqlOne = await as(app, A.jwt).graphql(`query($id: ID!) { item: ${getFindOneQueryName(ct(type.uid))}(documentId: $id) { documentId } }`, { id: records.B[type.uid] });
    expect(gqlOne.body.data?.item ?? null).toBeNull();
  }));

  it('refuses to update or delete another account\'s record, and changes nothing', () => forEachType(async (type) => {
    const before = await app.strapi.db.query(type.uid as any).findOne({ where: { documentId: records.B[type.uid] } });
    const update = await as(app, A.jwt).put(`/api/${type.pluralName}/${records.B[type.uid]}`, { data: { [type.textField]: 'taken over' } });
    // Read-only types are refused by permission (403) before ownership is looked at.
    expect(update.status).toBe(type.readOnly ? 403 : 404);
    const del = await as(app, A.jwt).delete(`/api/${type.pluralName}/${records.B[type.uid]}`);
    expect(del.status).toBe(type.readOnly ? 403 : 404);
    const { getUpdateMutationTypeName, getDeleteMutationTypeName } = naming();
    const gqlUpdate = await as(app, A.jwt).graphql(
      `mutation($id: ID!) { x: ${getUpdateMutationTypeName(ct(type.uid))}(documentId: $id, data: { ${type.textField}: "taken over" }) { documentId } }`,
      { id: records.B[type.uid] }
    );
    expect(gqlUpdate.body.errors?.length).toBeGreaterThan(0);
    const gqlDelete = await as(app, A.jwt).graphql(`mutation($id: ID!) { x: ${getDeleteMutationTypeName(ct(type.uid))}(documentId: $id) { documentId } }`, { id: records.B[type.uid] });
    expect(gqlDelete.body.errors?.length).toBeGreaterThan(0);

    const after = await app.strapi.db.query(type.uid as any).findOne({ where: { documentId: records.B[type.uid] } });
    expect(after).toEqual(before);
    // Only one row per document: a refused update must not have created a copy.
    expect(await app.strapi.db.query(type.uid as any).count({ where: { documentId: records.B[type.uid] } })).toBe(1);
  }));

  it('refuses links to another account\'s records, and populate never shows one', () =>
    forEachType(async (type) => {
      for (const relation of type.relations) {
        const foreign = records.B[relation.target];
        const value = relation.toMany ? { connect: [foreign] } : foreign;
        const res = await as(app, A.jwt).put(`/api/${type.pluralName}/${records.A[type.uid]}`, { data: { [relation.field]: value } });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain(relation.field);

        // A cross-account link that got in anyway (a staff slip, a bad import): reads must not follow it.
        const meta = app.strapi.db.metadata.get(type.uid) as any;
        const joinTable = meta.attributes[relation.field].joinTable;
        if (!joinTable) continue; // inverse side: covered from the owning type
        const ownId = (await app.strapi.db.query(type.uid as any).findOne({ where: { documentId: records.A[type.uid] } })).id;
        const foreignId = (await app.strapi.db.query(relation.target as any).findOne({ where: { documentId: foreign } })).id;
        await app.strapi.db.connection(joinTable.name).where(joinTable.joinColumn.name, ownId).del();
        await app.strapi.db.connection(joinTable.name).insert({ [joinTable.joinColumn.name]: ownId, [joinTable.inverseJoinColumn.name]: foreignId });

        const rest = await as(app, A.jwt).get(`/api/${type.pluralName}/${records.A[type.uid]}?populate=${relation.field}`);
        expect(rest.status).toBe(200);
        const populated = rest.body.data[relation.field];
        if (relation.toMany) expect(populated.map((r: any) => r.documentId)).not.toContain(foreign);
        else expect(populated?.documentId ?? null).not.toBe(foreign);
        expect(JSON.stringify(rest.body)).not.toContain(foreign);
        const listed = await as(app, A.jwt).get(`/api/${type.pluralName}?populate[${relation.field}][fields][0]=documentId`);
        expect(JSON.stringify(listed.body)).not.toContain(foreign);

        const { getFindOneQueryName } = naming();
        const gql = await as(app, A.jwt).graphql(
          `query($id: ID!) { item: ${getFindOneQueryName(ct(type.uid))}(documentId: $id) { documentId ${relation.field} { documentId } } }`,
          { id: records.A[type.uid] }
        );
        expect(gql.body.errors).toBeUndefined();
        expect(JSON.stringify(gql.body.data)).not.toContain(foreign);
      }
    }, (type) => type.relations.length > 0));

  it('the account field cannot be mass-assigned', () => forEachType(async (type) => {
    const before = await app.strapi.db.query(type.uid as any).count({});
    const create = await as(app, A.jwt).post(`/api/${type.pluralName}`, { data: { ...sampleData(app.strapi, type.uid), account: B.accountDocumentId } });
    // Read-only types refuse every tenant write by permission (403) before looking at the fields.
    expect(create.status).toBe(type.readOnly ? 403 : 400);
    if (!type.readOnly) expect(JSON.stringify(create.body.error)).toContain('account');
    const update = await as(app, A.jwt).put(`/api/${type.pluralName}/${records.A[type.uid]}`, { data: { account: B.accountDocumentId } });
    expect(update.status).toBe(type.readOnly ? 403 : 400);
    expect(await app.strapi.db.query(type.uid as any).count({})).toBe(before);
    const owner = await app.strapi.plugin('tenancy').service('ownership').accountOf(type.uid, records.A[type.uid]);
    expect(owner).toBe(A.accountId);
  }));
});

describe('accounts', () => {
  it('a tenant sees only its own account, read-only', async () => {
    const list = await as(app, A.jwt).get('/api/accounts');
    expect(list.status).toBe(200);
    expect(list.body.data.map((a: any) => a.documentId)).toEqual([A.accountDocumentId]);
    expect((await as(app, A.jwt).get(`/api/accounts/${B.accountDocumentId}`)).status).toBe(404);
    expect((await as(app, A.jwt).put(`/api/accounts/${A.accountDocumentId}`, { data: { planCredits: 1e9 } })).status).toBe(403);
  });

  it('balances and plan cannot be changed through the account endpoint', async () => {
    const before = await app.strapi.db.query('api::account.account').findOne({ where: { id: A.accountId } });
    const res = await as(app, A.jwt).put('/api/tenancy/account', { planCredits: 1e9, bonusCredits: 5, name: 'Renamed' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/planCredits|bonusCredits/);
    const account = await app.strapi.db.query('api::account.account').findOne({ where: { id: A.accountId } });
    expect([account.planCredits, account.bonusCredits]).toEqual([before.planCredits, before.bonusCredits]);
    expect(account.name).toBe('Account A');
  });
});

describe('users-permissions user routes', () => {
  it('refuses the user list and other users to tenants', async () => {
    expect((await as(app, A.jwt).get('/api/users')).status).toBe(403);
    expect((await as(app, A.jwt).get(`/api/users/${B.userId}`)).status).toBe(403);
    expect((await as(app, A.jwt).put(`/api/users/${B.userId}`, { username: 'x' })).status).toBe(403);
    const gql = await as(app, A.jwt).graphql('{ usersPermissionsUsers { documentId email } }');
    expect(JSON.stringify(gql.body)).not.toContain(B.email);
  });
});

describe('private-field probes (Strapi advisories)', () => {
  const probes = [
    ['filter on a private field through a relation', '/api/sites?filters[account][owner][password][$notNull]=true'],
    ['filter on a reset token', '/api/sites?filters[account][owner][resetPasswordToken][$notNull]=true'],
    ['table-prefixed filter key', '/api/sites?filters[t1.password][$notNull]=true'],
    ['$lookup operator', '/api/sites?filters[$lookup][account][owner][password]=x'],
    ['sort on a private field', '/api/sites?sort=account.owner.password'],
    ['populate a private relation field', '/api/sites?populate[account][populate][owner][fields][0]=password'],
  ];
  it.each(probes)('refuses %s', async (_name, url) => {
    const res = await as(app, A.jwt).get(url);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/\$2[aby]\$/); // no bcrypt hash anywhere
  });
});

describe('anonymous callers', () => {
  it('see no tenant-owned record', async () => {
    const res = await app.request().get('/api/keywords');
    expect([401, 403]).toContain(res.status);
    const gql = await app.request().post('/graphql').send({ query: '{ keywords { documentId } }' });
    expect(gql.body.data?.keywords ?? null).toBeNull();
  });
});
