// Bulk actions over a filter: a status toggle and a soft delete on N rows (default 100,000) selected by
// `status = pending` out of 2N keywords, through the bulk-actions runner, beside the plain SQL UPDATE
// of the same rows, alternating in the same app process and database. Target: ours <= 1.5x plain.
const os = require('node:os');
const path = require('node:path');
const { prepareServices, compileApp } = require('../lib/env');
const { startApp } = require('../lib/app');
const { median, round, table } = require('../lib/stats');

const PROBE = path.join(__dirname, '..', 'lib', 'bulk-probe.js');
const defaults = { rows: 100000, rounds: 3 };
const usage = `bulk [--rows ${defaults.rows}] [--rounds ${defaults.rounds}]`;
const TARGET_RATIO = 1.5;

const run = async (options, { log }) => {
  const opts = { ...defaults, ...options };
  for (const key of Object.keys(defaults)) {
    opts[key] = Number(opts[key]);
    if (!Number.isInteger(opts[key]) || opts[key] < 1) throw new Error(`--${key} must be a positive integer`);
  }
  const result = {
    scenario: 'bulk',
    startedAt: new Date().toISOString(),
    machine: { cpus: os.availableParallelism?.() ?? os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version },
    config: { ...opts, batchSize: 10000, targetRatio: TARGET_RATIO },
  };
  log('starting PostgreSQL and Redis');
  const services = await prepareServices({ log });
  let app;
  try {
    log('compiling and booting the app');
    app = await startApp({
      distDir: compileApp(),
      env: { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, QUEUE_PREFIX: 'igny8bench', STRAPI_TELEMETRY_DISABLED: 'true', CRON_ENABLED: 'false', SEED_DEMO_DATA: 'false', ADMIN_EMAIL: 'bench@igny8.local', ADMIN_PASSWORD: 'Bench-pass-2026' },
    });
    const probe = (fn, args) => app.call('runModule', { file: PROBE, fn, args });
    log(`loading ${opts.rows * 2} keywords`);
    const { table: tbl, adminUserId } = await probe('setup', { rows: opts.rows });
    const filters = { $and: [{ status: { $eq: 'pending' } }] };

    const cases = {
      toggle: {
        ours: { action: 'set-status', filters, params: { value: 'archived' }, adminUserId },
        plain: { sql: `UPDATE ?? SET status = 'archived', updated_at = now(), updated_by_id = ? WHERE status = 'pending' AND deleted_at IS NULL`, bindings: [tbl, adminUserId] },
        reset: { sql: `UPDATE ?? SET status = 'pending' WHERE status = 'archived'`, bindings: [tbl], table: tbl },
      },
      softDelete: {
        ours: { action: 'soft-delete', filters, adminUserId },
        plain: { sql: `UPDATE ?? SET deleted_at = now(), updated_at = now(), updated_by_id = ? WHERE status = 'pending' AND deleted_at IS NULL`, bindings: [tbl, adminUserId] },
        reset: { sql: `UPDATE ?? SET deleted_at = NULL WHERE deleted_at IS NOT NULL`, bindings: [tbl], table: tbl },
      },
    };

    result.rounds = [];
    for (let r = 1; r <= opts.rounds; r++) {
      const round_ = { round: r };
      for (const [name, c] of Object.entries(cases)) {
        // Alternate which goes first, so neither always meets a freshly vacuumed table.
        const order = r % 2 ? ['ours', 'plain'] : ['plain', 'ours'];
        round_[name] = {};
        for (const side of order) {
          const t = side === 'ours' ? await probe('ours', c.ours) : await probe('plain', c.plain);
          if (t.out !== opts.rows) throw new Error(`${name} ${side} changed ${t.out} rows, expected ${opts.rows}`);
          round_[name][side] = round(t.ms, 1);
          await probe('reset', c.reset);
        }
        log(`round ${r} ${name}: ours ${round_[name].ours} ms, plain ${round_[name].plain} ms`);
      }
      result.rounds.push(round_);
    }
    result.summary = {};
    for (const name of Object.keys(cases)) {
      const oursMs = median(result.rounds.map((x) => x[name].ours));
      const plainMs = median(result.rounds.map((x) => x[name].plain));
      const ratio = round(oursMs / plainMs, 2);
      result.summary[name] = { oursMs: round(oursMs, 1), plainMs: round(plainMs, 1), ratio, oursRowsPerSec: Math.round((opts.rows / oursMs) * 1000), meets: ratio <= TARGET_RATIO };
    }
    result.verdict = Object.values(result.summary).every((s) => s.meets) ? 'PASS' : 'MISS';
    result.finishedAt = new Date().toISOString();
    return { result, text: report(result) };
  } finally {
    await app?.stop().catch(() => undefined);
    await services.stop();
  }
};

const report = (result) => {
  const rows = Object.entries(result.summary).map(([name, s]) => ({ name, ours: s.oursMs, plain: s.plainMs, ratio: s.ratio, rps: s.oursRowsPerSec, meets: s.meets ? 'yes' : 'NO' }));
  return [
    `Scenario: bulk (${result.config.rows} of ${result.config.rows * 2} keywords selected by a filter; ${result.config.rounds} rounds, medians)`,
    `Machine:  ${result.machine.cpus} CPUs (${result.machine.cpuModel}), ${result.machine.memoryGb} GB, Node ${result.machine.node}`,
    '',
    table([
      { key: 'name', title: 'action', align: 'left' },
      { key: 'ours', title: 'bulk-actions ms' },
      { key: 'plain', title: 'plain UPDATE ms' },
      { key: 'ratio', title: 'ratio' },
      { key: 'rps', title: 'rows/s (ours)' },
      { key: 'meets', title: `<= ${TARGET_RATIO}x` },
    ], rows),
    '',
    `verdict: ${result.verdict}`,
  ].join('\n');
};

module.exports = { description: 'bulk status toggle and soft delete on 100,000 rows selected by a filter vs the plain SQL UPDATE', usage, run };
