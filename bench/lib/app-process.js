// The app under test, in a process of its own so the load generator does not share its event loop.
// Started by app.js with the environment set; answers { id, cmd, args } messages over IPC.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

const commands = {
  /** Runs `fn` exported by a bench module inside the app process: `(app, args) => result` (JSON-serialisable). */
  runModule: (app, { file, fn, args }) => require(file)[fn](app, args),
  /** Tenant scoping on or off (the tenancy plugin refuses "off" in production). */
  setEnforced: (app, value) => {
    app.plugin('tenancy').service('tenant-context').setEnforced(Boolean(value));
    return app.plugin('tenancy').service('tenant-context').isEnforced();
  },
  /** Physical table, column and link-table names of the given content types. */
  metadata: (app, uids) =>
    Object.fromEntries(
      uids.map((uid) => {
        const meta = app.db.metadata.get(uid);
        const columns = {};
        const relations = {};
        for (const [name, attribute] of Object.entries(meta.attributes)) {
          if (attribute.joinTable) {
            const jt = attribute.joinTable;
            relations[name] = {
              target: attribute.target,
              table: jt.name,
              ownerColumn: jt.joinColumn.name,
              targetColumn: jt.inverseJoinColumn.name,
              orderColumn: jt.orderColumnName ?? null,
              inverseOrderColumn: jt.inverseOrderColumnName ?? null,
            };
          } else if (attribute.columnName) {
            columns[name] = attribute.columnName;
          }
        }
        return [uid, { tableName: meta.tableName, columns, relations }];
      })
    ),
  /**
   * Waits until no request is in flight (a load run that ends abandons its last requests, which the
   * app still finishes), then returns this process's CPU time (µs) and the requests it has answered.
   */
  idle: async () => {
    for (let waited = 0; http.active > 0 && waited < 60000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    const { user, system } = process.cpuUsage();
    return { cpuMicros: user + system, answered: http.answered, active: http.active };
  },
};

/** The monitoring plugin's API monitor: recording on or off (the middleware stays mounted). */
commands.setApiMonitor = (app, value) => {
  const monitor = app.plugin('monitoring').service('api-monitor');
  monitor.setEnabled(Boolean(value));
  return monitor.isEnabled();
};

/**
 * In-process cost of the API monitor middleware: `iterations` calls around a no-op handler with
 * recording on, minus the same with recording off. Returns microseconds per request.
 */
commands.apiMonitorMicro = async (app, { iterations }) => {
  const monitor = app.plugin('monitoring').service('api-monitor');
  const ctx = { method: 'GET', status: 200, _matchedRoute: '/api/keywords/:id', state: { route: { path: '/keywords/:id', info: { apiName: 'keyword', type: 'content-api' } } } };
  const next = () => Promise.resolve();
  const time = async (enabled) => {
    monitor.setEnabled(enabled);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await monitor.middleware(ctx, next);
    return Number(process.hrtime.bigint() - t0) / 1e3 / iterations;
  };
  await time(true);
  await time(false);
  const on = await time(true);
  const off = await time(false);
  monitor.setEnabled(true);
  await monitor.flush();
  return { onMicros: on, offMicros: off, costMicros: on - off };
};

/**
 * The monitoring rollups after a bulk load: `catchUp` is the refresh that folds in the days the load
 * marked dirty (what the first reader or the next tick does), `backfill` a build from nothing (state
 * removed), `tick` a refresh with nothing new (the repeatable job's usual run). Milliseconds each.
 */
commands.monitoringRollups = async (app) => {
  const rollups = app.plugin('monitoring').service('rollups');
  const time = async (fn) => {
    const t0 = process.hrtime.bigint();
    const out = await fn();
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, out };
  };
  const catchUp = await time(() => rollups.refresh());
  await app.db.connection.raw('DELETE FROM monitoring_rollup_state');
  const backfill = await time(() => rollups.refresh());
  const tick = await time(() => rollups.refresh());
  const sizes = (
    await app.db.connection.raw(
      `SELECT relname AS table, n_live_tup::int AS rows FROM pg_stat_user_tables WHERE relname IN ('monitoring_usage_daily', 'monitoring_usage_accounts_daily', 'monitoring_content_daily', 'monitoring_task_daily') ORDER BY relname`
    )
  ).rows;
  return { catchUp, backfill, tick, sizes };
};

/**
 * Time of the monitoring widget and report services called directly (no HTTP, no admin auth):
 * `iterations` sequential calls each; returns { name: sorted ms[] }.
 */
commands.monitoringServiceTimings = async (app, { iterations }) => {
  // Uncached: the cost of computing each figure.
  const widgets = app.plugin('monitoring').service('widgets').fresh;
  const monitor = app.plugin('monitoring').service('api-monitor');
  const calls = {
    'widget accounts': () => widgets.accounts(),
    'widget content': () => widgets.content(),
    'widget billing': () => widgets.billing(),
    'widget health': () => widgets.health(),
    'widget queues': () => widgets.queues(),
    'api monitor, last hour': () => monitor.freshReport('hour'),
    'api monitor, last day': () => monitor.freshReport('day'),
  };
  // Reports (uncached) and the account health of one list page (100 accounts).
  const reports = app.plugin('monitoring').service('reports');
  const health = app.plugin('monitoring').service('account-health');
  const ids = (await app.db.connection.raw('SELECT id FROM accounts ORDER BY id LIMIT 100')).rows.map((r) => Number(r.id));
  Object.assign(calls, {
    'report revenue (6 months)': () => reports.fresh('revenue', { months: 6, days: 30 }),
    'report credits (30 days)': () => reports.fresh('credits', { months: 6, days: 30 }),
    'report content (30 days)': () => reports.fresh('content', { months: 6, days: 30 }),
    'report credits (30 days), raw rows': () => reports.credits({ days: 30, source: 'raw' }),
    'report content (30 days), raw rows': () => reports.content({ days: 30, source: 'raw' }),
    'report data quality, computed': () => reports.fresh('data-quality', { months: 6, days: 30 }),
    'report data quality, stored': () => reports.dataQualityStored(),
    'account health, 100 accounts': () => health.forAccounts(ids),
  });
  const out = {};
  for (const [name, call] of Object.entries(calls)) {
    await call();
    const times = [];
    // The whole-table paths (kept for comparison) take seconds each: a few calls are enough.
    const n = /computed|raw rows/.test(name) ? Math.min(iterations, 5) : iterations;
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      await call();
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    out[name] = times.sort((a, b) => a - b);
  }
  return out;
};

const http = { active: 0, answered: 0 };

/**
 * Publishing: an account on the Scale plan with one site per fake WordPress, each connected (the
 * doctor runs), and `postsPerSite` contents per site. Returns the contents' documentIds.
 */
commands.publishingSetup = async (app, { fakes, postsPerSite }) => {
  const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await app.plugin('users-permissions').service('user').add({ username: `bench${Date.now()}`, email: `bench${Date.now()}@bench.local`, password: 'Bench-pass-2026', provider: 'local', confirmed: true, blocked: false, role: role.id });
  const account = await app.plugin('tenancy').service('accounts').createForOwner({ userId: user.id, name: 'Bench publisher' });
  const scale = await app.db.query('api::plan.plan').findOne({ where: { slug: 'scale' } });
  await app.db.query('api::account.account').update({ where: { id: account.id }, data: { plan: scale.id } });
  const documentIds = [];
  for (const [i, fake] of fakes.entries()) {
    const site = await app.documents('api::site.site').create({ data: { name: `Bench site ${i}`, domain: `bench-${i}.example.com`, account: account.documentId } });
    const view = await app.plugin('publishing').service('integrations').connect({ accountId: account.id, siteDocumentId: site.documentId, baseUrl: fake.url, username: fake.username, applicationPassword: fake.password });
    if (!view.report?.ok) throw new Error(`site ${i}: the connection doctor failed: ${JSON.stringify(view.report)}`);
    for (let n = 0; n < postsPerSite; n++) {
      const content = await app.db.query('api::content.content').create({ data: { title: `Bench post ${i}-${n}`, html: `<p>Post ${n} of site ${i}.</p>`, site: site.id, account: account.id } });
      documentIds.push(content.documentId);
    }
  }
  return { accountId: account.id, documentIds };
};

/** Statement texts → shapes (literals and bind lists folded), most frequent first. */
const foldShapes = (texts) => {
  const shapes = new Map();
  for (const [sql, n] of texts) {
    const shape = String(sql ?? '').replace(/\$\d+|\?/g, '?').replace(/\((\?,\s*)+\?\)/g, '(?..)').replace(/\s+/g, ' ').slice(0, 140);
    shapes.set(shape, (shapes.get(shape) ?? 0) + n);
  }
  return [...shapes].sort((a, b) => b[1] - a[1]).slice(0, 20);
};

/** Starts the V8 profiler in this process; `stop(file)` writes the profile. */
const startProfile = async () => {
  const inspector = require('node:inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    stop: async (file) => {
      const { profile } = await post('Profiler.stop');
      require('node:fs').mkdirSync(path.dirname(file), { recursive: true });
      require('node:fs').writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
};

/**
 * Requests every publish, then waits until none is pending. Returns timings and outcomes. `bulk` (the
 * default) goes through `records.requestMany` in chunks of 250 (a fixed number of queries per chunk and
 * one addBulk); `single` calls `records.request` per content, 20 at a time, as the tenant route does.
 */
commands.publishingRun = async (app, { accountId, documentIds, timeoutMs, mode = 'bulk' }) => {
  const records = app.plugin('publishing').service('records');
  const knex = app.db.connection;
  // SQL statements sent by the app over the run (requests and jobs), less the bench's own polling below.
  let statements = 0;
  let polls = 0;
  // Keyed by the statement's text (cheap: this runs in the measured process); folded into shapes at the end.
  const texts = new Map();
  const count = (q) => {
    statements++;
    texts.set(q.sql, (texts.get(q.sql) ?? 0) + 1);
  };
  knex.client.on('query', count);
  // BENCH_CPU_PROFILE=<dir>: a V8 CPU profile of the app process over the run (open it in Chrome DevTools).
  const profiler = process.env.BENCH_CPU_PROFILE ? await startProfile() : null;
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  const ids = [];
  if (mode === 'single') {
    for (let i = 0; i < documentIds.length; i += 20) {
      const batch = await Promise.all(documentIds.slice(i, i + 20).map((contentDocumentId) => records.request({ accountId, contentDocumentId, action: 'publish', requestedBy: 'bench' })));
      ids.push(...batch.map((r) => r.record.id));
    }
  } else {
    for (let i = 0; i < documentIds.length; i += 250) {
      const batch = await records.requestMany({ accountId, contentDocumentIds: documentIds.slice(i, i + 250), action: 'publish', requestedBy: 'bench' });
      if (batch.refused.length || batch.replayed.length) throw new Error(`bench request refused or joined: ${JSON.stringify(batch.refused.slice(0, 3))}`);
      ids.push(...batch.created.map((r) => r.id));
    }
  }
  const requestedMs = Date.now() - started;
  const table = app.db.metadata.get('plugin::publishing.publishing-record').tableName;
  for (;;) {
    polls++;
    const [{ pending }] = await knex(table).whereIn('id', ids).andWhere('status', 'pending').count({ pending: '*' });
    if (Number(pending) === 0) break;
    if (Date.now() - started > timeoutMs) throw new Error(`${pending} publishes still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const elapsedMs = Date.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  knex.client.off('query', count);
  if (profiler) await profiler.stop(path.join(process.env.BENCH_CPU_PROFILE, `publishing-${mode}-${Date.now()}.cpuprofile`));
  const outcomes = await knex(table).whereIn('id', ids).select('status').count({ n: '*' }).groupBy('status');
  const errors = await knex(table).whereIn('id', ids).whereNotNull('error').distinct('error').limit(3);
  return { requestedMs, elapsedMs, appCpuMs: Math.round((cpu.user + cpu.system) / 1000), sqlStatements: statements - polls, sqlShapes: foldShapes(texts), errors: errors.map((e) => e.error), outcomes: Object.fromEntries(outcomes.map((o) => [o.status, Number(o.n)])) };
};

/**
 * Debit load run inside the app process, the way workers call the ledger: `clients` concurrent loops
 * for `durationMs`, each picking an account (or always the first when `hot`). Mode `ledger` goes
 * through the credits plugin (lock, idempotency check, ledger rows, balance); mode `raw` is one
 * conditional UPDATE on the same pool. Returns per-call latencies (ms) and counts.
 */
commands.seedAccounts = async (app, { count, credits }) => {
  const knex = app.db.connection;
  await knex.raw(
    `INSERT INTO accounts (document_id, name, slug, status, plan_credits, bonus_credits, held_credits, created_at, updated_at)
     SELECT 'bench' || lpad(g::text, 19, '0'), 'Bench ' || g, 'bench-' || g, 'active', ?, ?, 0, now(), now()
       FROM generate_series(1, ?) AS g`,
    [credits, credits, count]
  );
  const { rows } = await knex.raw(`SELECT id FROM accounts WHERE slug LIKE 'bench-%' ORDER BY id`);
  return rows.map((r) => r.id);
};

commands.debitLoad = async (app, { mode, accountIds, clients, durationMs, hot, profileFile }) => {
  const { randomUUID } = require('node:crypto');
  const ledger = app.plugin('credits').service('ledger');
  const knex = app.db.connection;
  const debit =
    mode === 'ledger'
      ? (accountId) => ledger.spend({ accountId, amount: 1, idempotencyKey: randomUUID(), actor: 'bench', reason: 'bench debit' })
      : (accountId) => knex.raw('UPDATE accounts SET plan_credits = plan_credits - 1 WHERE id = ? AND plan_credits >= 1', [accountId]);
  const latencies = [];
  let errors = 0;
  const sample = [];
  const walAt = async () => (await knex.raw('SELECT pg_current_wal_insert_lsn() AS lsn')).rows[0].lsn;
  const wal0 = await walAt();
  // Optional CPU profile of the timed part (`--profile`), written as a .cpuprofile file.
  let session;
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  if (profileFile) {
    session = new (require('node:inspector').Session)();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  const cpu0 = process.cpuUsage();
  const deadline = Date.now() + durationMs;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        const accountId = hot ? accountIds[0] : accountIds[Math.floor(Math.random() * accountIds.length)];
        const t0 = process.hrtime.bigint();
        try {
          await debit(accountId);
          latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        } catch (error) {
          errors++;
          if (sample.length < 3) sample.push(error.message);
        }
      }
    })
  );
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  // Load-independent figures: the app's CPU and the WAL written per debit (the machine is shared).
  const cpu = process.cpuUsage(cpu0);
  if (profileFile) {
    const { profile } = await post('Profiler.stop');
    session.disconnect();
    require('node:fs').writeFileSync(profileFile, JSON.stringify(profile));
  }
  const { rows } = await knex.raw('SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?) AS bytes', [wal0]);
  return { latencies, errors, errorSample: sample, elapsedMs, appCpuMs: (cpu.user + cpu.system) / 1000, walBytes: Number(rows[0].bytes) };
};

const main = async () => {
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: ROOT, distDir: process.env.BENCH_DIST_DIR, autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  await app.load();
  // Counts requests until the app has finished them, even when the client has gone: outermost Koa
  // middleware (Koa composes its middleware on the first request, so this is still in time).
  app.server.app.middleware.unshift(async (ctx, next) => {
    http.active++;
    try {
      await next();
    } finally {
      http.active--;
      http.answered++;
    }
  });
  // Listen without Strapi's startup banner.
  await new Promise((resolve, reject) => {
    app.server.mount();
    app.server.httpServer.once('error', reject);
    app.server.httpServer.listen(Number(process.env.PORT), '127.0.0.1', resolve);
  });

  process.on('message', async ({ id, cmd, args }) => {
    if (cmd === 'stop') {
      await commands.idle();
      await app.destroy().catch(() => undefined);
      process.send({ id, result: true }, () => process.exit(0));
      return;
    }
    try {
      process.send({ id, result: await commands[cmd](app, args) });
    } catch (error) {
      process.send({ id, error: error.message });
    }
  });
  process.send({ ready: true, nodeEnv: process.env.NODE_ENV ?? null });
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
