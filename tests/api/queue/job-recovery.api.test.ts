/**
 * Lost-job recovery: a run whose job Redis no longer has (a Redis restarted without persistence, a
 * flush, a process killed between the commit and the enqueue) gets its job back from the database's
 * word, under the same job id, and is charged once; runs whose jobs are merely waiting are left alone,
 * and so are runs too recent to judge.
 */
import { randomUUID } from 'node:crypto';
import { getRecoveryService } from '../../../src/plugins/queue/server/src';
import { jobIdFor } from '../../../src/plugins/ai/server/src/utils/constants';
import { startFakeLlm, type FakeLlm } from '../../helpers/fake-llm';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, type Tenant } from '../../helpers/tenants';
import { AI_TEST_ENV, chargeOf, grant, KEYS, pointSettingsAt, settled } from '../ai/helpers';

let app: TestApp;
let fake: FakeLlm;
let A: Tenant;
let siteId: string;

const RUN = 'plugin::ai.ai-task-log';
const aiQueue = () => app.strapi.plugin('queue').service('queues').get('ai');
const run = (id: number) => app.strapi.db.query(RUN).findOne({ where: { id } });
const age = (ids: number[], minutes: number) => app.strapi.db.connection.raw(`UPDATE ai_task_logs SET updated_at = now() - make_interval(mins => ?) WHERE id = ANY(?::int[])`, [minutes, ids]);

const startContent = async (title: string) => {
  const task = await as(app, A.jwt).post('/api/tasks', { data: { title, keywords: [title.toLowerCase()], wordCountTarget: 600, site: siteId } });
  expect(task.status).toBe(201);
  const res = await as(app, A.jwt).post('/api/ai/runs', { function: 'generate_content', recordIds: [task.body.data.documentId] });
  expect(res.status).toBe(202);
  return res.body.data.runId as number;
};

beforeAll(async () => {
  fake = await startFakeLlm({ openai: [KEYS.openai], anthropic: [KEYS.anthropic] });
  // No repeatable sweep: the test calls the pass itself.
  app = await bootStrapi({ env: { ...AI_TEST_ENV, QUEUE_RECOVER_EVERY_MS: '0' } });
  await pointSettingsAt(app, fake);
  A = await signUp(app);
  await grant(app, A.accountId, 10_000);
  const site = await as(app, A.jwt).post('/api/sites', { data: { name: 'Recovery', domain: `recovery-${randomUUID().slice(0, 8)}.example.com` } });
  expect(site.status).toBe(201);
  siteId = site.body.data.documentId;
}, 480_000);

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

it('registers the AI runs as a job source', () => {
  expect(getRecoveryService(app.strapi).names()).toContain('ai.runs');
});

it('adds back the job Redis lost, once, and the run is charged once; waiting and recent runs are left alone', async () => {
  // Workers stay idle while the jobs are tampered with.
  await aiQueue().pause();
  const lost = await startContent('Lost job');
  const waiting = await startContent('Waiting job');
  const recent = await startContent('Recent lost job');
  const [lostRun, recentRun] = await Promise.all([run(lost), run(recent)]);
  expect(lostRun.status).toBe('queued');

  // Redis forgets two jobs; one of those runs is too recent for recovery to judge (maybe mid-enqueue).
  await (await aiQueue().getJob(jobIdFor(lostRun))).remove();
  await (await aiQueue().getJob(jobIdFor(recentRun))).remove();
  await age([lost, waiting], 10);

  const [outcome] = (await getRecoveryService(app.strapi).sweep()).filter((o) => o.source === 'ai.runs');
  expect(outcome).toEqual({ source: 'ai.runs', checked: 2, requeued: 1 });
  const readded = await aiQueue().getJob(jobIdFor(lostRun));
  expect(readded?.data).toEqual({ runId: lost, idempotencyKey: lostRun.idempotencyKey, function: 'generate_content' });
  expect(readded?.opts.priority).toBeGreaterThan(0); // the account's fairness key, as at the start
  expect(await aiQueue().getJob(jobIdFor(recentRun))).toBeNull();

  // A second pass finds every old run with its job.
  await age([lost], 10);
  const [again] = (await getRecoveryService(app.strapi).sweep()).filter((o) => o.source === 'ai.runs');
  expect(again).toEqual({ source: 'ai.runs', checked: 2, requeued: 0 });

  await aiQueue().resume();
  for (const id of [lost, waiting]) {
    const done = await settled(app, id);
    expect([done.status, done.error]).toEqual(['succeeded', null]);
    const charge = await chargeOf(app, A.accountId, done.holdId);
    expect(charge).toMatchObject({ status: 'captured', captured: done.credits, usageRows: 1 });
  }
  expect(await app.strapi.db.query('api::content.content').count({ where: { task: { title: 'Lost job' } } })).toBe(1);

  // Once it is old enough, the recent run's job comes back too.
  await age([recent], 10);
  const [late] = (await getRecoveryService(app.strapi).sweep()).filter((o) => o.source === 'ai.runs');
  expect(late).toEqual({ source: 'ai.runs', checked: 1, requeued: 1 });
  expect((await settled(app, recent)).status).toBe('succeeded');

  // Finished runs are no longer waiting for anything.
  const [done] = (await getRecoveryService(app.strapi).sweep()).filter((o) => o.source === 'ai.runs');
  expect(done).toEqual({ source: 'ai.runs', checked: 0, requeued: 0 });
});

it('refuses a second source under the same name', () => {
  expect(() => getRecoveryService(app.strapi).register({ name: 'ai.runs', queue: 'ai', expected: async () => [] })).toThrow(/already registered/);
});
