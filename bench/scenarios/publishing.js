// Posts published per second through the publishing plugin (request, Bull job, per-site slots,
// lease, draft then publish, history rows) against fake WordPress sites answering with 50 ms latency,
// beside the protocol floor: the same two HTTP calls per post straight to the fakes, same concurrency.
const os = require('node:os');
const path = require('node:path');
const { prepareServices, compileApp, ROOT } = require('../lib/env');
const { startApp } = require('../lib/app');
const { round, table } = require('../lib/stats');
const { tsRequire } = require('../lib/ts-require');

const defaults = { posts: 1000, sites: 20, latency: 50 };
const MODES = ['bulk', 'single'];
const usage = `publishing [--posts ${defaults.posts}] [--sites ${defaults.sites}] [--latency ${defaults.latency}] [--mode bulk|single|both]`;
const TARGET = 100;

/** The floor: create as draft then publish, directly, with the plugin's in-flight cap (2 per site). */
const direct = async (fakes, perSite) => {
  const started = Date.now();
  await Promise.all(
    fakes.flatMap((fake) =>
      Array.from({ length: 2 }, async (_, lane) => {
        const auth = `Basic ${Buffer.from(`${fake.username}:${fake.password.replace(/\s+/g, '')}`).toString('base64')}`;
        for (let n = lane; n < perSite; n += 2) {
          const created = await fetch(`${fake.url}/wp-json/wp/v2/posts`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ title: `direct ${n}`, content: `<p>${n}</p>`, status: 'draft' }) }).then((r) => r.json());
          await fetch(`${fake.url}/wp-json/wp/v2/posts/${created.id}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify({ status: 'publish' }) });
        }
      })
    )
  );
  return Date.now() - started;
};

const run = async (options, { log }) => {
  const opts = { ...defaults, ...options };
  const modes = !options.mode || options.mode === 'both' ? MODES : [options.mode];
  if (modes.some((m) => !MODES.includes(m))) throw new Error(`--mode must be one of ${MODES.join(', ')}, both`);
  delete opts.mode;
  for (const key of Object.keys(defaults)) {
    opts[key] = Number(opts[key]);
    if (!Number.isFinite(opts[key]) || opts[key] < 0) throw new Error(`--${key} must be a number`);
  }
  const perSite = Math.ceil(opts.posts / opts.sites);
  const { startFakeWordPress } = tsRequire(path.join(ROOT, 'tests', 'helpers', 'fake-wordpress.ts'));
  const fakes = await Promise.all(Array.from({ length: opts.sites }, () => startFakeWordPress({ latencyMs: opts.latency })));
  const result = {
    scenario: 'publishing',
    startedAt: new Date().toISOString(),
    machine: { cpus: os.availableParallelism?.() ?? os.cpus().length, node: process.version, loadAverage: os.loadavg().map((l) => round(l, 1)) },
    config: { ...opts, perSite },
    target: { postsPerSecond: TARGET, duplicates: 0 },
  };
  log('starting PostgreSQL and Redis');
  const services = await prepareServices({ log });
  let app;
  try {
    app = await startApp({
      distDir: compileApp(),
      env: {
        DATABASE_URL: services.databaseUrl,
        REDIS_URL: services.redisUrl,
        QUEUE_PREFIX: `igny8bench${process.pid}`,
        STRAPI_TELEMETRY_DISABLED: 'true',
        CRON_ENABLED: 'false',
        SEED_DEMO_DATA: 'false',
        RUN_WORKERS_IN_PROCESS: 'true',
        PUBLISHING_ALLOWED_HOSTS: fakes.map((f) => `127.0.0.1:${f.port}`).join(','),
      },
    });
    const runs = {};
    for (const mode of modes) {
      log(`[${mode}] connecting ${opts.sites} sites and creating ${perSite * opts.sites} contents`);
      const { accountId, documentIds } = await app.call('publishingSetup', { fakes: fakes.map((f) => ({ url: f.url, username: f.username, password: f.password })), postsPerSite: perSite });
      for (const fake of fakes) fake.posts.clear();
      log(`[${mode}] publishing through the plugin`);
      const plugin = await app.call('publishingRun', { accountId, documentIds, timeoutMs: 10 * 60_000, mode });
      const markers = documentIds.map((d) => `igny8ref${d.toLowerCase()}`);
      const copies = markers.map((m) => fakes.reduce((n, f) => n + f.postsWithMarker(m).length, 0));
      const duplicates = copies.filter((c) => c > 1).length;
      const missing = copies.filter((c) => c === 0).length;
      const published = fakes.reduce((n, f) => n + [...f.posts.values()].filter((p) => p.status === 'publish').length, 0);
      for (const fake of fakes) fake.posts.clear();
      const rate = (documentIds.length / plugin.elapsedMs) * 1000;
      runs[mode] = { posts: documentIds.length, elapsedMs: plugin.elapsedMs, requestMs: plugin.requestedMs, appCpuMsPerPost: round(plugin.appCpuMs / documentIds.length, 2), sqlPerPost: round(plugin.sqlStatements / documentIds.length, 1), sqlShapes: plugin.sqlShapes, errors: plugin.errors, postsPerSecond: round(rate, 1), outcomes: plugin.outcomes, publishedOnSites: published, duplicates, missing };
    }

    log('publishing directly (protocol floor)');
    const directMs = await direct(fakes, perSite);
    const directRate = ((perSite * opts.sites) / directMs) * 1000;
    const main = runs.bulk ?? runs[modes[0]];
    result.results = {
      ...Object.fromEntries(Object.entries(runs).map(([mode, r]) => [`plugin-${mode}`, r])),
      direct: { posts: perSite * opts.sites, elapsedMs: directMs, postsPerSecond: round(directRate, 1) },
      meets: { throughput: main.postsPerSecond >= TARGET, duplicates: Object.values(runs).every((r) => r.duplicates === 0 && r.missing === 0) },
    };
    const label = { bulk: 'plugin, records.requestMany (Bull, leases, history)', single: 'plugin, records.request per post (as before)' };
    const text = [
      `Publishing ${perSite * opts.sites} posts to ${opts.sites} fake WordPress sites (${opts.latency} ms latency per request, 2 in flight per site)`,
      `Target: >= ${TARGET} posts/s with 0 duplicates. Load average at start: ${result.machine.loadAverage.join(', ')}; at end: ${os.loadavg().map((l) => round(l, 1)).join(', ')}`,
      '',
      table(
        [
          { key: 'path', title: 'path', align: 'left' },
          { key: 'posts', title: 'posts' },
          { key: 'request', title: 'request s' },
          { key: 'seconds', title: 'total s' },
          { key: 'rate', title: 'posts/s' },
          { key: 'cpu', title: 'app CPU ms/post' },
          { key: 'sql', title: 'SQL/post' },
          { key: 'dups', title: 'duplicates' },
          { key: 'verdict', title: 'target', align: 'left' },
        ],
        [
          ...Object.entries(runs).map(([mode, r]) => ({ path: label[mode], posts: r.posts, request: round(r.requestMs / 1000, 1), seconds: round(r.elapsedMs / 1000, 1), rate: r.postsPerSecond, cpu: r.appCpuMsPerPost, sql: r.sqlPerPost, dups: `${r.duplicates} (missing ${r.missing})`, verdict: r.postsPerSecond >= TARGET ? 'ok' : 'MISS' })),
          { path: 'direct HTTP, same cap (floor)', posts: perSite * opts.sites, request: '-', seconds: round(directMs / 1000, 1), rate: round(directRate, 1), cpu: '-', sql: '-', dups: '-', verdict: '' },
        ]
      ),
    ].join('\n');
    return { result, text };
  } finally {
    await app?.stop().catch(() => undefined);
    await services.stop();
    await Promise.all(fakes.map((f) => f.close()));
  }
};

module.exports = { description: 'Posts/s through the publishing plugin against fake WordPress sites with latency, 0 duplicates', usage, run };
