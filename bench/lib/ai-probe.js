// Runs inside app processes (app-process.js `runModule`) for the `ai` scenario: sets up an account with
// credits and tasks through the plugins' own services, starts runs the way the tenant API does (reserve
// + run row + enqueue), and measures a worker process (CPU time, SQL queries) between two marks.
const { randomUUID } = require('node:crypto');

const TASK_UID = 'api::task.task';

/**
 * Platform keys and base URL at the fake provider, then `accounts` accounts, each with plenty of credits
 * and one site. Returns `[{ accountId, siteId }]`.
 */
const setup = async (app, { openaiBaseUrl, key, accounts = 1 }) => {
  const integration = app.plugin('settings').service('integration');
  await integration.updateGlobal({ openaiBaseUrl, openaiModel: 'gpt-4o-mini' });
  await integration.setGlobalKey('openai', key);
  const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const out = [];
  for (let i = 0; i < accounts; i++) {
    const name = `bench${Date.now()}x${i}`;
    const user = await app.plugin('users-permissions').service('user').add({ username: name, email: `${name}@bench.local`, password: 'Bench-pass-2026', provider: 'local', confirmed: true, blocked: false, role: role.id });
    const account = await app.plugin('tenancy').service('accounts').createForOwner({ userId: user.id, name: `Bench AI account ${i + 1}` });
    await app.plugin('credits').service('ledger').grant({ accountId: account.id, idempotencyKey: `bench-grant:${randomUUID()}`, pool: 'bonus', amount: 10_000_000, type: 'purchase' });
    const site = await app.db.query('api::site.site').create({ data: { name: 'Bench site', domain: `bench-${Date.now()}-${i}.example.com`, account: account.id } });
    out.push({ accountId: account.id, siteId: site.id });
  }
  return out;
};

/** `count` tasks ready for generate_content, spread round-robin over the accounts. Returns `[{ accountId, documentId }]`. */
const createTasks = async (app, { accounts, count, tag }) => {
  const tasks = [];
  for (let i = 0; i < count; i++) {
    const { accountId, siteId } = accounts[i % accounts.length];
    const task = await app.db.query(TASK_UID).create({ data: { title: `Bench ${tag} ${i}`, keywords: [`bench ${i}`, 'second keyword'], wordCountTarget: 1000, site: siteId, account: accountId } });
    tasks.push({ accountId, documentId: task.documentId });
  }
  // Statistics as a database in steady state has them: right after thousands of inserts, autovacuum
  // has not analysed the new rows yet, and the planner can pick a partial index and filter the
  // whole table for a documentId instead of using the documentId index.
  await app.db.connection.raw('ANALYZE tasks, tasks_account_lnk, tasks_site_lnk');
  return tasks;
};

/** The process id of one of the app's PostgreSQL backends (its parent is the server's postmaster). */
const backendPid = async (app) => {
  const { rows } = await app.db.connection.raw('SELECT pg_backend_pid() AS pid');
  return rows[0].pid;
};

/** Global pause or resume of a queue (every worker process stops or starts taking its jobs). */
const setPaused = async (app, { queue, paused }) => {
  const q = app.plugin('queue').service('queues').get(queue);
  if (paused) await q.pause();
  else await q.resume();
  return true;
};

/** Starts one generate_content run per task (in its account), `parallel` at a time, as the tenant API does. Returns run ids. */
const startRuns = async (app, { tasks, parallel = 16 }) => {
  const runs = app.plugin('ai').service('runs');
  const out = [];
  const started = Date.now();
  for (let i = 0; i < tasks.length; i += parallel) {
    const batch = await Promise.all(
      tasks.slice(i, i + parallel).map(({ accountId, documentId }) => runs.start({ accountId, function: 'generate_content', recordIds: [documentId], provider: 'openai-chat', idempotencyKey: `bench-${documentId}`, requestedBy: 'system' }))
    );
    out.push(...batch.map((b) => b.run.id));
  }
  return { runIds: out, ms: Date.now() - started };
};

/** Waits until none of the runs is queued or running; returns counts by status, phase means and credits. */
const waitRuns = async (app, { runIds, timeoutMs }) => {
  const knex = app.db.connection;
  const table = app.db.metadata.get('plugin::ai.ai-task-log').tableName;
  const started = Date.now();
  // The poll shares the machine with what it measures, so it is a primary-key range scan (a batch's
  // runs are created together, with no other runs between them) every 100 ms, and the end of the
  // window is the last run's own finish time, not the poll that noticed it.
  const [lo, hi] = [Math.min(...runIds), Math.max(...runIds)];
  for (;;) {
    const [{ open }] = await knex(table).whereBetween('id', [lo, hi]).whereIn('status', ['queued', 'running']).count({ open: '*' });
    if (Number(open) === 0) break;
    if (Date.now() - started > timeoutMs) throw new Error(`${open} runs still open after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const rows = await knex(table).whereIn('id', runIds).select('status', 'phases', 'credits', 'hold_id', 'attempts', 'finished_at');
  const doneAt = Math.max(...rows.map((r) => (r.finished_at ? new Date(r.finished_at).getTime() : 0)));
  const statuses = {};
  const phaseMs = {};
  let credits = 0;
  let attempts = 0;
  for (const row of rows) {
    statuses[row.status] = (statuses[row.status] ?? 0) + 1;
    credits += Number(row.credits ?? 0);
    attempts += Number(row.attempts ?? 0);
    const phases = typeof row.phases === 'string' ? JSON.parse(row.phases) : row.phases;
    for (const p of phases ?? []) phaseMs[p.name] = (phaseMs[p.name] ?? 0) + Number(p.ms ?? 0);
  }
  for (const k of Object.keys(phaseMs)) phaseMs[k] = Math.round((phaseMs[k] / rows.length) * 100) / 100;
  const holds = rows.map((r) => r.hold_id).filter(Boolean);
  const captured = holds.length ? await knex('credit_holds').whereIn('id', holds).andWhere('status', 'captured').count({ n: '*' }) : [{ n: 0 }];
  const usage = holds.length ? await knex('credit_usage_logs').whereIn('hold_id', holds).count({ n: '*' }) : [{ n: 0 }];
  return { doneAt, statuses, phaseMsPerRun: phaseMs, credits, attempts, holdsCaptured: Number(captured[0].n), usageRows: Number(usage[0].n) };
};

const meter = { queries: 0, installed: false, cpu: null, at: 0, session: null, statements: new Map() };

/** A statement's shape: literals and bind lists folded, so the same query from different runs counts once. */
const shapeOf = (sql) => sql.replace(/\$\d+|\?/g, '?').replace(/\((\?,\s*)+\?\)/g, '(?..)').replace(/\s+/g, ' ').slice(0, 160);
// Cached by text: the worker's statements have a few fixed texts, and the regexes over the long save
// statement on every query were measurement overhead counted in the worker's CPU per run.
const shapes = new Map();
const shape = (sql) => {
  let s = shapes.get(sql);
  if (s === undefined) {
    if (shapes.size > 1000) shapes.clear();
    shapes.set(sql, (s = shapeOf(sql)));
  }
  return s;
};

const post = (session, method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));

/** Marks the start of a measurement in this (worker) process: CPU time and SQL queries from now; optionally a CPU profile. */
const begin = async (app, { profile = false } = {}) => {
  if (!meter.installed) {
    app.db.connection.on('query', (q) => {
      meter.queries++;
      const key = shape(q.sql ?? '');
      meter.statements.set(key, (meter.statements.get(key) ?? 0) + 1);
    });
    meter.installed = true;
  }
  if (profile) {
    const inspector = require('node:inspector');
    meter.session = new inspector.Session();
    meter.session.connect();
    await post(meter.session, 'Profiler.enable');
    await post(meter.session, 'Profiler.start');
  }
  meter.queries = 0;
  meter.statements.clear();
  meter.cpu = process.cpuUsage();
  meter.at = Date.now();
  return true;
};

/** CPU milliseconds and SQL queries in this process since begin(); the CPU profile is written to `profileFile`. */
const end = async (app, { profileFile } = {}) => {
  const cpu = process.cpuUsage(meter.cpu);
  const statements = [...meter.statements].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([sql, n]) => ({ n, sql }));
  const out = { cpuMs: (cpu.user + cpu.system) / 1000, userMs: cpu.user / 1000, systemMs: cpu.system / 1000, queries: meter.queries, wallMs: Date.now() - meter.at, statements };
  if (meter.session) {
    const { profile } = await post(meter.session, 'Profiler.stop');
    meter.session.disconnect();
    meter.session = null;
    if (profileFile) require('node:fs').writeFileSync(profileFile, JSON.stringify(profile));
  }
  return out;
};

module.exports = { setup, backendPid, createTasks, setPaused, startRuns, waitRuns, begin, end };
