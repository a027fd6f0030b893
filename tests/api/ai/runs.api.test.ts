/**
 * AI runs end to end: tenant API -> reserve + run row -> Redis -> in-process worker -> the official SDKs
 * -> local fake OpenAI/Anthropic servers -> saved records + ledger rows. Covers charging exactly once,
 * releasing the hold on failure and cancel, retries by error kind (429 with Retry-After, 500, 529,
 * timeout), re-asks for malformed JSON, refusals and bad keys, idempotency (also for concurrent starts),
 * 402, and isolation.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { startFakeLlm, type FakeLlm } from '../../helpers/fake-llm';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, setPlan, signUp, staffToken, type Tenant } from '../../helpers/tenants';
import { AI_TEST_ENV, chargeOf, grant, KEYS, ledger, pointSettingsAt, settled, waitFor } from './helpers';

let app: TestApp;
let fake: FakeLlm;
let A: Tenant;
let B: Tenant;
let siteId: string;

const createTask = async (tenant: Tenant, title: string, extra: Record<string, unknown> = {}) => {
  const res = await as(app, tenant.jwt).post('/api/tasks', { data: { title, keywords: [title.toLowerCase(), 'second keyword'], wordCountTarget: 1000, ...extra } });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const start = (tenant: Tenant, body: Record<string, unknown>, key?: string) => {
  const req = as(app, tenant.jwt).post('/api/ai/runs', body);
  return key ? req.set('Idempotency-Key', key) : req;
};
const startContent = async (tenant: Tenant, taskId: string, extra: Record<string, unknown> = {}) => {
  const res = await start(tenant, { function: 'generate_content', recordIds: [taskId], ...extra });
  expect(res.status).toBe(202);
  return res.body.data as { runId: number; status: string; estimate: { credits: number } };
};
const jobId = async (runId: number) => `ai-run-${(await app.strapi.db.query('plugin::ai.ai-task-log').findOne({ where: { id: runId } })).documentId}-0`;
const contentsOfTask = (taskDocumentId: string) => app.strapi.db.query('api::content.content').findMany({ where: { task: { documentId: taskDocumentId } } });

beforeAll(async () => {
  fake = await startFakeLlm({ openai: [KEYS.openai], anthropic: [KEYS.anthropic] });
  app = await bootStrapi({ env: AI_TEST_ENV });
  await pointSettingsAt(app, fake);
  A = await signUp(app);
  B = await signUp(app);
  await grant(app, A.accountId, 5000);
  const site = await as(app, A.jwt).post('/api/sites', { data: { name: 'Blog', domain: `blog-${randomUUID().slice(0, 8)}.example.com` } });
  expect(site.status).toBe(201);
  siteId = site.body.data.documentId;
}, 120000);

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

beforeEach(() => fake.reset());

describe('generate_content, end to end', () => {
  it('reserves the estimate, writes the content with provenance, and captures the real cost once', async () => {
    const before = await ledger(app).balance(A.accountId);
    const taskId = await createTask(A, 'Kitchen knife care', { site: siteId });
    const started = await startContent(A, taskId);
    // 1,000 target words at 3 credits per 100 words.
    expect(started.estimate.credits).toBe(30);
    expect(started.status).toBe('queued');

    const run = await settled(app, started.runId);
    expect(run).toMatchObject({ status: 'succeeded', provider: 'openai', model: 'gpt-4o-mini', keySource: 'platform', attempts: 1 });
    const [content] = await contentsOfTask(taskId);
    expect(content).toMatchObject({ title: 'Kitchen knife care', slug: 'kitchen-knife-care', metaTitle: 'Kitchen knife care', excerpt: expect.stringContaining('Kitchen knife care') });
    // The fake writes 30 ten-word sentences and two one-word headings: counted from the HTML, not taken from the model.
    expect(content.wordCount).toBe(302);
    expect(content.taxonomySuggestions).toEqual({ categories: ['Guides'], tags: ['tips', 'how-to'] });
    expect(content.provenance).toMatchObject({ runId: run.id, provider: 'openai', model: 'gpt-4o-mini', promptType: 'content_generation', promptSource: 'global', promptVersion: 1, credits: 10 });
    expect(content.provenance.inputTokens).toBeGreaterThan(0);
    const task = await app.strapi.db.query('api::task.task').findOne({ where: { documentId: taskId } });
    expect(task.status).toBe('completed');

    // 302 words -> ceil(9.06) = 10 credits, min 10.
    expect(run.credits).toBe(10);
    const charge = await chargeOf(app, A.accountId, run.holdId);
    expect(charge).toMatchObject({ status: 'captured', captured: 10, usageRows: 1 });
    expect(charge.balance.available).toBe(before.available - 10);
    expect(charge.balance.held).toBe(before.held);

    // The fake saw the official SDK's request: JSON schema output, our key, the rendered prompt.
    expect(fake.seen).toHaveLength(1);
    expect(fake.seen[0]).toMatchObject({ api: 'openai-chat', op: 'generate_content', key: KEYS.openai });
    expect(fake.seen[0].body.response_format.type).toBe('json_schema');
    expect(fake.seen[0].prompt).toContain('Title: Kitchen knife care');

    const detail = await as(app, A.jwt).get(`/api/ai/runs/${run.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.data).toMatchObject({ id: run.id, status: 'succeeded', credits: 10, progress: { done: 1, total: 1 }, produced: [{ type: 'content', documentId: content.documentId }] });
    expect(detail.body.data.phases.map((p: any) => p.name)).toEqual(['load', 'settings', 'prompt', 'rate_limit', 'call', 'save']);
    expect(JSON.stringify(detail.body)).not.toContain(KEYS.openai);
    expect(detail.body.data.requestBody.messages[0].content).toContain('Kitchen knife care');
  });

  it('a redelivered job for a finished run is a no-op: no second content, no second charge', async () => {
    const taskId = await createTask(A, 'Redelivery');
    const { runId } = await startContent(A, taskId);
    const run = await settled(app, runId);
    const outcome = await app.strapi.plugin('ai').service('engine').process({ runId, idempotencyKey: run.idempotencyKey }, { attemptsMade: 1, attempts: 3 });
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'run is succeeded' });
    expect(await contentsOfTask(taskId)).toHaveLength(1);
    expect((await chargeOf(app, A.accountId, run.holdId)).usageRows).toBe(1);
  });

  it('loads the task in the claim when the job names its function, the old way without it; a task deleted meanwhile fails the run', async () => {
    const queue = app.strapi.plugin('queue').service('queues').get('ai');
    await queue.pause(true); // this process's worker takes no job: the deliveries below are ours to make
    try {
      const engine = app.strapi.plugin('ai').service('engine');
      const runOf = (id: number) => app.strapi.db.query('plugin::ai.ai-task-log').findOne({ where: { id } });
      const once = { attemptsMade: 0, attempts: 3 };

      // A job without the function (enqueued before it was carried): the separate load.
      const plain = await createTask(A, 'Job without its function', { site: siteId });
      const first = await runOf((await startContent(A, plain)).runId);
      await expect(engine.process({ runId: first.id, idempotencyKey: first.idempotencyKey }, once)).resolves.toMatchObject({ status: 'succeeded' });
      // The job as runs.enqueue now makes it: the claim loads the task.
      const named = await createTask(A, 'Job with its function', { site: siteId });
      const second = await runOf((await startContent(A, named)).runId);
      await expect(engine.process({ runId: second.id, idempotencyKey: second.idempotencyKey, function: 'generate_content' }, once)).resolves.toMatchObject({ status: 'succeeded' });
      for (const [taskId, title] of [[plain, 'Job without its function'], [named, 'Job with its function']]) {
        const contents = await app.strapi.db.query('api::content.content').findMany({ where: { task: { documentId: taskId } }, populate: { site: true, account: true } });
        expect(contents).toHaveLength(1);
        expect(contents[0]).toMatchObject({ title, site: { documentId: siteId }, account: { id: A.accountId } });
      }
      // A job naming another function than its run's: the run row decides (the hint is ignored).
      const mislabelled = await createTask(A, 'Job with a wrong function', { site: siteId });
      const third = await runOf((await startContent(A, mislabelled)).runId);
      await expect(engine.process({ runId: third.id, idempotencyKey: third.idempotencyKey, function: 'auto_cluster' }, once)).resolves.toMatchObject({ status: 'succeeded' });
      expect(await contentsOfTask(mislabelled)).toHaveLength(1);

      // Deleted after the start: the claim finds the run but not its task, and the run fails for good.
      const doomed = await createTask(A, 'Deleted before its run');
      const fourth = await runOf((await startContent(A, doomed)).runId);
      expect((await as(app, A.jwt).delete(`/api/tasks/${doomed}`)).status).toBeLessThan(300);
      await expect(engine.process({ runId: fourth.id, idempotencyKey: fourth.idempotencyKey, function: 'generate_content' }, once)).rejects.toThrow(/recordIds: 1 record\(s\) not found/);
      expect(await runOf(fourth.id)).toMatchObject({ status: 'failed', errorKind: 'permanent', attempts: 1 });
      expect((await chargeOf(app, A.accountId, fourth.holdId)).status).toBe('released');
      expect(fake.seen).toHaveLength(3);
    } finally {
      await queue.resume(true);
    }
  });

  it("the claim finds a run's task through the documentId index, also as the cached generic plan of a big table", async () => {
    const knex = app.strapi.db.connection;
    // Another tenant with 5,000 tasks: a table where an account's tasks are many, as in production.
    const C = await signUp(app);
    await knex.raw(`INSERT INTO tasks (document_id, title, status, created_at, updated_at) SELECT 'plan-check-' || g, 'Filler ' || g, 'queued', now(), now() FROM generate_series(1, 5000) g`);
    await knex.raw(`INSERT INTO tasks_account_lnk (task_id, account_id) SELECT id, ? FROM tasks WHERE document_id LIKE 'plan-check-%'`, [C.accountId]);
    await knex.raw('ANALYZE tasks, tasks_account_lnk');
    const claims: Array<{ sql: string; bindings: unknown[] }> = [];
    const listen = (q: { sql: string; bindings?: unknown[] }) => {
      if (q.sql.startsWith('WITH run AS (UPDATE')) claims.push({ sql: q.sql, bindings: q.bindings ?? [] });
    };
    knex.on('query', listen);
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      const taskId = await createTask(A, 'Plan check');
      expect((await settled(app, (await startContent(A, taskId)).runId)).status).toBe('succeeded');
      expect(claims).toHaveLength(1);
      // The worker's named statement is planned once per connection and then reused as a generic plan
      // (no parameter values known): that is the plan to check.
      let n = 0;
      await db.query(`PREPARE claim_plan AS ${claims[0].sql.replace(/\?/g, () => `$${++n}`)}`);
      await db.query('SET plan_cache_mode = force_generic_plan');
      const { rows } = await db.query(`EXPLAIN EXECUTE claim_plan(${claims[0].bindings.map((_, i) => (i < 2 ? 'now()' : i === 2 ? '0' : "'none'")).join(', ')})`);
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/tasks_documents_idx/);
      expect(plan).not.toMatch(/Seq Scan on tasks t\b/);
    } finally {
      knex.off('query', listen);
      await db.end();
      await knex.raw(`DELETE FROM tasks_account_lnk WHERE task_id IN (SELECT id FROM tasks WHERE document_id LIKE 'plan-check-%')`);
      await knex.raw(`DELETE FROM tasks WHERE document_id LIKE 'plan-check-%'`);
    }
  });

  it('a capture the ledger refuses rolls the whole one-statement save back: no content, no task change, no charge', async () => {
    const queue = app.strapi.plugin('queue').service('queues').get('ai');
    await queue.pause(true); // this process's worker takes no job: the delivery below is ours to make
    try {
      const before = await ledger(app).balance(A.accountId);
      const taskId = await createTask(A, 'Refused capture');
      const { runId } = await startContent(A, taskId);
      const queued = await app.strapi.db.query('plugin::ai.ai-task-log').findOne({ where: { id: runId } });
      // The hold is settled behind the run's back, so credit_move refuses the capture (its settle key is used).
      await ledger(app).release({ accountId: A.accountId, holdId: queued.holdId, actor: 'test', reason: 'settled elsewhere' });
      await expect(app.strapi.plugin('ai').service('engine').process({ runId, idempotencyKey: queued.idempotencyKey }, { attemptsMade: 0, attempts: 1 })).rejects.toThrow();
      expect(fake.seen).toHaveLength(1);
      expect(await contentsOfTask(taskId)).toHaveLength(0);
      expect((await app.strapi.db.query('api::task.task').findOne({ where: { documentId: taskId } })).status).not.toBe('completed');
      const run = await app.strapi.db.query('plugin::ai.ai-task-log').findOne({ where: { id: runId } });
      expect(run.status).toBe('failed');
      expect(run.produced ?? []).toEqual([]);
      expect(await chargeOf(app, A.accountId, queued.holdId)).toMatchObject({ status: 'released', usageRows: 0 });
      expect(await ledger(app).balance(A.accountId)).toEqual(before);
    } finally {
      await queue.resume(true);
    }
  });

  it('runs through Anthropic when asked', async () => {
    const taskId = await createTask(A, 'Claude writes');
    const { runId } = await startContent(A, taskId, { provider: 'anthropic-messages' });
    const run = await settled(app, runId);
    expect(run).toMatchObject({ status: 'succeeded', provider: 'anthropic', model: 'claude-sonnet-4-5' });
    expect(fake.seen[0]).toMatchObject({ api: 'anthropic', op: 'generate_content', key: KEYS.anthropic });
    expect((await contentsOfTask(taskId))[0].provenance.provider).toBe('anthropic');
  });

  it("an account's prompt edit applies to its next run (the worker's prompt cache is dropped)", async () => {
    const first = await startContent(A, await createTask(A, 'Before the edit'));
    expect(await settled(app, first.runId)).toMatchObject({ status: 'succeeded', promptSource: 'global' });
    const prompts = await as(app, A.jwt).get('/api/settings/prompts');
    const global = prompts.body.data.find((p: any) => p.promptType === 'content_generation');
    const marker = `Marker ${randomUUID()}.`;
    try {
      expect((await as(app, A.jwt).put('/api/settings/prompts/content_generation', { value: `${marker}\n${global.value}` })).status).toBe(200);
      fake.reset();
      const second = await startContent(A, await createTask(A, 'After the edit'));
      expect(await settled(app, second.runId)).toMatchObject({ status: 'succeeded', promptSource: 'account' });
      expect(fake.seen[0].prompt).toContain(marker);
    } finally {
      expect((await as(app, A.jwt).post('/api/settings/prompts/content_generation/reset', {})).status).toBe(200);
    }
    fake.reset();
    const third = await startContent(A, await createTask(A, 'After the reset'));
    expect(await settled(app, third.runId)).toMatchObject({ status: 'succeeded', promptSource: 'global' });
    expect(fake.seen[0].prompt).not.toContain(marker);
  });
});

describe('provider failures', () => {
  it.each([
    ['429 with Retry-After', 'openai-chat', { kind: 'status', status: 429, headers: { 'retry-after': '1' } }, {}],
    ['500', 'openai-chat', { kind: 'status', status: 500 }, {}],
    ['529 overloaded', 'anthropic', { kind: 'status', status: 529 }, { provider: 'anthropic-messages' }],
    ['a timeout', 'openai-chat', { kind: 'hang' }, {}],
  ] as const)('retries after %s and charges once', async (_label, api, behaviour, extra) => {
    fake.script(api, behaviour as any);
    const taskId = await createTask(A, `Transient ${_label}`);
    const { runId } = await startContent(A, taskId, extra);
    const run = await settled(app, runId);
    expect(run).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(fake.seen.filter((s) => s.op === 'generate_content')).toHaveLength(2);
    expect(await contentsOfTask(taskId)).toHaveLength(1);
    expect(await chargeOf(app, A.accountId, run.holdId)).toMatchObject({ status: 'captured', usageRows: 1 });
  });

  it('waits at least what Retry-After asks before the next attempt', async () => {
    fake.script('openai-chat', { kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const taskId = await createTask(A, 'Retry after');
    const { runId } = await startContent(A, taskId);
    await settled(app, runId);
    const job = await waitFor(async () => (await app.strapi.plugin('queue').service('queues').get('ai').getJob(await jobId(runId))) ?? null);
    // Bull stamps each attempt; the second cannot have started before the delay the provider asked for.
    expect(job.processedOn! - job.timestamp).toBeGreaterThanOrEqual(1000);
  });

  it('re-asks a malformed answer and succeeds within the same attempt', async () => {
    fake.script('openai-chat', { kind: 'text', text: 'Sure! Here is your article: <h2>oops' });
    const taskId = await createTask(A, 'Malformed once');
    const run = await settled(app, (await startContent(A, taskId)).runId);
    expect(run).toMatchObject({ status: 'succeeded', attempts: 1 });
    const calls = fake.seen.filter((s) => s.op === 'generate_content');
    expect(calls).toHaveLength(2);
    expect(calls[1].body.messages.at(-1).content).toMatch(/not usable: the answer is not valid JSON/);
  });

  it.each([
    ['an answer that stays malformed', [{ kind: 'text', text: '{"title": 1}' }, { kind: 'text', text: 'nope' }, { kind: 'json', body: { html: 'x' } }], 'validation', /did not match the generate_content format after 3 tries/],
    ['a refusal', [{ kind: 'refusal' }], 'content_policy', /refused to answer/],
    ['a 401', [{ kind: 'status', status: 401 }], 'auth', /refused the API key/],
  ] as const)('fails at once on %s and releases the hold', async (_label, behaviours, reason, message) => {
    const before = await ledger(app).balance(A.accountId);
    fake.script('openai-chat', ...(behaviours as any));
    const taskId = await createTask(A, `Permanent ${reason}`);
    const { runId } = await startContent(A, taskId);
    const run = await settled(app, runId);
    expect(run).toMatchObject({ status: 'failed', errorKind: 'permanent', errorReason: reason, attempts: 1, credits: 0 });
    expect(run.error).toMatch(message);
    expect(await contentsOfTask(taskId)).toHaveLength(0);
    const charge = await chargeOf(app, A.accountId, run.holdId);
    expect(charge).toMatchObject({ status: 'released', usageRows: 0 });
    expect(charge.balance).toEqual(before);
    // Bull does not retry a permanent failure.
    const job = await app.strapi.plugin('queue').service('queues').get('ai').getJob(await jobId(runId));
    expect(job.attemptsMade).toBe(1);
    const res = await as(app, A.jwt).get(`/api/ai/runs/${runId}`);
    expect(res.body.data.error).toMatchObject({ kind: 'permanent', reason });
    expect(JSON.stringify(res.body)).not.toContain(KEYS.openai.slice(0, -4));
  });

  it('fails after the last transient attempt and releases the hold', async () => {
    fake.script('openai-chat', { kind: 'status', status: 500 }, { kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    const taskId = await createTask(A, 'Always down');
    const run = await settled(app, (await startContent(A, taskId)).runId);
    expect(run).toMatchObject({ status: 'failed', errorKind: 'transient', errorReason: 'server', attempts: 3 });
    expect(await chargeOf(app, A.accountId, run.holdId)).toMatchObject({ status: 'released', usageRows: 0 });
  });
});

describe('starting runs', () => {
  it('replays the same Idempotency-Key and refuses it for a different request', async () => {
    const taskId = await createTask(A, 'Idempotent');
    const key = `idem-${randomUUID()}`;
    const first = await start(A, { function: 'generate_content', recordIds: [taskId] }, key);
    const again = await start(A, { function: 'generate_content', recordIds: [taskId] }, key);
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.data.runId).toBe(first.body.data.runId);
    expect(again.body.meta.replayed).toBe(true);
    const other = await createTask(A, 'Other');
    const conflict = await start(A, { function: 'generate_content', recordIds: [other] }, key);
    expect(conflict.status).toBe(409);
    await settled(app, first.body.data.runId);
    expect(await contentsOfTask(taskId)).toHaveLength(1);
    expect(await app.strapi.db.query('plugin::ai.ai-task-log').count({ where: { idempotencyKey: `${A.accountId}:${key}` } })).toBe(1);
  });

  it('concurrent starts with one Idempotency-Key make one run, one hold and one capture; another request under the key gets 409', async () => {
    // A tenant of its own, so its held credits and holds are this test's alone.
    const T = await signUp(app);
    await grant(app, T.accountId, 5000);
    const taskId = await createTask(T, 'Concurrent starts');
    const otherTaskId = await createTask(T, 'Same key, other request');
    const key = `idem-race-${randomUUID()}`;
    const queue = app.strapi.plugin('queue').service('queues').get('ai');
    await queue.pause(true); // no capture before the held credits are checked
    // Outside the app's pool: a lock on the account row stops the first start inside its transaction,
    // after its insert and at its reserve (credit_move locks that row), so the other starts pass the
    // look-up, find no committed run and race on the unique index rather than replaying.
    const db = new Client({ connectionString: app.databaseUrl });
    await db.connect();
    try {
      // Starts that have inserted into ai_task_logs (they hold its row-exclusive lock) and now wait on a lock:
      // the first one at its reserve, the others on the first one's uncommitted key.
      const waitingAfterInsert = async () =>
        Number(
          (
            await db.query(`SELECT count(*) FROM pg_stat_activity a WHERE a.datname = current_database() AND a.wait_event_type = 'Lock'
              AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.granted AND l.mode = 'RowExclusiveLock' AND l.relation = 'ai_task_logs'::regclass)`)
          ).rows[0].count
        );
      await db.query('BEGIN');
      await db.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [T.accountId]);
      const first = start(T, { function: 'generate_content', recordIds: [taskId] }, key).then((res) => res);
      await waitFor(async () => (await waitingAfterInsert()) === 1, 15000, () => 'the first start to wait at its reserve');
      // Another request under the key first, blocked on the first one's uncommitted key, so its 409 comes from the race path.
      const other = Array.from({ length: 3 }, () => start(T, { function: 'generate_content', recordIds: [otherTaskId] }, key).then((res) => res));
      await waitFor(async () => (await waitingAfterInsert()) === 4, 15000, () => 'the other requests to wait on the unique index');
      // Then identical ones: some block on the key too (>= 7 waiting needs a pool of 7 or more; the default
      // is 10), the rest wait for a pool connection and replay from the look-up.
      const same = Array.from({ length: 19 }, () => start(T, { function: 'generate_content', recordIds: [taskId] }, key).then((res) => res));
      await waitFor(async () => (await waitingAfterInsert()) >= 7, 15000, () => 'identical starts to wait on the unique index');
      await db.query('COMMIT');
      const answers = await Promise.all([first, ...same]);
      const runId = answers[0].body.data.runId;
      expect(answers.map((r) => [r.status, r.body.data?.runId])).toEqual(answers.map(() => [202, runId]));
      expect(answers.filter((r) => r.body.meta.replayed === false)).toHaveLength(1);
      expect(answers[0].body.meta.replayed).toBe(false);
      expect((await Promise.all(other)).map((r) => r.status)).toEqual([409, 409, 409]);

      const runs = app.strapi.db.query('plugin::ai.ai-task-log');
      expect(await runs.count({ where: { idempotencyKey: `${T.accountId}:${key}` } })).toBe(1);
      expect(await runs.count({ where: { accountId: T.accountId } })).toBe(1);
      // The losers' transactions rolled back before their reserve: one hold on the account, the run's.
      const holds = await app.strapi.db.connection('credit_holds').where({ account_id: T.accountId }).select('id', 'amount', 'reference_type', 'reference_id');
      expect(holds).toEqual([expect.objectContaining({ amount: 30, reference_type: 'ai-run', reference_id: String(runId) })]);
      expect((await ledger(app).balance(T.accountId)).held).toBe(30);
      // Only the winner enqueued: one job carries the key (a loser's would too, under its own run id).
      const jobs = await Promise.all(['waiting', 'delayed', 'active'].map((state) => queue.getJobs([state])));
      expect(jobs.flat().filter((j: any) => j?.data?.idempotencyKey === `${T.accountId}:${key}`).map((j: any) => j.data.runId)).toEqual([runId]);
    } finally {
      await db.query('ROLLBACK').catch(() => undefined);
      await db.end();
      await queue.resume(true);
    }
    const run = await settled(app, (await app.strapi.db.query('plugin::ai.ai-task-log').findOne({ where: { idempotencyKey: `${T.accountId}:${key}` } })).id);
    expect(run.status).toBe('succeeded');
    expect(await chargeOf(app, T.accountId, run.holdId)).toMatchObject({ status: 'captured', usageRows: 1, balance: { held: 0 } });
    expect(await contentsOfTask(taskId)).toHaveLength(1);
  });

  it('the idempotency key has its unique index; over duplicate keys its creation warns instead of failing the boot', async () => {
    const indexdef = async () => (await app.strapi.db.connection.raw("SELECT indexdef FROM pg_indexes WHERE tablename = 'ai_task_logs' AND indexname = 'ai_task_logs_idempotency_key'")).rows[0]?.indexdef;
    expect(await indexdef()).toMatch(/CREATE UNIQUE INDEX .* \(idempotency_key\)/);
    const { ensureIdempotencyIndex } = require(`${process.env.TEST_DIST_DIR}/src/plugins/ai/server/src/bootstrap`);
    const runs = app.strapi.db.query('plugin::ai.ai-task-log');
    const key = `${B.accountId}:dup-${randomUUID()}`;
    const warn = jest.spyOn(app.strapi.log, 'warn');
    try {
      // What the race left behind before the index: two runs under one key.
      await app.strapi.db.connection.raw('DROP INDEX ai_task_logs_idempotency_key');
      for (let i = 0; i < 2; i++) await runs.create({ data: { function: 'generate_content', accountId: B.accountId, idempotencyKey: key, status: 'failed' } });
      expect(await ensureIdempotencyIndex(app.strapi)).toBe(false);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/same idempotency_key .*ai_task_logs_idempotency_key was not created/));
      expect(await indexdef()).toBeUndefined();
    } finally {
      warn.mockRestore();
      await runs.deleteMany({ where: { idempotencyKey: key } });
      expect(await ensureIdempotencyIndex(app.strapi)).toBe(true);
    }
    expect(await indexdef()).toMatch(/UNIQUE/);
  });

  it('answers 402 with needed and available when the credits do not fit, and creates nothing', async () => {
    const poor = await signUp(app);
    const signupCredits = (await ledger(app).balance(poor.accountId)).available;
    if (signupCredits > 10) await ledger(app).spend({ accountId: poor.accountId, idempotencyKey: `spend:${randomUUID()}`, amount: signupCredits - 10 });
    const available = 10;
    const taskId = await createTask(poor, 'Too expensive', { wordCountTarget: 20000 });
    const runsBefore = await app.strapi.db.query('plugin::ai.ai-task-log').count({});
    const res = await start(poor, { function: 'generate_content', recordIds: [taskId] });
    expect(res.status).toBe(402);
    expect(res.body.error.details).toEqual({ needed: 600, available });
    expect(await app.strapi.db.query('plugin::ai.ai-task-log').count({})).toBe(runsBefore);
    expect((await ledger(app).balance(poor.accountId)).held).toBe(0);
  });

  it('refuses bad input with 400 naming the field', async () => {
    const taskId = await createTask(A, 'Bad input');
    const runsBefore = await app.strapi.db.query('plugin::ai.ai-task-log').count({ where: { accountId: A.accountId } });
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ function: 'write_poem', recordIds: [taskId] }, ['function']],
      [{ function: 'generate_content', recordIds: [] }, ['recordIds']],
      [{ function: 'generate_content', recordIds: [taskId], options: { tone: '' } }, ['options', 'tone']],
      [{ function: 'generate_content', recordIds: [taskId], options: { colour: 'red' } }, ['options', 'colour']],
      [{ function: 'generate_content', recordIds: [taskId], provider: 'openai-images' }, ['provider']],
      [{ function: 'generate_content', recordIds: [taskId], accountId: 1 }, ['accountId']],
    ];
    for (const [body, path] of cases) {
      const res = await start(A, body);
      expect([res.status, res.body.error.details.errors[0].path]).toEqual([400, path]);
    }
    expect(await app.strapi.db.query('plugin::ai.ai-task-log').count({ where: { accountId: A.accountId } })).toBe(runsBefore);
  });

  it("refuses another tenant's records with 404 and keeps each tenant's runs to itself", async () => {
    const taskId = await createTask(A, 'Private task');
    const res = await start(B, { function: 'generate_content', recordIds: [taskId] });
    expect(res.status).toBe(404);
    expect(res.body.error.details.errors[0].path).toEqual(['recordIds']);
    const { runId } = await startContent(A, taskId);
    await settled(app, runId);
    expect((await as(app, B.jwt).get(`/api/ai/runs/${runId}`)).status).toBe(404);
    expect((await as(app, B.jwt).post(`/api/ai/runs/${runId}/cancel`)).status).toBe(404);
    const list = await as(app, B.jwt).get('/api/ai/runs');
    expect(list.status).toBe(200);
    expect(list.body.data.every((r: any) => r.accountId === B.accountId)).toBe(true);
    const mine = await as(app, A.jwt).get('/api/ai/runs?pageSize=5&function=generate_content');
    expect(mine.body.data.length).toBe(5);
    expect(mine.body.meta.pagination).toMatchObject({ page: 1, pageSize: 5 });
    expect((await app.request().post('/api/ai/runs').send({ function: 'generate_content', recordIds: [taskId] })).status).toBe(403);
  });
});

describe('account roles', () => {
  it('lets a viewer read runs but not start or cancel them', async () => {
    await setPlan(app, A.accountId, 'starter');
    const viewer = { username: `v_${randomUUID().slice(0, 8)}`, password: 'Member-pass-123', role: 'viewer' };
    const added = await as(app, A.jwt).post('/api/tenancy/members', { ...viewer, email: `${viewer.username}@example.test` });
    expect(added.status).toBe(201);
    const login = await app.request().post('/api/auth/local').send({ identifier: viewer.username, password: viewer.password });
    const V = { ...A, jwt: login.body.jwt as string };
    const taskId = await createTask(A, 'Viewer cannot');
    expect((await as(app, V.jwt).get('/api/ai/runs')).status).toBe(200);
    const refused = await start(V, { function: 'generate_content', recordIds: [taskId] });
    expect(refused.status).toBe(403);
    const { runId } = await startContent(A, taskId);
    expect((await as(app, V.jwt).get(`/api/ai/runs/${runId}`)).status).toBe(200);
    expect((await as(app, V.jwt).post(`/api/ai/runs/${runId}/cancel`)).status).toBe(403);
    await settled(app, runId);
  });
});

describe('cancel', () => {
  it('cancels a running run: the hold is released and the late answer is neither saved nor charged', async () => {
    const before = await ledger(app).balance(A.accountId);
    fake.script('openai-chat', { kind: 'hang' });
    const taskId = await createTask(A, 'Cancel me');
    const { runId } = await startContent(A, taskId);
    await waitFor(async () => fake.seen.length > 0);
    const res = await as(app, A.jwt).post(`/api/ai/runs/${runId}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('cancelled');
    const run = await app.strapi.db.query('plugin::ai.ai-task-log').findOne({ where: { id: runId } });
    expect((await chargeOf(app, A.accountId, run.holdId)).status).toBe('released');
    // The hung call times out, the job retries, finds the run cancelled and stops.
    const job = await waitFor(async () => {
      const j = await app.strapi.plugin('queue').service('queues').get('ai').getJob(await jobId(runId));
      return j && (await j.isCompleted()) ? j : null;
    });
    expect(job.returnvalue).toMatchObject({ status: 'skipped' });
    expect(await contentsOfTask(taskId)).toHaveLength(0);
    expect(await ledger(app).balance(A.accountId)).toEqual(before);
    expect((await as(app, A.jwt).post(`/api/ai/runs/${runId}/cancel`)).status).toBe(409);
  });
});

describe('jobs Bull fails by itself', () => {
  it('a run whose job stalled too often ends failed with its hold released', async () => {
    fake.script('openai-chat', { kind: 'hang' });
    const taskId = await createTask(A, 'Stalled');
    const { runId } = await startContent(A, taskId);
    await waitFor(async () => fake.seen.length > 0);
    const job = await app.strapi.plugin('queue').service('queues').get('ai').getJob(await jobId(runId));
    // What Bull's stalled-job check emits when a job's workers died more than maxStalledCount times.
    const { onJobFailed } = require(`${process.env.TEST_DIST_DIR}/src/plugins/ai/server/src/on-job-failed`);
    await onJobFailed(app.strapi, job, new Error('job stalled more than allowable limit'));
    const run = await app.strapi.db.query('plugin::ai.ai-task-log').findOne({ where: { id: runId } });
    expect(run).toMatchObject({ status: 'failed', errorReason: 'stalled' });
    expect(run.error).toMatch(/Retry the run/);
    expect((await chargeOf(app, A.accountId, run.holdId)).status).toBe('released');
    // The hung call times out; the retry finds the run failed and neither saves nor charges.
    await waitFor(async () => {
      const j = await app.strapi.plugin('queue').service('queues').get('ai').getJob(await jobId(runId));
      return j && (await j.isCompleted());
    });
    expect(await contentsOfTask(taskId)).toHaveLength(0);
  });
});

describe('staff', () => {
  it('lists any account, retries a failed run (charged once), and is refused without the permission', async () => {
    const admin = await staffToken(app);
    fake.script('openai-chat', { kind: 'status', status: 401 });
    const taskId = await createTask(A, 'Staff retry');
    const { runId } = await startContent(A, taskId);
    const failed = await settled(app, runId);
    expect(failed.status).toBe('failed');

    const list = await as(app, admin).get(`/ai/runs?accountId=${A.accountId}&status=failed`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((r: any) => r.id)).toContain(runId);

    const retry = await as(app, admin).post(`/ai/runs/${runId}/retry`);
    expect(retry.status).toBe(202);
    const run = await waitFor(async () => {
      const r = await app.strapi.db.query('plugin::ai.ai-task-log').findOne({ where: { id: runId } });
      return r.status === 'succeeded' ? r : null;
    });
    expect(run.round).toBe(1);
    expect(await contentsOfTask(taskId)).toHaveLength(1);
    expect(await chargeOf(app, A.accountId, run.holdId)).toMatchObject({ status: 'captured', usageRows: 1 });
    expect(await chargeOf(app, A.accountId, failed.holdId)).toMatchObject({ status: 'released', usageRows: 0 });
    expect((await as(app, admin).post(`/ai/runs/${runId}/retry`)).status).toBe(409);

    const support = await staffToken(app, 'igny8-support-agent');
    expect((await as(app, support).get(`/ai/runs/${runId}`)).status).toBe(200);
    expect((await as(app, support).post(`/ai/runs/${runId}/retry`)).status).toBe(403);
    expect((await as(app, support).post(`/ai/accounts/${A.accountId}/runs`, { function: 'generate_content', recordIds: [taskId] })).status).toBe(403);

    const other = await createTask(A, 'Started by staff');
    const started = await as(app, admin).post(`/ai/accounts/${A.accountId}/runs`, { function: 'generate_content', recordIds: [other] });
    expect(started.status).toBe(202);
    expect((await settled(app, started.body.data.runId)).requestedBy).toMatch(/^admin:/);
  });
});

describe('GraphQL', () => {
  it('starts, reads and lists runs with the same rules', async () => {
    const taskId = await createTask(A, 'Over GraphQL');
    const res = await as(app, A.jwt).graphql(
      'mutation($ids: [String!]!) { aiStartRun(function: "generate_content", recordIds: $ids, idempotencyKey: "gql-1") { runId status estimate replayed } }',
      { ids: [taskId] }
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.aiStartRun).toMatchObject({ status: 'queued', estimate: { credits: 30 }, replayed: false });
    const runId = Number(res.body.data.aiStartRun.runId);
    await settled(app, runId);
    const read = await as(app, A.jwt).graphql(`{ aiRun(id: ${runId}) { status credits produced } aiRuns(pageSize: 2) { nodes { id } pageInfo { total } } }`);
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data.aiRun).toMatchObject({ status: 'succeeded', credits: 10 });
    expect(read.body.data.aiRuns.nodes).toHaveLength(2);
    const foreign = await as(app, B.jwt).graphql(`{ aiRun(id: ${runId}) { status } }`);
    expect(foreign.body.errors?.[0]?.message).toMatch(/not found/i);
    const bad = await as(app, A.jwt).graphql('mutation { aiStartRun(function: "nope", recordIds: ["x"]) { runId } }');
    expect(bad.body.errors?.[0]?.message).toMatch(/function/);
  });
});
