// Monitoring: p95 of every widget and report route on generated data, and what the API monitor
// middleware adds to request time, measured against the same requests without it in one run.
const os = require('node:os');
const { prepareServices, compileApp, withClient } = require('../lib/env');
const { startApp } = require('../lib/app');
const { runLoad } = require('../lib/load');
const { median, percentile, round, table } = require('../lib/stats');

const SCALES = {
  full: { accounts: 10000, contents: 1000000, tasks: 100000, keywords: 100000, usageLogs: 1000000, invoices: 60000, payments: 5000, apiRoutes: 200 },
  small: { accounts: 1000, contents: 100000, tasks: 10000, keywords: 10000, usageLogs: 100000, invoices: 6000, payments: 500, apiRoutes: 50 },
};
const defaults = { scale: 'full', connections: 2, duration: 5, warmup: 2, rounds: 4, overheadDuration: 4, overheadConnections: 4 };
const usage = `monitoring [--scale full|small] [--connections ${defaults.connections}] [--duration ${defaults.duration}] [--warmup ${defaults.warmup}] [--rounds ${defaults.rounds}] [--overhead-duration ${defaults.overheadDuration}] [--overhead-connections ${defaults.overheadConnections}]`;
const TARGETS = { widgetP95Ms: 100, reportP95Ms: 1000, monitorOverheadPct: 2 };
const ADMIN = { email: 'bench-admin@igny8.test', password: 'Bench-Admin-pass-2026' };

const WIDGETS = ['accounts', 'content', 'billing', 'health', 'queues', 'activity'].map((name) => ({ name: `widget ${name}`, path: `/monitoring/widgets/${name}`, kind: 'widget' }));
// The floor of any admin request: JWT check, user and role load, CASL ability (no monitoring code).
const FLOOR = { name: 'admin floor: /admin/users/me', path: '/admin/users/me', kind: 'reference' };
const REPORTS = [
  { name: 'api monitor, last hour', path: '/monitoring/api-monitor?window=hour', kind: 'report' },
  { name: 'api monitor, last day', path: '/monitoring/api-monitor?window=day', kind: 'report' },
  { name: 'health (full)', path: '/monitoring/health', kind: 'report' },
  { name: 'alerts list', path: '/monitoring/alerts', kind: 'report' },
  { name: 'report revenue (6 months)', path: '/monitoring/reports/revenue', kind: 'report' },
  { name: 'report credits (30 days)', path: '/monitoring/reports/credits', kind: 'report' },
  { name: 'report content (30 days)', path: '/monitoring/reports/content', kind: 'report' },
  { name: 'report data quality', path: '/monitoring/reports/data-quality', kind: 'report' },
  { name: 'report data quality, CSV', path: '/monitoring/reports/data-quality/csv', kind: 'report' },
];
// The account list's health column asks for one page (the route is read like a widget: p95 <= 100 ms).
const ACCOUNT_HEALTH = { name: 'account health, 100 accounts', kind: 'widget' };

/** Bulk rows straight into PostgreSQL, shaped like the app's own (no relation links: the widgets read the base tables). */
const generate = async (databaseUrl, scale, log) => {
  const timings = {};
  await withClient(databaseUrl, async (c) => {
    const step = async (name, sql) => {
      const t = Date.now();
      const { rowCount } = await c.query(sql);
      timings[name] = { rows: rowCount, ms: Date.now() - t };
      log(`  ${name.padEnd(22)} ${String(rowCount).padStart(9)} rows  ${((Date.now() - t) / 1000).toFixed(1)} s`);
    };
    const doc = (p) => `substr(md5('${p}:' || g), 1, 24)`;
    await step('accounts', `INSERT INTO accounts (document_id, name, slug, status, plan_credits, bonus_credits, held_credits, is_system, created_at, updated_at, published_at)
      SELECT ${doc('acc')}, 'Bench ' || g, 'bench-' || g, (ARRAY['active','active','active','trial','suspended'])[1 + g % 5], (g * 37) % 5000, 0, 0, false, now() - (g % 700) * interval '1 day', now(), now()
        FROM generate_series(1, ${scale.accounts}) g`);
    // 1 in 20 lacks its SEO fields (a data-quality finding is the exception, not the rule).
    await step('contents', `INSERT INTO contents (document_id, title, word_count, content_type, editorial_status, publishing_status, meta_title, meta_description, primary_keyword, created_at, updated_at, published_at)
      SELECT ${doc('content')}, 'Bench content ' || g, 500 + g % 2000, (ARRAY['post','post','post','page','product'])[1 + g % 5], 'draft', 'not_published',
             CASE WHEN g % 20 <> 0 THEN 'Bench title ' || g END, CASE WHEN g % 20 <> 0 THEN 'Bench description' END, CASE WHEN g % 40 <> 0 THEN 'bench keyword' END,
             now() - (g % 525600) * interval '1 minute' * 0.6, now(), now()
        FROM generate_series(1, ${scale.contents}) g`);
    await step('tasks', `INSERT INTO tasks (document_id, title, status, created_at, updated_at, published_at)
      SELECT ${doc('task')}, 'Bench task ' || g, (ARRAY['queued','in_progress','completed','completed','cancelled'])[1 + g % 5], now() - (g % 90) * interval '1 day', now(), now()
        FROM generate_series(1, ${scale.tasks}) g`);
    await step('keywords', `INSERT INTO keywords (document_id, keyword, volume, difficulty, created_at, updated_at, published_at)
      SELECT ${doc('kw')}, 'bench keyword ' || g, (g * 7919) % 100000, (g * 31) % 101, now(), now(), now()
        FROM generate_series(1, ${scale.keywords}) g`);
    await step('credit usage (ledger)', `INSERT INTO credit_usage_logs (account_id, operation, credits, usd_cost, provider, model, key_source, created_at)
      SELECT 1 + g % ${scale.accounts}, (ARRAY['content_generation','image_generation','keyword_clustering'])[1 + g % 3], 1 + g % 50, (g % 50) * 0.002,
             (ARRAY['openai','openai','anthropic'])[1 + g % 3], (ARRAY['gpt-4o-mini','gpt-4o','claude-sonnet-4-5','dall-e-3'])[1 + g % 4],
             (ARRAY['platform','platform','platform','account'])[1 + g % 4], now() - (g % 129600) * interval '1 minute'
        FROM generate_series(1, ${scale.usageLogs}) g`);
    // Relations the reports and account health read (Strapi 5 link tables): 9 in 10 contents and every
    // keyword belong to an account (the rest are "orphaned"), half the tasks have a cluster, and every
    // 50th keyword repeats another's text in the same account ("duplicates").
    await step('contents → account', `INSERT INTO contents_account_lnk (content_id, account_id)
      SELECT c.id, (SELECT min(id) FROM accounts) + c.id % ${scale.accounts} FROM contents c WHERE c.id % 10 <> 0`);
    await step('keywords → account', `INSERT INTO keywords_account_lnk (keyword_id, account_id)
      SELECT k.id, (SELECT min(id) FROM accounts) + k.id % ${scale.accounts} FROM keywords k`);
    await step('duplicate keywords', `UPDATE keywords SET keyword = 'bench keyword ' || (id - ${scale.accounts}) WHERE id % 50 = 0 AND id > ${scale.accounts}`);
    await step('clusters', `INSERT INTO clusters (document_id, name, status, created_at, updated_at, published_at)
      SELECT ${doc('cluster')}, 'Bench cluster ' || g, 'active', now(), now(), now() FROM generate_series(1, 1000) g`);
    await step('tasks → cluster', `INSERT INTO tasks_cluster_lnk (task_id, cluster_id)
      SELECT t.id, (SELECT min(id) FROM clusters) + t.id % 1000 FROM tasks t WHERE t.id % 2 = 0`);
    await step('invoices', `INSERT INTO billing_invoices (document_id, number, type, status, currency, line_items, subtotal, tax, total, credits, paid_at, created_at, updated_at, published_at)
      SELECT ${doc('inv')}, 'BENCH-' || g, 'subscription', (ARRAY['paid','paid','paid','pending','void'])[1 + g % 5], 'USD', '[]', 49, 0, 49, 0,
             CASE WHEN g % 5 < 3 THEN now() - (g % 180) * interval '1 day' END, now() - (g % 180) * interval '1 day', now(), now()
        FROM generate_series(1, ${scale.invoices}) g`);
    await step('payments', `INSERT INTO billing_payments (document_id, amount, currency, method, status, created_at, updated_at, published_at)
      SELECT ${doc('pay')}, 49, 'USD', 'bank_transfer', (ARRAY['succeeded','succeeded','succeeded','pending_approval','failed'])[1 + g % 5], now() - (g % 60) * interval '1 day', now(), now()
        FROM generate_series(1, ${scale.payments}) g`);
    // A day of API monitor aggregates: every minute of `apiRoutes` routes, each with a plausible histogram.
    await step('api monitor minutes', `INSERT INTO monitoring_api_minutes (minute, method, route, module, count, client_errors, server_errors, duration_sum_ms, duration_max_ms, h3, h5, h8, h11, h15)
      SELECT date_trunc('minute', now()) - m * interval '1 minute', 'GET', '/api/bench-route-' || r || '/:id', 'bench-module-' || (r % 12), 100, 2, 1, 1500, 480, 40, 30, 20, 8, 2
        FROM generate_series(0, 1439) m, generate_series(1, ${scale.apiRoutes}) r`);
    const t = Date.now();
    await c.query('VACUUM (ANALYZE) accounts, contents, tasks, keywords, clusters, contents_account_lnk, keywords_account_lnk, tasks_cluster_lnk, credit_usage_logs, billing_invoices, billing_payments, monitoring_api_minutes');
    timings['vacuum analyze'] = { ms: Date.now() - t };
    log(`  vacuum analyze ${((Date.now() - t) / 1000).toFixed(1)} s`);
  });
  return timings;
};

const run = async (options, { log }) => {
  const opts = { ...defaults, ...options };
  if (options['overhead-duration'] !== undefined) opts.overheadDuration = options['overhead-duration'];
  if (options['overhead-connections'] !== undefined) opts.overheadConnections = options['overhead-connections'];
  delete opts['overhead-duration'];
  delete opts['overhead-connections'];
  const scale = SCALES[opts.scale];
  if (!scale) throw new Error('--scale must be full or small');
  for (const key of ['connections', 'duration', 'warmup', 'rounds', 'overheadDuration', 'overheadConnections']) {
    opts[key] = Number(opts[key]);
    if (!Number.isFinite(opts[key]) || opts[key] < (key === 'warmup' ? 0 : 1)) throw new Error(`--${key} must be a positive number`);
  }
  const result = {
    scenario: 'monitoring',
    startedAt: new Date().toISOString(),
    machine: { cpus: os.availableParallelism?.() ?? os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: round(os.totalmem() / 1024 ** 3, 1), node: process.version },
    config: { ...opts, rows: scale },
    targets: TARGETS,
    loadAverage: { start: os.loadavg().map((v) => round(v, 2)) },
  };
  log('starting PostgreSQL and Redis');
  const services = await prepareServices({ log });
  let app;
  try {
    log('compiling and booting the app');
    app = await startApp({
      distDir: compileApp(),
      env: {
        DATABASE_URL: services.databaseUrl,
        REDIS_URL: services.redisUrl,
        QUEUE_PREFIX: 'igny8benchmon',
        STRAPI_TELEMETRY_DISABLED: 'true',
        CRON_ENABLED: 'false',
        SEED_DEMO_DATA: 'false',
        NODE_ENV: 'production',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        MONITORING_ALERTS_EVERY_MS: '0',
        // Reports are measured uncached (they are cached 60 s per process in production).
        MONITORING_REPORT_CACHE_MS: '0',
      },
    });
    log(`generating data (${opts.scale})`);
    result.generation = await generate(services.databaseUrl, scale, log);

    // The load marked its past days dirty: fold them into the rollups (what the first reader or the next
    // tick would do), then time a build from nothing and an idle tick.
    result.rollups = await app.call('monitoringRollups');
    log(`rollups: catch-up ${round(result.rollups.catchUp.ms)} ms, backfill ${round(result.rollups.backfill.ms)} ms, tick ${round(result.rollups.tick.ms)} ms`);

    const login = await fetch(`${app.baseUrl}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    if (!login.ok) throw new Error(`admin login failed: ${login.status} ${await login.text()}`);
    const headers = { authorization: `Bearer ${(await login.json()).data.token}` };

    const accountIds = (await withClient(services.databaseUrl, (c) => c.query('SELECT id FROM accounts ORDER BY id LIMIT 100'))).rows.map((r) => r.id);
    REPORTS.push({ ...ACCOUNT_HEALTH, path: `/monitoring/account-health?ids=${accountIds.join(',')}` });
    // Every route answers 200 with figures before anything is measured.
    result.checks = {};
    for (const route of [...WIDGETS, ...REPORTS]) {
      const res = await fetch(`${app.baseUrl}${route.path}`, { headers });
      const body = await res.json().catch(() => null);
      if (res.status !== 200) throw new Error(`${route.path} answered ${res.status}: ${JSON.stringify(body)}`);
      result.checks[route.path] = route.path.includes('widgets/content') ? body.data : route.path.includes('widgets/accounts') ? body.data : 'ok';
    }
    log(`checks passed: content ${JSON.stringify(result.checks['/monitoring/widgets/content'])}`);

    // 1. The services alone (SQL and Redis, no HTTP or admin auth), then each route over HTTP.
    const timings = await app.call('monitoringServiceTimings', { iterations: 30 });
    result.services = Object.entries(timings).map(([name, times]) => {
      const target = name.startsWith('widget') || name.startsWith('account health') ? TARGETS.widgetP95Ms : TARGETS.reportP95Ms;
      const p95 = round(percentile(times, 95));
      return { name, p50: round(percentile(times, 50)), p95, max: round(times[times.length - 1]), target, verdict: p95 <= target ? 'PASS' : 'MISS' };
    });
    result.routes = [];
    for (const route of [FLOOR, ...WIDGETS, ...REPORTS]) {
      if (opts.warmup) await runLoad({ url: `${app.baseUrl}${route.path}`, headers, connections: opts.connections, duration: opts.warmup });
      log(`measuring ${route.name}`);
      const r = await runLoad({ url: `${app.baseUrl}${route.path}`, headers, connections: opts.connections, duration: opts.duration });
      const target = route.kind === 'widget' ? TARGETS.widgetP95Ms : route.kind === 'report' ? TARGETS.reportP95Ms : null;
      // No request completed within the segment: nothing to judge (a null p95 is not a pass).
      const verdict = r.non2xx + r.errors || !r.requests ? 'INVALID' : target === null ? '' : r.latencyMs.p95 <= target ? 'PASS' : 'MISS';
      result.routes.push({ ...route, rps: r.rps, p50: r.latencyMs.p50, p95: r.latencyMs.p95, p99: r.latencyMs.p99, non2xx: r.non2xx + r.errors, target, verdict });
    }

    // 2. API monitor overhead: the same requests with recording on and off, alternating order per round.
    result.micro = await app.call('apiMonitorMicro', { iterations: 200000 });
    const OVERHEAD_ROUTES = [
      { name: 'public health (cheap, cached)', path: '/api/monitoring/health', headers: {} },
      { name: 'widget content (database)', path: '/monitoring/widgets/content', headers },
    ];
    result.overhead = [];
    // Each round is ABBA (on, off, off, on; the next round BAAB), so both modes get the same positions:
    // on this shared machine consecutive measurements differ by far more than 2% for reasons of their own.
    const measure = async (route, on) => {
      await app.call('setApiMonitor', on);
      if (opts.warmup) await runLoad({ url: `${app.baseUrl}${route.path}`, headers: route.headers, connections: opts.overheadConnections, duration: opts.warmup });
      const before = await app.call('idle');
      const r = await runLoad({ url: `${app.baseUrl}${route.path}`, headers: route.headers, connections: opts.overheadConnections, duration: opts.overheadDuration });
      const after = await app.call('idle');
      return { on, rps: r.rps, meanMs: r.latencyMs.mean, p95: r.latencyMs.p95, requests: r.requests, cpuMs: (after.cpuMicros - before.cpuMicros) / 1000, answered: after.answered - before.answered, errors: r.non2xx + r.errors };
    };
    for (const route of OVERHEAD_ROUTES) {
      const segments = [];
      for (let i = 0; i < opts.rounds; i++) {
        const order = i % 2 ? [false, true, true, false] : [true, false, false, true];
        for (const on of order) segments.push(await measure(route, on));
        const last = segments.slice(-4);
        const pct = (on) => last.filter((x) => x.on === on).reduce((s_, x) => s_ + x.meanMs, 0);
        log(`overhead ${route.name} round ${i + 1}: latency ${round((pct(true) / pct(false) - 1) * 100, 2)}%`);
      }
      const agg = (on) => {
        const list = segments.filter((x) => x.on === on);
        const requests = list.reduce((n, x) => n + x.requests, 0);
        // Request-weighted mean latency; app CPU per answered request.
        return {
          meanMs: list.reduce((n, x) => n + x.meanMs * x.requests, 0) / requests,
          rps: median(list.map((x) => x.rps)),
          cpuMsPerReq: list.reduce((n, x) => n + x.cpuMs, 0) / list.reduce((n, x) => n + x.answered, 0),
          requests,
          errors: list.reduce((n, x) => n + x.errors, 0),
        };
      };
      const on = agg(true);
      const off = agg(false);
      const latency = (on.meanMs / off.meanMs - 1) * 100;
      result.overhead.push({
        name: route.name,
        path: route.path,
        on: { ...on, meanMs: round(on.meanMs, 3), cpuMsPerReq: round(on.cpuMsPerReq, 4) },
        off: { ...off, meanMs: round(off.meanMs, 3), cpuMsPerReq: round(off.cpuMsPerReq, 4) },
        segments,
        latencyOverheadPct: round(latency, 2),
        cpuOverheadPct: round((on.cpuMsPerReq / off.cpuMsPerReq - 1) * 100, 2),
        // The middleware's own in-process cost against this route's mean request time.
        microOverheadPct: round((result.micro.costMicros / 1000 / off.meanMs) * 100, 3),
        verdict: on.errors + off.errors ? 'INVALID' : latency <= TARGETS.monitorOverheadPct ? 'PASS' : 'MISS',
      });
    }
    await app.call('setApiMonitor', true);
    result.loadAverage.end = os.loadavg().map((v) => round(v, 2));

    const text = [
      `Monitoring routes at ${opts.scale} scale (${Object.entries(scale).map(([k, v]) => `${v} ${k}`).join(', ')}), ${opts.connections} connections, ${opts.duration}s each`,
      `Targets: widgets p95 <= ${TARGETS.widgetP95Ms} ms, reports p95 <= ${TARGETS.reportP95Ms} ms, API monitor overhead <= ${TARGETS.monitorOverheadPct}%`,
      `Load average (1, 5, 15 min): ${result.loadAverage.start.join(', ')} at the start, ${result.loadAverage.end.join(', ')} at the end`,
      `Daily rollups: catch-up after the load ${round(result.rollups.catchUp.ms)} ms, backfill from nothing ${round(result.rollups.backfill.ms)} ms, idle tick ${round(result.rollups.tick.ms)} ms; rows ${result.rollups.sizes.map((r) => `${r.table} ${r.rows}`).join(', ')}`,
      '',
      'Services called in process (SQL and Redis only; 30 sequential calls each, 5 for the whole-table paths):',
      table(
        [
          { key: 'name', title: 'service', align: 'left' },
          { key: 'p50', title: 'p50 ms' },
          { key: 'p95', title: 'p95 ms' },
          { key: 'max', title: 'max ms' },
          { key: 'target', title: 'target' },
          { key: 'verdict', title: 'verdict', align: 'left' },
        ],
        result.services
      ),
      '',
      `Routes over HTTP with admin auth (${opts.connections} connections):`,
      table(
        [
          { key: 'name', title: 'route', align: 'left' },
          { key: 'rps', title: 'req/s' },
          { key: 'p50', title: 'p50 ms' },
          { key: 'p95', title: 'p95 ms' },
          { key: 'p99', title: 'p99 ms' },
          { key: 'target', title: 'target' },
          { key: 'verdict', title: 'verdict', align: 'left' },
        ],
        result.routes
      ),
      '',
      `API monitor on vs off, ${opts.rounds} ABBA rounds of ${opts.overheadDuration}s segments at ${opts.overheadConnections} connections.`,
      `API monitor middleware, in process: ${round(result.micro.costMicros, 2)} µs per request (recording on ${round(result.micro.onMicros, 2)} µs, off ${round(result.micro.offMicros, 2)} µs)`,
      table(
        [
          { key: 'name', title: 'same requests, monitor on vs off', align: 'left' },
          { key: 'latencyOverheadPct', title: 'latency +%' },
          { key: 'cpuOverheadPct', title: 'app CPU +%' },
          { key: 'microOverheadPct', title: 'in-process +%' },
          { key: 'onMs', title: 'mean ms on' },
          { key: 'offMs', title: 'mean ms off' },
          { key: 'verdict', title: 'verdict', align: 'left' },
        ],
        result.overhead.map((o) => ({ ...o, onMs: o.on.meanMs, offMs: o.off.meanMs }))
      ),
    ].join('\n');
    return { result, text };
  } finally {
    await app?.stop().catch(() => undefined);
    await services.stop();
  }
};

module.exports = { description: 'Widget and report routes on generated data; API monitor middleware overhead (on vs off, one run)', usage, run };
