/**
 * The AI operations as bulk actions: staff select every task (or keyword) matching a filter across
 * accounts, see the cost per account against each balance, and run; each account pays for its own runs
 * through the AI plugin's normal path (reserve, worker, capture), an account short of credits fails its
 * rows only, and a re-executed bulk run starts nothing twice.
 */
import { randomUUID } from 'node:crypto';
import { getBulkActionsService } from '../../../src/plugins/bulk-actions/server/src';
import { startFakeLlm, type FakeLlm } from '../../helpers/fake-llm';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken, type Tenant } from '../../helpers/tenants';
import { AI_TEST_ENV, grant, KEYS, ledger, pointSettingsAt, settled } from '../ai/helpers';

const TASK = 'api::task.task';
const KEYWORD = 'api::keyword.keyword';
const RUN = 'plugin::ai.ai-task-log';

let app: TestApp;
let fake: FakeLlm;
let admin: ReturnType<typeof as>;
let rich: Tenant;
let broke: Tenant;
const tag = `bulk-ai-${randomUUID().slice(0, 8)}`;

const site = (tenant: Tenant, name: string) =>
  app.strapi.db.query('api::site.site').create({ data: { name, domain: `${name}-${randomUUID().slice(0, 8)}.example.com`, account: tenant.accountId } });
const task = (tenant: Tenant, siteId: number, title: string, status = 'queued') =>
  app.strapi.db.query(TASK).create({ data: { title: `${tag} ${title}`, status, account: tenant.accountId, site: siteId, wordCountTarget: 800 } });
const runsOf = (tenant: Tenant, fn: string) => app.strapi.db.query(RUN).findMany({ where: { accountId: tenant.accountId, function: fn }, orderBy: { id: 'asc' } });

beforeAll(async () => {
  fake = await startFakeLlm({ openai: [KEYS.openai], anthropic: [KEYS.anthropic] });
  app = await bootStrapi({ env: AI_TEST_ENV });
  await pointSettingsAt(app, fake);
  admin = as(app, await staffToken(app));
  rich = await signUp(app, { accountName: 'Bulk AI rich' });
  broke = await signUp(app, { accountName: 'Bulk AI broke' });
  await grant(app, rich.accountId, 100_000);
  // Whatever the plan gave at sign-up, the broke account has nothing left to spend.
  const balance = await ledger(app).balance(broke.accountId);
  if (balance.available > 0) await ledger(app).spend({ accountId: broke.accountId, amount: balance.available, idempotencyKey: `drain:${randomUUID()}`, actor: 'test' });
}, 480_000);

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

it('lists the AI actions with the operation options as the form', async () => {
  const res = await admin.get(`/bulk-actions/actions?uid=${TASK}`);
  expect(res.status).toBe(200);
  const action = res.body.data.find((a: any) => a.id === 'ai-generate-content');
  expect(action).toMatchObject({ label: 'AI: generate content', cmAction: 'read' });
  expect(Object.keys(action.paramsSchema.properties)).toEqual(expect.arrayContaining(['tone', 'language']));
  const keywords = await admin.get(`/bulk-actions/actions?uid=${KEYWORD}`);
  expect(keywords.body.data.map((a: any) => a.id)).toContain('ai-auto-cluster');
});

it('generates content for every matching task, each account paying for its own runs once', async () => {
  const richSite = await site(rich, 'rich');
  const brokeSite = await site(broke, 'broke');
  for (const title of ['one', 'two', 'three']) await task(rich, richSite.id, title);
  await task(rich, richSite.id, 'done already', 'completed');
  const brokeTask = await task(broke, brokeSite.id, 'four');
  const selection = { uid: TASK, query: { filters: { title: { $startsWith: tag } } } };
  const before = await ledger(app).balance(rich.accountId);

  const badOption = await admin.post('/bulk-actions/dry-run', { action: 'ai-generate-content', selection, params: { tone: '' } });
  expect(badOption.status).toBe(400);
  expect(JSON.stringify(badOption.body.error)).toContain('tone');

  const dry = await admin.post('/bulk-actions/dry-run', { action: 'ai-generate-content', selection, params: {} });
  expect(dry.status).toBe(200);
  expect(dry.body.data).toMatchObject({ matched: 5, willChange: 4 });
  expect(dry.body.data.estimate).toMatchObject({ operation: 'content_generation', accounts: 2, short: 1 });
  const perAccount = new Map(dry.body.data.estimate.perAccount.map((e: any) => [e.accountId, e]));
  expect(perAccount.get(rich.accountId)).toMatchObject({ items: 3, fits: true });
  expect(perAccount.get(broke.accountId)).toMatchObject({ items: 1, fits: false });
  // Accounts that cannot pay come first, by name, for the staff member deciding whether to run.
  expect(dry.body.data.estimate.perAccount[0]).toMatchObject({ accountId: broke.accountId, accountName: 'Bulk AI broke' });
  expect((await runsOf(rich, 'generate_content')).length).toBe(0);

  const run = await admin.post('/bulk-actions/run', { action: 'ai-generate-content', selection, params: { tone: 'warm' } });
  expect(run.status).toBe(200);
  expect(run.body.data).toMatchObject({ status: 'completed', changed: 3, failed: 1 });
  const failures = await admin.get(`/bulk-actions/runs/${run.body.data.id}/failures.csv`);
  expect(failures.text).toContain(brokeTask.documentId);
  expect(failures.text.toLowerCase()).toContain('credit');
  expect(await runsOf(broke, 'generate_content')).toHaveLength(0);

  // One AI run per task, started by the staff member, each succeeding and captured once.
  const started = await runsOf(rich, 'generate_content');
  expect(started).toHaveLength(3);
  let charged = 0;
  for (const r of started) {
    expect(r).toMatchObject({ requestedBy: expect.stringMatching(/^admin:\d+$/), options: expect.objectContaining({ tone: 'warm' }) });
    const done = await settled(app, r.id);
    expect([done.status, done.error]).toEqual(['succeeded', null]);
    charged += done.credits;
  }
  expect(charged).toBeGreaterThan(0);
  const after = await ledger(app).balance(rich.accountId);
  expect(before.plan + before.bonus - (after.plan + after.bonus)).toBe(charged);
  const contents = await app.strapi.db.query('api::content.content').count({ where: { task: { title: { $startsWith: tag } } } });
  expect(contents).toBe(3);

  // A worker died mid-run and staff execute the bulk run again: the same keys replay, nothing restarts.
  await app.strapi.db.connection.raw(`UPDATE bulk_action_runs SET status = 'running' WHERE id = ?`, [run.body.data.id]);
  await getBulkActionsService(app.strapi, 'runner').execute(run.body.data.id);
  expect(await runsOf(rich, 'generate_content')).toHaveLength(3);
  expect((await ledger(app).balance(rich.accountId)).available).toBe(after.available);
});

it('clusters the keywords of each site in one run per site', async () => {
  const a = await site(rich, 'garden');
  const b = await site(rich, 'kitchen');
  const words = { [a.id]: ['raised bed soil', 'raised bed height', 'compost tea'], [b.id]: ['sourdough starter', 'bread flour'] };
  for (const [siteId, list] of Object.entries(words)) {
    for (const keyword of list) await app.strapi.db.query(KEYWORD).create({ data: { keyword: `${keyword} ${tag}`, site: Number(siteId), account: rich.accountId, volume: 10 } });
  }
  const selection = { uid: KEYWORD, query: { filters: { keyword: { $endsWith: tag } } } };
  const run = await admin.post('/bulk-actions/run', { action: 'ai-auto-cluster', selection, params: {} });
  expect(run.body.data).toMatchObject({ status: 'completed', changed: 5, failed: 0 });
  const clustering = await runsOf(rich, 'auto_cluster');
  expect(clustering.map((r: any) => r.inputIds.length).sort()).toEqual([2, 3]);
  for (const r of clustering) expect((await settled(app, r.id)).status).toBe('succeeded');
  const unclustered = await app.strapi.db.query(KEYWORD).count({ where: { keyword: { $endsWith: tag }, cluster: { id: { $null: true } } } });
  expect(unclustered).toBe(0);

  // Nothing left without a cluster: a second run has nothing to do.
  const again = await admin.post('/bulk-actions/dry-run', { action: 'ai-auto-cluster', selection, params: {} });
  expect(again.body.data).toMatchObject({ matched: 5, willChange: 0 });
});

it('refuses staff without the AI permission, and changes nothing', async () => {
  const billing = as(app, await staffToken(app, 'igny8-billing-admin'));
  const selection = { uid: TASK, query: { filters: { title: { $startsWith: tag } } } };
  const res = await billing.post('/bulk-actions/run', { action: 'ai-generate-content', selection, params: {} });
  expect(res.status).toBe(403);
  expect(await runsOf(rich, 'generate_content')).toHaveLength(3);
});
