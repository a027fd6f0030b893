/**
 * Shutdown with Redis gone: Bull's queue.close() does not return while a job is active and its Redis
 * unreachable (the job's completion waits for a connection that never comes back). The queue plugin
 * bounds that wait and then drops the connections, so the app (and a worker process) can exit.
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

it('closes the app, with a job active and its workers running, while Redis is down', async () => {
  const t0 = Date.now();
  const step = (what: string) => process.stderr.write(`[close test] ${what} at ${Date.now() - t0} ms\n`);
  app = await bootStrapi({ env: { REDIS_URL: redis.url, RUN_WORKERS_IN_PROCESS: 'false' } });
  step('booted');
  const queues = app.strapi.plugin('queue').service('queues') as any;
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  queues.define({
    name: 'close-test',
    description: 'test',
    processors: { slow: { handler: async () => { started(); await new Promise((r) => setTimeout(r, 3000)); } } },
  });
  queues.startWorkers();
  expect(queues.isAvailable()).toBe(true);
  await queues.add('close-test', 'slow', {});
  await running;
  step('job active');
  await redis.stop();
  // The monitor connection notices the loss (a busy machine may take a moment).
  for (let i = 0; i < 200 && queues.isAvailable(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(queues.isAvailable()).toBe(false);
  // Without the bound this never resolves (Bull waits for the active job's completion) and the test times out.
  step('closing');
  await app.close();
  step('closed');
  app = undefined;
}, 180_000);
