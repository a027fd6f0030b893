/**
 * GET /staff/navigation: content types grouped after seed 002's sidebar, limited to what the admin user
 * may read in the Content Manager, behind the plugin::staff.navigation.read permission.
 */
import { randomBytes } from 'node:crypto';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken } from '../../helpers/tenants';
import { sampleData } from '../../helpers/records';

const CM_READ = 'plugin::content-manager.explorer.read';

/** A custom admin role with exactly these permissions; returns its code for staffToken(). */
const customRole = async (app: TestApp, permissions: Array<{ action: string; subject?: string }>) => {
  const roles = app.strapi.service('admin::role') as any;
  const code = `test-role-${randomBytes(3).toString('hex')}`;
  const role = await roles.create({ name: code, code, description: 'test' });
  await roles.assignPermissions(role.id, permissions.map((p) => ({ action: p.action, subject: p.subject ?? null, properties: {}, conditions: [] })));
  return code;
};

describe('GET /staff/navigation', () => {
  let app: TestApp;
  let superAdmin: string;
  beforeAll(async () => {
    app = await bootStrapi();
    superAdmin = await staffToken(app);
  }, 120000);
  afterAll(async () => app?.close());

  it('groups content types in seed 002 order with labels, counts and Content Manager links', async () => {
    const res = await as(app, superAdmin).get('/staff/navigation');
    expect(res.status).toBe(200);
    const groups: any[] = res.body.data.groups;
    const ids = groups.map((g) => g.id);
    expect(ids.slice(0, 4)).toEqual(['billing-accounts', 'sites-users', 'content-management', 'planning-strategy']);
    expect(ids).toContain('reference-data');
    expect(ids[ids.length - 1]).toBe('other');
    const label = (id: string) => groups.find((g) => g.id === id)?.label;
    expect([label('billing-accounts'), label('sites-users'), label('planning-strategy'), label('reference-data')]).toEqual([
      'Billing & Accounts', 'Sites & Users', 'Planning & Strategy', 'Reference Data',
    ]);

    // Every api:: type sits in the group its schema declares.
    const byUid = new Map<string, string>(groups.flatMap((g) => g.contentTypes.map((ct: any) => [ct.uid, g.id] as [string, string])));
    for (const ct of Object.values(app.strapi.contentTypes) as any[]) {
      if (!ct.uid.startsWith('api::')) continue;
      expect([ct.uid, byUid.get(ct.uid)]).toEqual([ct.uid, ct.pluginOptions['admin-groups'].group]);
    }
    const keyword = groups.find((g) => g.id === 'planning-strategy').contentTypes.find((ct: any) => ct.uid === 'api::keyword.keyword');
    expect(keyword).toEqual({ uid: 'api::keyword.keyword', displayName: 'Keyword', kind: 'collectionType', count: 0, href: '/admin/content-manager/collection-types/api::keyword.keyword', to: '/content-manager/collection-types/api::keyword.keyword' });
  });

  it('lists a displayed type without an admin group under "Other"', async () => {
    const cm = app.strapi.plugin('content-manager').service('content-types') as any;
    const ungrouped = (cm.findDisplayedContentTypes() as any[]).filter((m) => !m.pluginOptions?.['admin-groups']?.group).map((m) => m.uid);
    expect(ungrouped).toContain('plugin::users-permissions.user');
    const res = await as(app, superAdmin).get('/staff/navigation');
    const other = res.body.data.groups.find((g: any) => g.id === 'other');
    expect(other.label).toBe('Other');
    expect(other.contentTypes.map((ct: any) => ct.uid).sort()).toEqual([...ungrouped].sort());
  });

  it('counts records as the Content Manager list shows them', async () => {
    const count = async (uid: string) => {
      const res = await as(app, superAdmin).get('/staff/navigation');
      return res.body.data.groups.flatMap((g: any) => g.contentTypes).find((ct: any) => ct.uid === uid).count as number;
    };
    const accountsBefore = await count('api::account.account');
    const sitesBefore = await count('api::site.site');
    const tenant = await signUp(app);
    const site = await as(app, tenant.jwt).post('/api/sites', { data: sampleData(app.strapi, 'api::site.site') });
    expect(site.status).toBe(201);
    expect(await count('api::account.account')).toBe(accountsBefore + 1);
    expect(await count('api::site.site')).toBe(sitesBefore + 1);
  });

  it('lists only the types the admin user may read in the Content Manager', async () => {
    const code = await customRole(app, [{ action: 'plugin::staff.navigation.read' }, { action: CM_READ, subject: 'api::keyword.keyword' }, { action: CM_READ, subject: 'api::industry.industry' }]);
    const res = await as(app, await staffToken(app, code)).get('/staff/navigation');
    expect(res.status).toBe(200);
    expect(res.body.data.groups.map((g: any) => [g.id, g.contentTypes.map((ct: any) => ct.uid)])).toEqual([
      ['planning-strategy', ['api::keyword.keyword']],
      ['reference-data', ['api::industry.industry']],
    ]);
  });

  it('refuses a role without the permission (403) and anonymous callers (401)', async () => {
    const code = await customRole(app, [{ action: CM_READ, subject: 'api::keyword.keyword' }]);
    const denied = await as(app, await staffToken(app, code)).get('/staff/navigation');
    expect(denied.status).toBe(403);
    expect(denied.body.data).toBeNull();
    const anon = await app.request().get('/staff/navigation');
    expect(anon.status).toBe(401);
  });

  it('is granted to the three staff roles', async () => {
    for (const code of ['igny8-content-manager', 'igny8-billing-admin', 'igny8-support-agent']) {
      const res = await as(app, await staffToken(app, code)).get('/staff/navigation');
      expect([code, res.status]).toEqual([code, 200]);
      expect(res.body.data.groups.length).toBeGreaterThan(0);
    }
  });
});
