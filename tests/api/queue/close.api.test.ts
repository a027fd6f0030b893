/**
 * Shutdown with Redis gone: Bull's queue.close() does not return while a job is active and its Redis is
 * unreachable (it waits for the job's completion, which waits for a connection that never comes back).
 * The queue plugin bounds that wait and then drops the connections, so a worker process can exit. Run in
 * a process of its own (fixtures/close-with-active-job.js), as a worker is.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { startPrivateRedis } from '../../helpers/redis-server';
import { bootStrapi, type TestApp } from '../../helpers/strapi';

let app: TestApp;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;

beforeAll(async () => {
  redis = await startPrivateRedis();
  // Only for its database (a clone of the template); the child process does the work.
  app = await bootStrapi({ env: { REDIS_URL: redis.url } });
}, 180_000);

afterAll(async () => {
  if (!redis.isRunning()) await redis.start();
  await app?.close();
  await redis?.dispose();
}, 60_000);

it('a process with a job active closes, and exits, while Redis is down', async () => {
  const child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'close-with-active-job.js')], {
    env: { ...process.env, DATABASE_URL: app.databaseUrl, REDIS_URL: redis.url, RUN_WORKERS_IN_PROCESS: 'false', QUEUE_PREFIX: `igny8close${process.pid}` },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-5000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const events: any[] = [];
  const lines = readline.createInterface({ input: child.stdout });
  const next = (name: string) =>
    new Promise<any>((resolve, reject) => {
      const found = events.find((e) => e.event === name);
      if (found) return resolve(found);
      lines.on('line', (line) => {
        try {
          const e = JSON.parse(line);
          events.push(e);
          if (e.event === name) resolve(e);
        } catch {
          /* not ours */
        }
      });
      void exited.then((code) => reject(new Error(`child exited (${code}) before "${name}": ${stderr}`)));
    });
  await next('active');
  await redis.stop();
  child.stdin.write('close\n');
  // Without the bound, "closed" never comes (Bull waits for the active job) and the test times out.
  const closed = await next('closed');
  expect(closed.available).toBe(false);
  expect(await exited).toBe(0);
}, 240_000);
