/**
 * Admin requests reuse the user's built permission ability (Strapi builds it on every request), and
 * never a stale one: a permission removed or added (through Strapi's role service or straight in SQL),
 * a role membership changed, or a user deactivated applies to the very next request.
 */
import { randomUUID } from 'node:crypto';
import { getService } from '../../../src/plugins/staff/server/src';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as } from '../../helpers/tenants';

let app: TestApp;
const QUEUE_READ = 'plugin::queue.status.read';
const roles = () => app.strapi.service('admin::role') as any;
const users = () => app.strapi.service('admin::user') as any;

beforeAll(async () => {
  app = await bootStrapi();
}, 480_000);

afterAll(async () => {
  await app?.close();
});

/** A staff user holding only the given role, signed in. */
const staffWith = async (roleId: number) => {
  const email = `cache_${randomUUID().slice(0, 8)}@igny8.test`;
  const password = 'Cache-pass-1234';
  const user = await users().create({ email, firstname: 'Cache', lastname: 'Test', password, isActive: true, roles: [roleId], registrationToken: null });
  const login = await app.request().post('/admin/login').send({ email, password });
  expect(login.status).toBe(200);
  return { user, client: as(app, login.body.data.token) };
};

it('reuses the ability between requests and drops it when a permission changes, in Strapi or in SQL', async () => {
  const role = await roles().create({ name: `Queue readers ${randomUUID().slice(0, 6)}`, description: 'test' });
  await roles().assignPermissions(role.id, [{ action: QUEUE_READ }]);
  const { client } = await staffWith(role.id);
  const cache = getService(app.strapi, 'ability-cache');

  expect((await client.get('/queue/status')).status).toBe(200);
  const before = cache.stats();
  expect((await client.get('/queue/status')).status).toBe(200);
  expect(cache.stats().hits).toBeGreaterThan(before.hits);

  // Strapi's own role editor path: the permission goes, the next request is refused.
  await roles().assignPermissions(role.id, []);
  expect((await client.get('/queue/status')).status).toBe(403);
  await roles().assignPermissions(role.id, [{ action: QUEUE_READ }]);
  expect((await client.get('/queue/status')).status).toBe(200);

  // A write that bypasses Strapi (a migration, a DBA) is seen too.
  await app.strapi.db.query('admin::permission').deleteMany({ where: { action: QUEUE_READ, role: { id: role.id } } });
  expect((await client.get('/queue/status')).status).toBe(403);
});

it('follows a change of the user: another role at once, deactivation at once', async () => {
  const readers = await roles().create({ name: `Readers ${randomUUID().slice(0, 6)}`, description: 'test' });
  await roles().assignPermissions(readers.id, [{ action: QUEUE_READ }]);
  const nobody = await roles().create({ name: `Nobody ${randomUUID().slice(0, 6)}`, description: 'test' });
  const { user, client } = await staffWith(readers.id);
  expect((await client.get('/queue/status')).status).toBe(200);

  await users().updateById(user.id, { roles: [nobody.id] });
  expect((await client.get('/queue/status')).status).toBe(403);
  await users().updateById(user.id, { roles: [readers.id] });
  expect((await client.get('/queue/status')).status).toBe(200);

  await users().updateById(user.id, { isActive: false });
  expect((await client.get('/queue/status')).status).toBe(401);
});
