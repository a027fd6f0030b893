// AI runs per second through the whole path (reserve, Bull, provider call through the official OpenAI SDK,
// parse + schema check, save, capture, run log) against a zero-latency fake OpenAI, with one and two
// worker processes, beside plain Bull processing empty jobs on the same Redis, same concurrency, same
// number of processes, in the same run. Also CPU and SQL queries per run in the worker processes, and the
// run log's mean time per phase.
const { fork, spawnSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const Bull = require('bull');
const { prepareServices, compileApp, ROOT } = require('../lib/env');
const { startApp } = require('../lib/app');
const { round, table } = require('../lib/stats');
const { tsRequire } = require('../lib/ts-require');
const { startCpuWindow, parentOf } = require('../lib/proc-cpu');

const defaults = { runs: 1500, jobs: 20000, concurrency: 8, workers: '1,2', accounts: '1,16', warmup: 4500 };
const usage = `ai [--runs ${defaults.runs}] [--jobs ${defaults.jobs}] [--concurrency ${defaults.concurrency}] [--workers ${defaults.workers}] [--accounts ${defaults.accounts}] [--warmup ${defaults.warmup}] [--profile]`;
const TARGET = 300;
const PROBE = path.join(__dirname, '..', 'lib', 'ai-probe.js');
const EMPTY_WORKER = path.join(__dirname, '..', 'lib', 'bull-empty-worker.js');


/**
 * Plain Bull: `jobs` empty jobs added while paused, then `processes` processes at `concurrency` drain them.
 * With `openai` ({ baseUrl, key }), each job makes one SDK call to the fake instead (Bull + SDK floor).
 */
const emptyBaseline = async ({ redisUrl, prefix, jobs, processes, concurrency, log, openai, families }) => {
  const name = `bench-${openai ? 'sdk' : 'empty'}-${processes}-${Date.now()}`;
  const queue = new Bull(name, redisUrl, { prefix });
  await queue.pause();
  for (let i = 0; i < jobs; i += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, jobs - i) }, () => ({ data: {}, opts: { removeOnComplete: true } })));
  }
  const children = await Promise.all(
    Array.from({ length: processes }, () =>
      new Promise((resolve, reject) => {
        const sdk = openai ? { BENCH_OPENAI_BASE_URL: openai.baseUrl, BENCH_OPENAI_KEY: openai.key } : {};
        const child = fork(EMPTY_WORKER, [], { env: { ...process.env, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, BENCH_QUEUE: name, BENCH_CONCURRENCY: String(concurrency), ...sdk }, stdio: ['ignore', 2, 2, 'ipc'] });
        child.once('message', (m) => (m.ready ? resolve(child) : reject(new Error('empty worker failed'))));
        child.once('exit', (code) => reject(new Error(`empty worker exited (${code})`)));
      })
    )
  );
  const ask = (child, message, key) => new Promise((resolve) => {
    const on = (m) => {
      if (m[key] !== undefined) {
        child.off('message', on);
        resolve(m[key]);
      }
    };
    child.on('message', on);
    child.send(message);
  });
  await Promise.all(children.map((c) => ask(c, 'begin', 'begun')));
  log(`  plain Bull: ${jobs} ${openai ? 'jobs with one SDK call each' : 'empty jobs'}, ${processes} process(es) x concurrency ${concurrency}`);
  const window = startCpuWindow({ bench: process.pid, worker: children.map((c) => c.pid) }, families);
  const started = Date.now();
  await queue.resume();
  for (;;) {
    const counts = await queue.getJobCounts();
    if (counts.waiting + counts.active + counts.delayed === 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const elapsedMs = Date.now() - started;
  const machine = window.stop();
  const reports = await Promise.all(children.map((c) => ask(c, 'report', 'report')));
  await Promise.all(children.map((c) => new Promise((resolve) => { c.once('exit', resolve); c.send('stop'); })));
  await queue.obliterate({ force: true }).catch(() => undefined);
  await queue.close();
  const done = reports.reduce((n, r) => n + r.done, 0);
  const cpuMs = reports.reduce((n, r) => n + r.cpuMs, 0);
  return { jobs: done, elapsedMs, perSecond: (done / elapsedMs) * 1000, cpuMsPerJob: cpuMs / done, machine: perUnit(machine, done) };
};

/** A CPU window (proc-cpu) per job: milliseconds of CPU per role and for the whole machine, and its idle share. */
const perUnit = (machine, n) => ({
  busyMsPerJob: round(machine.busyMs / n, 2),
  idleShare: machine.idleShare === null ? null : round(machine.idleShare, 2),
  msPerJob: Object.fromEntries(Object.entries(machine.byRole).sort((a, b) => b[1] - a[1]).map(([role, ms]) => [role, round(ms / n, 2)])),
  // What `other` was: processes outside the bench's own (kernel threads, the npm wrapper, other users).
  otherMsPerJob: Object.fromEntries(Object.entries(machine.otherByCommand).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([comm, ms]) => [comm, round(ms / n, 3)])),
});

const machineLine = (m) => `${m.busyMsPerJob} busy (${Object.entries(m.msPerJob).map(([k, v]) => `${k} ${v}`).join(', ')}), idle ${Math.round(m.idleShare * 100)}%`;

const run = async (options, { log }) => {
  const opts = { ...defaults, ...options };
  for (const key of ['runs', 'jobs', 'concurrency']) {
    opts[key] = Number(opts[key]);
    if (!Number.isInteger(opts[key]) || opts[key] < 1) throw new Error(`--${key} must be a whole number, at least 1`);
  }
  opts.warmup = Number(opts.warmup);
  if (!Number.isInteger(opts.warmup) || opts.warmup < 0) throw new Error('--warmup must be a whole number, at least 0');
  const workerCounts = String(opts.workers).split(',').map(Number);
  if (workerCounts.some((n) => !Number.isInteger(n) || n < 1 || n > 4)) throw new Error('--workers must list process counts between 1 and 4, e.g. 1,2');
  const accountCounts = String(opts.accounts).split(',').map(Number);
  if (accountCounts.some((n) => !Number.isInteger(n) || n < 1 || n > 1000)) throw new Error('--accounts must list account counts between 1 and 1000, e.g. 1,16');
  const result = {
    scenario: 'ai',
    startedAt: new Date().toISOString(),
    machine: { cpus: os.availableParallelism?.() ?? os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version, loadAverage: os.loadavg().map((l) => round(l, 1)) },
    config: { ...opts, workers: workerCounts, accounts: accountCounts },
    target: { runsPerSecondOneWorker: TARGET },
    results: [],
  };
  const { startFakeLlm } = tsRequire(path.join(ROOT, 'tests', 'helpers', 'fake-llm.ts'));
  const key = `sk-bench-${randomBytes(12).toString('hex')}`;
  const fake = await startFakeLlm({ openai: [key], anthropic: [] });
  log('starting PostgreSQL and Redis');
  const services = await prepareServices({ log });
  const prefix = `igny8bench${process.pid}`;
  const env = {
    DATABASE_URL: services.databaseUrl,
    REDIS_URL: services.redisUrl,
    QUEUE_PREFIX: prefix,
    STRAPI_TELEMETRY_DISABLED: 'true',
    CRON_ENABLED: 'false',
    SEED_DEMO_DATA: 'false',
    ADMIN_EMAIL: '',
    // The per-provider rate limit (3,000 requests/min by default) would cap the bench at 50 runs/s.
    AI_RPM_OPENAI_CHAT: '0',
    AI_WORKER_CONCURRENCY: String(opts.concurrency),
  };
  let control;
  const workers = [];
  try {
    log('compiling the app');
    const distDir = compileApp();
    log('booting the control process (API side: setup, reserve + enqueue, no processors)');
    control = await startApp({ distDir, env: { ...env, RUN_WORKERS_IN_PROCESS: 'false' } });
    const probe = (app, fn, args) => app.call('runModule', { file: PROBE, fn, args });
    const accounts = await probe(control, 'setup', { openaiBaseUrl: fake.openaiBaseUrl, key, accounts: Math.max(...accountCounts) });
    // Our PostgreSQL server's processes (the postmaster of a backend, and its children), so the CPU of
    // another server on the machine is not counted as ours (none when the server is not on this machine).
    const families = { postgres: parentOf(await probe(control, 'backendPid', {}), 'postgres') };

    for (const processes of workerCounts) {
      log(`--- ${processes} worker process(es)`);
      const baseline = await emptyBaseline({ redisUrl: services.redisUrl, prefix, jobs: opts.jobs, processes, concurrency: opts.concurrency, log, families });
      const sdkBaseline = await emptyBaseline({ redisUrl: services.redisUrl, prefix, jobs: opts.runs, processes, concurrency: opts.concurrency, log, openai: { baseUrl: fake.openaiBaseUrl, key }, families });

      for (const accountCount of accountCounts) {
        log(`  ${accountCount} account(s): creating ${opts.runs} tasks`);
        const tasks = await probe(control, 'createTasks', { accounts: accounts.slice(0, accountCount), count: opts.runs, tag: `w${processes}a${accountCount}` });
        if (opts.warmup > 0) {
          // Right before every measurement: freshly booted workers are cold (JIT, pool connections,
          // prepared statements, SDK client, caches) and reach their steady CPU per run only after a few
          // thousand runs (measured: user CPU 2.96 ms per run after 1,500 runs, 2.3 after 4,500, 2.05
          // after 6,000), so whichever account count was measured first cost up to 1 ms more per run, in
          // either order. Not timed, not counted.
          log(`  warming up with ${opts.warmup} runs over all the accounts (not measured)`);
          const warm = await probe(control, 'createTasks', { accounts: accounts.slice(0, Math.max(...accountCounts)), count: opts.warmup, tag: `warm${processes}a${accountCount}` });
          await probe(control, 'setPaused', { queue: 'ai', paused: true });
          const { runIds: warmIds } = await probe(control, 'startRuns', { tasks: warm });
          while (workers.length < processes) workers.push(await startApp({ distDir, env: { ...env, RUN_WORKERS_IN_PROCESS: 'true' } }));
          await probe(control, 'setPaused', { queue: 'ai', paused: false });
          await probe(control, 'waitRuns', { runIds: warmIds, timeoutMs: 15 * 60_000 });
        }
        await probe(control, 'setPaused', { queue: 'ai', paused: true });
        log(`  starting ${opts.runs} runs (reserve + run row + enqueue) while the queue is paused`);
        const { runIds, ms: startMs } = await probe(control, 'startRuns', { tasks });
        log(`  booting ${processes} worker process(es)`);
        while (workers.length < processes) workers.push(await startApp({ distDir, env: { ...env, RUN_WORKERS_IN_PROCESS: 'true' } }));
        // The setup's writes (a fresh database, thousands of rows) are flushed by the kernel about 30 s
        // later; that writeback landed in the first timed window (~1 ms of kernel CPU per run on the
        // shared cores). Flush it now, untimed.
        spawnSync('sync');
        await Promise.all(workers.map((w) => probe(w, 'begin', { profile: Boolean(opts.profile) })));
        fake.reset();
        log('  resuming the queue');
        const window = startCpuWindow({ bench: process.pid, control: control.pid, worker: workers.map((w) => w.pid) }, families);
        const started = Date.now();
        await probe(control, 'setPaused', { queue: 'ai', paused: false });
        const done = await probe(control, 'waitRuns', { runIds, timeoutMs: 15 * 60_000 });
        const machine = window.stop();
        const elapsedMs = done.doneAt - started;
        const profileFile = (i) => (opts.profile ? path.join(__dirname, '..', 'results', `ai-worker${i + 1}-of-${processes}-accounts${accountCount}.cpuprofile`) : undefined);
        if (opts.profile) require('node:fs').mkdirSync(path.join(__dirname, '..', 'results'), { recursive: true });
        const meters = await Promise.all(workers.map((w, i) => probe(w, 'end', { profileFile: profileFile(i) })));
        const cpuMs = meters.reduce((n, m) => n + m.cpuMs, 0);
        const queries = meters.reduce((n, m) => n + m.queries, 0);
        const calls = fake.seen.filter((s) => s.api === 'openai-chat').length;
        const entry = {
          workers: processes,
          accounts: accountCount,
          concurrency: opts.concurrency,
          ai: {
            runs: runIds.length,
            elapsedMs,
            runsPerSecond: round((runIds.length / elapsedMs) * 1000, 1),
            statuses: done.statuses,
            providerCalls: calls,
            holdsCaptured: done.holdsCaptured,
            usageRows: done.usageRows,
            workerCpuMsPerRun: round(cpuMs / runIds.length, 2),
            // User and kernel (system) time: socket writes and wake-ups are kernel time.
            workerUserMsPerRun: round(meters.reduce((n, m) => n + m.userMs, 0) / runIds.length, 2),
            workerSystemMsPerRun: round(meters.reduce((n, m) => n + m.systemMs, 0) / runIds.length, 2),
            workerQueriesPerRun: round(queries / runIds.length, 1),
            // The worker's SQL statements by shape, per run (first worker process).
            statementsPerRun: meters[0].statements.map((s) => ({ perRun: round(s.n / runIds.length, 2), sql: s.sql })),
            phaseMsPerRun: done.phaseMsPerRun,
            startMsPerRun: round(startMs / runIds.length, 2),
            // Every process's CPU over the window, per run (the fake provider lives in `bench`).
            machine: perUnit(machine, runIds.length),
          },
          bull: { jobs: baseline.jobs, elapsedMs: baseline.elapsedMs, jobsPerSecond: round(baseline.perSecond, 0), cpuMsPerJob: round(baseline.cpuMsPerJob, 3), machine: baseline.machine },
          bullSdk: { jobs: sdkBaseline.jobs, elapsedMs: sdkBaseline.elapsedMs, jobsPerSecond: round(sdkBaseline.perSecond, 0), cpuMsPerJob: round(sdkBaseline.cpuMsPerJob, 3), machine: sdkBaseline.machine },
          loadAverage: os.loadavg().map((l) => round(l, 1)),
        };
        result.results.push(entry);
        log(`  ${accountCount} account(s): ${entry.ai.runsPerSecond} runs/s (${JSON.stringify(done.statuses)}), plain Bull ${entry.bull.jobsPerSecond} jobs/s`);
      }
    }
    const oneWorker = result.results.filter((r) => r.workers === 1);
    result.meets = oneWorker.length ? Object.fromEntries(oneWorker.map((r) => [`runsPerSecondOneWorker${r.accounts}Accounts`, r.ai.runsPerSecond >= TARGET])) : null;
    const text = [
      `AI runs (generate_content, one provider call each) against a zero-latency fake OpenAI, concurrency ${opts.concurrency} per worker process,`,
      `beside plain Bull processing empty jobs on the same Redis. Target: >= ${TARGET} runs/s with one worker. Load average at start: ${result.machine.loadAverage.join(', ')}`,
      '',
      table(
        [
          { key: 'path', title: 'path', align: 'left' },
          { key: 'workers', title: 'workers' },
          { key: 'accounts', title: 'accounts' },
          { key: 'n', title: 'jobs' },
          { key: 'seconds', title: 'seconds' },
          { key: 'rate', title: 'per s' },
          { key: 'cpu', title: 'worker CPU ms/job' },
          { key: 'queries', title: 'SQL/run' },
          { key: 'ok', title: 'outcome', align: 'left' },
          { key: 'load', title: 'load avg after', align: 'left' },
        ],
        result.results.flatMap((r) => [
          { path: 'AI runs (whole path)', workers: r.workers, accounts: r.accounts, n: r.ai.runs, seconds: round(r.ai.elapsedMs / 1000, 1), rate: r.ai.runsPerSecond, cpu: r.ai.workerCpuMsPerRun, queries: r.ai.workerQueriesPerRun, ok: `${JSON.stringify(r.ai.statuses)} captured ${r.ai.holdsCaptured}, usage rows ${r.ai.usageRows}, calls ${r.ai.providerCalls}`, load: r.loadAverage.join(', ') },
          { path: 'plain Bull, empty jobs', workers: r.workers, accounts: '-', n: r.bull.jobs, seconds: round(r.bull.elapsedMs / 1000, 1), rate: r.bull.jobsPerSecond, cpu: r.bull.cpuMsPerJob, queries: '-', ok: '', load: '' },
          { path: 'Bull + one SDK call', workers: r.workers, accounts: '-', n: r.bullSdk.jobs, seconds: round(r.bullSdk.elapsedMs / 1000, 1), rate: r.bullSdk.jobsPerSecond, cpu: r.bullSdk.cpuMsPerJob, queries: '-', ok: '', load: '' },
        ])
      ),
      '',
      'Machine CPU ms per job over each window (all processes; the fake provider is in `bench`): ' +
        result.results.map((r) => `${r.workers} worker(s), ${r.accounts} account(s): AI ${machineLine(r.ai.machine)}; plain Bull ${machineLine(r.bull.machine)}; Bull + SDK ${machineLine(r.bullSdk.machine)}`).join(' | '),
      '',
      'Mean ms per run phase (run log): ' + result.results.map((r) => `${r.workers} worker(s), ${r.accounts} account(s): ${Object.entries(r.ai.phaseMsPerRun).map(([k, v]) => `${k} ${v}`).join(', ')}`).join(' | '),
    ].join('\n');
    return { result, text };
  } finally {
    for (const w of workers) await w.stop().catch(() => undefined);
    await control?.stop().catch(() => undefined);
    await services.stop();
    await fake.close();
  }
};

module.exports = { description: 'AI runs/s through the whole path (1 and 2 worker processes) beside plain Bull empty jobs', usage, run };
