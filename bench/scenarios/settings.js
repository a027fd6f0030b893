// What effective-settings resolution costs per call: the settings resolver cached and uncached, beside a
// plain single-row read on the same database, in one app process, in alternating rounds; and the cached
// path as a share of a minimal AI job's overhead (Bull enqueue → worker → one OpenAI SDK call to a local
// zero-latency fake → completion). Target: cached < 5 % of the job.
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { prepareServices, compileApp } = require('../lib/env');
const { startApp } = require('../lib/app');
const { median, round, table } = require('../lib/stats');

const defaults = { rounds: 3, iterations: 2000, jobs: 300, target: 5 };
const usage = `settings [--rounds ${defaults.rounds}] [--iterations ${defaults.iterations}] [--jobs ${defaults.jobs}] [--target ${defaults.target}]`;
const PROBE = path.join(__dirname, '..', 'lib', 'settings-probe.js');

/** A local stand-in for the OpenAI chat completions endpoint, answering at once in the real wire format. */
const startFakeOpenAi = () =>
  new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({
          id: 'chatcmpl-bench', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: 'gpt-4o-mini',
          choices: [{ index: 0, message: { role: 'assistant', content: 'pong' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }));
      });
    });
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/v1`, close: () => new Promise((r) => server.close(r)) }));
  });

const run = async (options, { log }) => {
  const opts = { ...defaults, ...options };
  for (const key of Object.keys(defaults)) {
    opts[key] = Number(opts[key]);
    if (!Number.isFinite(opts[key]) || opts[key] < 1) throw new Error(`--${key} must be a number, at least 1`);
  }
  const result = {
    scenario: 'settings',
    startedAt: new Date().toISOString(),
    machine: { cpus: os.availableParallelism?.() ?? os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version },
    config: opts,
  };
  log('starting PostgreSQL and Redis');
  const services = await prepareServices({ log });
  const fake = await startFakeOpenAi();
  let app;
  try {
    log('compiling the app');
    const distDir = compileApp();
    log('booting the app');
    app = await startApp({
      distDir,
      env: { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, QUEUE_PREFIX: 'igny8bench', STRAPI_TELEMETRY_DISABLED: 'true', CRON_ENABLED: 'false', SEED_DEMO_DATA: 'false', ADMIN_EMAIL: '' },
    });
    const keys = { platformKey: `sk-bench-platform-${randomBytes(12).toString('hex')}`, accountKey: `sk-bench-account-${randomBytes(12).toString('hex')}` };
    const probe = (fn, args) => app.call('runModule', { file: PROBE, fn, args });
    const { accountId, live } = await probe('setup', { openaiBaseUrl: fake.url, ...keys });
    if (!live) throw new Error('the settings invalidation subscriber is not live: the cached path would not be measured');
    result.setup = { accountId, invalidationLive: live };

    log(`warming up`);
    await probe('resolution', { accountId, iterations: 200 });
    result.rounds = [];
    for (let r = 1; r <= opts.rounds; r++) {
      log(`round ${r}/${opts.rounds}: resolution x ${opts.iterations} per variant, then ${opts.jobs} minimal AI jobs`);
      const resolution = await probe('resolution', { accountId, iterations: opts.iterations });
      const job = await probe('job', { iterations: opts.jobs, openaiBaseUrl: fake.url, platformKey: keys.platformKey });
      result.rounds.push({ round: r, resolution, job });
      log(`  cached p50 ${round(resolution.cached.p50Us, 1)} µs, uncached p50 ${round(resolution.uncached.p50Us, 1)} µs, single row p50 ${round(resolution.singleRowQueryEngine.p50Us, 1)} µs, job p50 ${round(job.p50Us, 0)} µs`);
    }

    const variants = ['cached', 'cachedForCall', 'uncached', 'singleRowQueryEngine', 'singleRowKnex'];
    const med = (pick) => round(median(result.rounds.map(pick)), 2);
    result.summary = Object.fromEntries(
      variants.map((v) => [v, { meanUs: med((x) => x.resolution[v].meanUs), p50Us: med((x) => x.resolution[v].p50Us), p95Us: med((x) => x.resolution[v].p95Us), p99Us: med((x) => x.resolution[v].p99Us) }])
    );
    result.summary.minimalAiJob = { meanUs: med((x) => x.job.meanUs), p50Us: med((x) => x.job.p50Us), p95Us: med((x) => x.job.p95Us), p99Us: med((x) => x.job.p99Us) };
    // Share of the job: mean per call over mean per job (both include their tails).
    const share = (v) => round((result.summary[v].meanUs / result.summary.minimalAiJob.meanUs) * 100, 3);
    result.summary.cachedPctOfJob = share('cached');
    result.summary.cachedForCallPctOfJob = share('cachedForCall');
    result.summary.uncachedPctOfJob = share('uncached');
    result.verdict = result.summary.cachedForCallPctOfJob < opts.target ? 'PASS' : 'MISS';
    result.finishedAt = new Date().toISOString();
    return { result, text: report(result) };
  } finally {
    await app?.stop().catch(() => undefined);
    await fake.close();
    await services.stop();
  }
};

const report = (result) => {
  const { machine, config, summary } = result;
  const labels = {
    cached: 'resolver.effective (cached)',
    cachedForCall: 'resolver.forCall (cached + decrypt)',
    uncached: 'resolver.effectiveUncached (5 queries)',
    singleRowQueryEngine: 'single-row read (Query Engine)',
    singleRowKnex: 'single-row read (knex)',
    minimalAiJob: 'minimal AI job (Bull + SDK + fake)',
  };
  const rows = Object.entries(labels).map(([k, label]) => ({ label, mean: round(summary[k].meanUs, 1), p50: round(summary[k].p50Us, 1), p95: round(summary[k].p95Us, 1), p99: round(summary[k].p99Us, 1) }));
  return [
    `Scenario: settings (${config.rounds} rounds x ${config.iterations} calls per variant, ${config.jobs} jobs per round; sequential, in the app process)`,
    `Machine:  ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}`,
    '',
    table([
      { key: 'label', title: 'path', align: 'left' },
      { key: 'mean', title: 'mean µs' },
      { key: 'p50', title: 'p50 µs' },
      { key: 'p95', title: 'p95 µs' },
      { key: 'p99', title: 'p99 µs' },
    ], rows),
    '(medians over rounds)',
    '',
    `cached effective / job:            ${summary.cachedPctOfJob} %`,
    `cached forCall (with decrypt) / job: ${summary.cachedForCallPctOfJob} %  target < ${config.target} %  ${result.verdict}`,
    `uncached / job:                    ${summary.uncachedPctOfJob} %`,
  ].join('\n');
};

module.exports = { description: 'effective-settings resolution: cached vs uncached vs a single-row read, and vs a minimal AI job', usage, run };
