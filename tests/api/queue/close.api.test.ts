/**
 * Shutdown with Redis gone: Bull's queue.close() never returns while its Redis is unreachable; the queue
 * plugin bounds that wait and then drops the connections, so the app (and a worker process) can exit.
 */
import { startPrivateRedis } from '../../helpers/redis-server';
import { bootStrapi, type TestApp } from '../../helpers/strapi';

let app: TestApp | undefined;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;

beforeAll(async () => {
  redis = await startPrivateRedis();
});

afterAll(async () => {
  await redis?.dispose();
});

it('closes the app, queues and workers included, while Redis is down', async () => {
  app = await bootStrapi({ env: { REDIS_URL: redis.url, RUN_WORKERS_IN_PROCESS: 'true' } });
  const queues = app.strapi.plugin('queue').service('queues') as any;
  expect(queues.isAvailable()).toBe(true);
  // Workers running: every defined queue has its Bull instance and blocking connection.
  expect((await queues.counts()).length).toBeGreaterThan(0);
  await redis.stop();
  await new Promise((r) => setTimeout(r, 300));
  expect(queues.isAvailable()).toBe(false);
  // Without the bound this never resolves (the test would time out).
  await app.close();
  app = undefined;
});
