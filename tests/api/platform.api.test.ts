/**
 * Platform: staff roles, health, the queue status admin route, and degraded mode without Redis.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { as, signUp, staffToken } from '../helpers/tenants';
import { sampleData } from '../helpers/records';

describe('with Redis', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi();
  }, 120000);
  afterAll(async () => app?.close());

  it('creates the staff roles by code; Support Agent reads but does not create', async () => {
    const roleService = app.strapi.service('admin::role') as any;
    for (const code of ['igny8-content-manager', 'igny8-billing-admin', 'igny8-support-agent']) {
      expect(await roleService.findOne({ code })).toBeTruthy();
    }
    const support = await roleService.findOne({ code: 'igny8-support-agent' });
    const perms = await app.strapi.db.query('admin::permission').findMany({ where: { role: { id: support.id } } });
    const actions = perms.map((p: any) => p.action);
    expect(actions).toContain('plugin::content-manager.explorer.read');
    expect(actions).not.toContain('plugin::content-manager.explorer.create');
    expect(actions).not.toContain('plugin::content-manager.explorer.delete');
    expect(actions).not.toContain('plugin::queue.status.read');
  });

  it('GET /api/health is ok', async () => {
    const res = await app.request().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', components: { database: 'up', redis: 'up' } });
  });

  it('GET /queue/status: Super Admin 200, Support Agent 403, anonymous 401', async () => {
    const admin = await staffToken(app);
    const ok = await as(app, admin).get('/queue/status');
    expect(ok.status).toBe(200);
    expect(ok.body.redis.status).toBe('up');
    expect(Array.isArray(ok.body.queues)).toBe(true);
    const support = await staffToken(app, 'igny8-support-agent');
    const denied = await as(app, support).get('/queue/status');
    expect(denied.status).toBe(403);
    expect(denied.body.redis).toBeUndefined();
    const anon = await app.request().get('/queue/status');
    expect(anon.status).toBe(401);
    expect(anon.body.redis).toBeUndefined();
  });
});

describe('without Redis (REDIS_URL points at nothing)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await bootStrapi({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  }, 120000);
  afterAll(async () => app?.close());

  it('boots degraded', async () => {
    const res = await app.request().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'degraded', components: { database: 'up', redis: 'down' } });
  });

  it('still signs tenants up and serves REST', async () => {
    const t = await signUp(app);
    const created = await as(app, t.jwt).post('/api/sites', { data: sampleData(app.strapi, 'api::site.site') });
    expect(created.status).toBe(201);
    const list = await as(app, t.jwt).get('/api/sites');
    expect(list.status).toBe(200);
    expect(list.body.data.map((s: any) => s.documentId)).toEqual([created.body.data.documentId]);
  });

  it('queue add() answers 503 naming Redis, without hanging', async () => {
    const queues = app.strapi.plugin('queue').service('queues') as any;
    queues.define({ name: 'test-ping', description: 'x' });
    const started = Date.now();
    const error = await queues.add('test-ping', 'ping', {}).then(() => null, (e: any) => e);
    expect(error).toBeTruthy();
    expect(error.status).toBe(503);
    expect(error.message).toContain('Redis');
    expect(error.message).not.toContain('undefined');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
