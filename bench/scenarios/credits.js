// Ledger debits per second: through the credits plugin's ledger (row lock, idempotency key, ledger
// rows and balance in one transaction) beside a raw single-statement SQL debit on the same database
// and connection pool, in the same run, spread over many accounts and on one hot account.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { prepareServices, compileApp } = require('../lib/env');
const { startApp } = require('../lib/app');
const { median, percentile, round, table } = require('../lib/stats');

const defaults = { accounts: 1000, clients: 32, duration: 10, warmup: 2, rounds: 2, pool: 32 };
const usage = `credits [--accounts ${defaults.accounts}] [--clients ${defaults.clients}] [--duration ${defaults.duration}] [--warmup ${defaults.warmup}] [--rounds ${defaults.rounds}] [--pool ${defaults.pool}] [--profile]`;
const RESULTS = path.join(__dirname, '..', 'results');
const TARGETS = { spreadPerSec: 2000, hotPerSec: 300, p99Ms: 20, maxRatio: 2 };

const run = async (options, { log }) => {
  const { profile, ...rest } = options;
  const opts = { ...defaults, ...rest };
  for (const key of Object.keys(defaults)) {
    opts[key] = Number(opts[key]);
    if (!Number.isFinite(opts[key]) || opts[key] < (key === 'warmup' ? 0 : 1)) throw new Error(`--${key} must be a positive number`);
  }
  const result = {
    scenario: 'credits',
    startedAt: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
    machine: { cpus: os.availableParallelism?.() ?? os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version },
    config: opts,
    targets: TARGETS,
  };
  log('starting PostgreSQL and Redis');
  const services = await prepareServices({ log });
  let app;
  try {
    result.config.database = services.embedded ? 'embedded PostgreSQL (temp dir)' : 'BENCH_DATABASE_URL server (fresh database)';
    log('compiling and booting the app');
    app = await startApp({
      distDir: compileApp(),
      env: {
        DATABASE_URL: services.databaseUrl,
        DATABASE_POOL_MAX: String(opts.pool),
        REDIS_URL: services.redisUrl,
        QUEUE_PREFIX: 'igny8bench',
        STRAPI_TELEMETRY_DISABLED: 'true',
        CRON_ENABLED: 'false',
        SEED_DEMO_DATA: 'false',
        NODE_ENV: 'production',
      },
    });
    const accountIds = await app.call('seedAccounts', { count: opts.accounts, credits: 1_000_000_000 });
    log(`${accountIds.length} accounts seeded`);

    const cases = [];
    for (const hot of [false, true]) for (const mode of ['ledger', 'raw']) cases.push({ hot, mode });
    const samples = new Map(cases.map((c) => [`${c.hot}:${c.mode}`, []]));
    for (let round_ = 1; round_ <= opts.rounds; round_++) {
      for (const c of cases) {
        const args = { mode: c.mode, accountIds, clients: opts.clients, hot: c.hot };
        if (opts.warmup) await app.call('debitLoad', { ...args, durationMs: opts.warmup * 1000 });
        log(`round ${round_}: ${c.mode} ${c.hot ? 'hot account' : `${accountIds.length} accounts`}`);
        // --profile: a CPU profile of the app process for each case's last round, in bench/results.
        const profileFile = profile && round_ === opts.rounds ? path.join(RESULTS, `credits-${c.mode}-${c.hot ? 'hot' : 'spread'}.cpuprofile`) : undefined;
        if (profileFile) fs.mkdirSync(RESULTS, { recursive: true });
        const r = await app.call('debitLoad', { ...args, durationMs: opts.duration * 1000, profileFile });
        if (profileFile) log(`CPU profile: ${profileFile} (node bench/lib/profile-summary.js <file>)`);
        if (r.errors) throw new Error(`${c.mode} debits failed ${r.errors} times: ${r.errorSample.join(' | ')}`);
        const sorted = r.latencies.sort((a, b) => a - b);
        samples.get(`${c.hot}:${c.mode}`).push({
          perSec: (sorted.length / r.elapsedMs) * 1000,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          count: sorted.length,
          appCpuUs: (r.appCpuMs * 1000) / sorted.length,
          walBytes: r.walBytes / sorted.length,
        });
      }
    }

    const summary = (key) => {
      const runs = samples.get(key);
      return {
        perSec: round(median(runs.map((s) => s.perSec)), 0),
        p50Ms: round(median(runs.map((s) => s.p50))),
        p99Ms: round(median(runs.map((s) => s.p99))),
        appCpuUsPerDebit: round(median(runs.map((s) => s.appCpuUs)), 0),
        walBytesPerDebit: round(median(runs.map((s) => s.walBytes)), 0),
        debits: runs.reduce((n, s) => n + s.count, 0),
        rounds: runs.map((s) => round(s.perSec, 0)),
      };
    };
    result.results = {};
    for (const hot of [false, true]) {
      const name = hot ? 'hot' : 'spread';
      const ledger = summary(`${hot}:ledger`);
      const raw = summary(`${hot}:raw`);
      // Time per debit, ours over raw, at the same concurrency: the inverse ratio of throughputs.
      const ratio = round(raw.perSec / ledger.perSec, 2);
      const target = hot ? TARGETS.hotPerSec : TARGETS.spreadPerSec;
      result.results[name] = {
        ledger,
        raw,
        timePerDebitRatio: ratio,
        meets: { throughput: ledger.perSec >= target, p99: ledger.p99Ms <= TARGETS.p99Ms, ratio: ratio <= TARGETS.maxRatio },
      };
    }
    const rows = Object.entries(result.results).flatMap(([name, r]) => [
      { case: `${name} (ledger)`, perSec: r.ledger.perSec, p50: r.ledger.p50Ms, p99: r.ledger.p99Ms, ratio: r.timePerDebitRatio, cpu: r.ledger.appCpuUsPerDebit, wal: r.ledger.walBytesPerDebit, verdict: Object.entries(r.meets).map(([k, ok]) => `${k} ${ok ? 'ok' : 'MISS'}`).join(', ') },
      { case: `${name} (raw SQL)`, perSec: r.raw.perSec, p50: r.raw.p50Ms, p99: r.raw.p99Ms, ratio: null, cpu: r.raw.appCpuUsPerDebit, wal: r.raw.walBytesPerDebit, verdict: '' },
    ]);
    result.loadAverage = os.loadavg().map((l) => round(l, 2));
    const text = [
      `Load average (1, 5, 15 min): ${result.loadAverageAtStart.join(', ')} at the start, ${result.loadAverage.join(', ')} at the end`,
      `Ledger debits, ${opts.clients} concurrent clients, pool ${opts.pool}, ${opts.rounds} rounds of ${opts.duration}s (medians), ${result.config.database}`,
      `Targets: spread >= ${TARGETS.spreadPerSec}/s, hot >= ${TARGETS.hotPerSec}/s, p99 <= ${TARGETS.p99Ms} ms, time per debit <= ${TARGETS.maxRatio}x raw SQL`,
      '',
      table(
        [
          { key: 'case', title: 'case', align: 'left' },
          { key: 'perSec', title: 'debits/s' },
          { key: 'p50', title: 'p50 ms' },
          { key: 'p99', title: 'p99 ms' },
          { key: 'ratio', title: 'x raw' },
          { key: 'cpu', title: 'app CPU µs' },
          { key: 'wal', title: 'WAL B' },
          { key: 'verdict', title: 'targets', align: 'left' },
        ],
        rows
      ),
    ].join('\n');
    return { result, text };
  } finally {
    await app?.stop().catch(() => undefined);
    await services.stop();
  }
};

module.exports = { description: 'Ledger debits/s (spread over 1,000 accounts and one hot account) beside raw SQL', usage, run };
