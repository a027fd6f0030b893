/**
 * Monitoring health: a private redis-server is stopped and started again under a running app; the
 * health status turns red only after the degrade hold time, and back to green after the recover hold.
 */
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { startPrivateRedis } from '../../helpers/redis-server';
import { as, staffToken } from '../../helpers/tenants';

// Long enough that a slow, busy machine does not pass it between two steps that expect it not passed.
const HOLD_MS = 4000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let app: TestApp;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;

beforeAll(async () => {
  redis = await startPrivateRedis();
  app = await bootStrapi({
    env: {
      REDIS_URL: redis.url,
      MONITORING_HEALTH_DEGRADE_AFTER_MS: String(HOLD_MS),
      MONITORING_HEALTH_RECOVER_AFTER_MS: String(HOLD_MS),
      MONITORING_HEALTH_EVERY_MS: '0',
    },
  });
});

afterAll(async () => {
  // Closing Bull queues while their Redis is down can hang: bring it back first if a test stopped it.
  if (redis && !redis.isRunning()) await redis.start();
  await app?.close();
  await redis?.stop();
});

const health = () => app.strapi.plugin('monitoring').service('health');
const component = (report: any, id: string) => report.components.find((c: any) => c.id === id);

describe('public health endpoint', () => {
  it('answers without auth with statuses only: no versions, hosts or URLs', async () => {
    const res = await app.request().get('/api/monitoring/health');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['checkedAt', 'components', 'status']);
    expect(res.body.components).toMatchObject({ database: 'green', redis: 'green', queues: 'green', workers: 'green' });
    for (const value of Object.values(res.body.components)) expect(['green', 'yellow', 'red']).toContain(value);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/redis:\/\/|postgres|127\.0\.0\.1|version/i);
  });
});

describe('full health (admin)', () => {
  it('refuses anonymous callers and staff without the permission', async () => {
    expect((await app.request().get('/monitoring/health')).status).toBe(401);
    const editor = await staffToken(app, 'strapi-editor');
    expect((await as(app, editor).get('/monitoring/health')).status).toBe(403);
  });

  it('reports PostgreSQL version, latency and connections, Redis, queues, workers and disk', async () => {
    const token = await staffToken(app);
    const res = await as(app, token).get('/monitoring/health');
    expect(res.status).toBe(200);
    const report = res.body.data;
    expect(report.components.map((c: any) => c.id)).toEqual(expect.arrayContaining(['database', 'redis', 'queues', 'workers', 'disk']));
    const db = component(report, 'database');
    expect(db.status).toBe('green');
    expect(db.detail.version).toMatch(/^\d+/);
    expect(db.detail.latencyMs).toBeGreaterThanOrEqual(0);
    expect(db.detail.connections.used).toBeGreaterThan(0);
    expect(db.detail.connections.max).toBeGreaterThan(db.detail.connections.used);
    const r = component(report, 'redis');
    expect(r.detail).toMatchObject({ status: 'up', url: redis.url });
    expect(r.detail.version).toMatch(/^\d+\./);
    expect(component(report, 'queues').detail.queues.map((q: any) => q.name)).toEqual(expect.arrayContaining(['monitoring', 'billing']));
    const disk = component(report, 'disk');
    expect(disk.detail.freeBytes).toBeGreaterThan(0);
    expect(disk.detail.uploadsDir).toBe('public/uploads');
  });
});

describe('Redis stopped and started again', () => {
  it('turns red after the hold time, then green again after Redis is back and the recover hold passed', async () => {
    const first = await health().sample();
    expect(component(first, 'redis').status).toBe('green');

    await redis.stop();
    // Observed at once, reported only after the degrade hold.
    const stoppedAt = Date.now();
    const blip = await health().sample();
    expect(component(blip, 'redis').observed).toBe('red');
    expect(component(blip, 'redis').status).toBe('green');
    expect(component(blip, 'redis').pending.status).toBe('red');
    const during = await app.request().get('/api/monitoring/health');
    if (Date.now() - stoppedAt < HOLD_MS) expect(during.status).toBe(200);

    await sleep(HOLD_MS + 100);
    const down = await health().sample();
    expect(component(down, 'redis').status).toBe('red');
    expect(component(down, 'queues').status).toBe('red');
    expect(down.status).toBe('red');
    await sleep(1100); // the public view reuses a report for up to 1 s
    const publicDown = await app.request().get('/api/monitoring/health');
    expect(publicDown.status).toBe(503);
    expect(publicDown.body).toMatchObject({ status: 'red', components: { redis: 'red', database: 'green' } });

    await redis.start();
    // ioredis reconnects with a backoff capped at 5 s.
    const queue = app.strapi.plugin('queue').service('queues');
    for (let i = 0; i < 80 && !queue.isAvailable(); i++) await sleep(100);
    expect(queue.isAvailable()).toBe(true);
    const recovering = await health().sample();
    expect(component(recovering, 'redis').observed).toBe('green');
    expect(component(recovering, 'redis').status).toBe('red');

    await sleep(HOLD_MS + 100);
    const up = await health().sample();
    expect(component(up, 'redis').status).toBe('green');
    expect(up.status).toBe('green');
    await sleep(1100);
    const publicUp = await app.request().get('/api/monitoring/health');
    expect(publicUp.status).toBe(200);
    expect(publicUp.body.status).toBe('green');
  }, 60000);
});
