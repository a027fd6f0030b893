/**
 * Per-account fairness on real Redis and Bull: one account's 10,000-job batch does not starve another
 * account's job. A test queue is defined on the live queue service and run by its own startWorkers(),
 * so the processors go through the same wrapper (the fair clock) production jobs do.
 */
import type Bull from 'bull';
import { bootStrapi, type TestApp } from '../../helpers/strapi';

let app: TestApp;
const BIG = 10_000;
const started: Array<{ queue: string; key: string; i: number }> = [];
let gate: Promise<void>;
let openGate: () => void;

const queues = () => app.strapi.plugin('queue').service('queues') as any;
const waitFor = async <T>(what: string, fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 60_000): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const handler = (queue: string) => async (job: Bull.Job) => {
  await gate;
  started.push({ queue, key: job.data.key, i: job.data.i });
};

beforeAll(async () => {
  gate = new Promise((resolve) => (openGate = resolve));
  app = await bootStrapi({ env: { RUN_WORKERS_IN_PROCESS: 'false' } });
  for (const name of ['fairness-test', 'unfair-test']) {
    queues().define({ name, description: 'test', processors: { work: { concurrency: 4, handler: handler(name) } } });
  }
  await waitFor('Redis', () => queues().isAvailable());
}, 120_000);

afterAll(async () => {
  openGate?.();
  for (const name of ['fairness-test', 'unfair-test']) await queues().get(name).obliterate({ force: true }).catch(() => undefined);
  await app?.close();
});

const batch = (key: string) => Array.from({ length: BIG }, (_, i) => ({ name: 'work', data: { key, i } }));

it('runs a small account\'s job before a 10,000-job batch of another account finishes; without a key it waits behind it', async () => {
  // Both queues get the same story: the big account's batch first, then one job from a small account.
  await queues().addBulk('fairness-test', batch('big'), { fairnessKey: 'account-1' });
  await queues().add('fairness-test', 'work', { key: 'small', i: 0 }, { fairnessKey: 'account-2' });
  await queues().addBulk('unfair-test', batch('big'));
  await queues().add('unfair-test', 'work', { key: 'small', i: 0 });

  queues().startWorkers();
  // Let the first jobs start, then add a second small job while the batch runs.
  openGate();
  await waitFor('the batch to start', () => started.filter((s) => s.queue === 'fairness-test').length >= 50);
  const mark = started.filter((s) => s.queue === 'fairness-test').length;
  await queues().add('fairness-test', 'work', { key: 'small', i: 1 }, { fairnessKey: 'account-2' });
  await waitFor('both small jobs', () => started.filter((s) => s.queue === 'fairness-test' && s.key === 'small').length === 2);

  const fair = started.filter((s) => s.queue === 'fairness-test');
  const first = fair.findIndex((s) => s.key === 'small' && s.i === 0);
  const second = fair.findIndex((s) => s.key === 'small' && s.i === 1);
  // Queued behind 10,000 jobs, the small account's first job starts within the first few (concurrency 4).
  expect(first).toBeLessThan(8);
  // Its second job, added after 50 big jobs had started, starts within a few more, not after the batch.
  expect(second).toBeGreaterThan(first);
  expect(second - mark).toBeLessThan(50);
  expect(fair.filter((s) => s.key === 'big').length).toBeLessThan(BIG / 2);
  // The big account's own jobs still start in the order it queued them.
  const bigOrder = fair.filter((s) => s.key === 'big').map((s) => s.i);
  expect(bigOrder.slice(0, 40)).toEqual([...bigOrder.slice(0, 40)].sort((a, b) => a - b));

  // The control: the same jobs without a fairness key, where the small job is still waiting behind the batch.
  const unfair = started.filter((s) => s.queue === 'unfair-test');
  expect(unfair.some((s) => s.key === 'small')).toBe(false);
  const counts = await queues().get('unfair-test').getJobCounts();
  expect(counts.waiting).toBeGreaterThan(BIG / 2);
});

it('refuses a fairness key that is not a plain token, before anything is queued', async () => {
  const before = await queues().get('fairness-test').count();
  await expect(queues().add('fairness-test', 'work', { key: 'x', i: 0 }, { fairnessKey: 'no spaces*' })).rejects.toThrow(/fairnessKey/);
  expect(await queues().get('fairness-test').count()).toBeLessThanOrEqual(before);
});
