// Bulk actions over a filter: a status toggle and a soft delete on N rows (default 100,000) selected by
// `status = pending` out of 2N keywords, through the bulk-actions runner, beside the plain SQL UPDATE
// of the same rows, alternating in the same app process and database. Target: ours <= 1.5x plain.
// Also Strapi's own Content Manager bulk endpoint (bulkDelete over HTTP, as the list view calls it) on
// a sample of rows in the same run: target ours >= 100x faster per row.
const os = require('node:os');
const path = require('node:path');
const { prepareServices, compileApp } = require('../lib/env');
const { startApp } = require('../lib/app');
const { median, round, table } = require('../lib/stats');

const PROBE = path.join(__dirname, '..', 'lib', 'bulk-probe.js');
const defaults = { rows: 100000, rounds: 3, sample: 500 };
const usage = `bulk [--rows ${defaults.rows}] [--rounds ${defaults.rounds}] [--sample ${defaults.sample}]`;
const TARGET_RATIO = 1.5;
const TARGET_CM_SPEEDUP = 100;
const ADMIN = { email: 'bench@igny8.local', password: 'Bench-pass-2026' };

/** Strapi's Content Manager bulk delete over HTTP, as the list view sends it, with an admin token. */
const cmBulkDelete = async (baseUrl, documentIds) => {
  const login = await fetch(`${baseUrl}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  if (!login.ok) throw new Error(`admin login failed: ${login.status}`);
  const token = (await login.json()).data.token;
  const start = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}/content-manager/collection-types/api::keyword.keyword/actions/bulkDelete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ documentIds }),
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (!res.ok) throw new Error(`Content Manager bulkDelete answered ${res.status}: ${await res.text()}`);
  return ms;
};

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
    config: { ...opts, batchSize: 50000, targetRatio: TARGET_RATIO, targetCmSpeedup: TARGET_CM_SPEEDUP },
  };
  log('starting PostgreSQL and Redis');
  const services = await prepareServices({ log });
  let app;
  try {
    log('compiling and booting the app');
    app = await startApp({
      distDir: compileApp(),
      env: { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, QUEUE_PREFIX: 'igny8bench', STRAPI_TELEMETRY_DISABLED: 'true', CRON_ENABLED: 'false', SEED_DEMO_DATA: 'false', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    });
    const probe = (fn, args) => app.call('runModule', { file: PROBE, fn, args });
    log(`loading ${opts.rows * 2} keywords`);
    const { table: tbl, adminUserId, fused } = await probe('setup', { rows: opts.rows });
    result.config.fusedPath = fused;
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
    // Strapi's own bulk endpoint, on a sample (it works one document at a time; 100,000 would take long).
    const documentIds = await probe('sample', { count: opts.sample });
    const cmMs = await cmBulkDelete(app.baseUrl, documentIds);
    const cmChanged = await probe('trashed', { documentIds, restore: true });
    if (cmChanged !== documentIds.length) throw new Error(`Content Manager bulkDelete trashed ${cmChanged} of ${documentIds.length}`);
    result.contentManager = { endpoint: 'POST /content-manager/collection-types/:uid/actions/bulkDelete', rows: documentIds.length, ms: round(cmMs, 1), msPerRow: round(cmMs / documentIds.length, 3) };
    log(`Content Manager bulkDelete: ${documentIds.length} rows in ${round(cmMs, 1)} ms`);
    result.loadAverage = os.loadavg().map((x) => round(x, 2));

    result.summary = {};
    for (const name of Object.keys(cases)) {
      const oursMs = median(result.rounds.map((x) => x[name].ours));
      const plainMs = median(result.rounds.map((x) => x[name].plain));
      const ratio = round(oursMs / plainMs, 2);
      const cmSpeedup = round(result.contentManager.msPerRow / (oursMs / opts.rows), 0);
      result.summary[name] = { oursMs: round(oursMs, 1), plainMs: round(plainMs, 1), ratio, oursRowsPerSec: Math.round((opts.rows / oursMs) * 1000), cmSpeedup, meets: ratio <= TARGET_RATIO && cmSpeedup >= TARGET_CM_SPEEDUP };
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
  const rows = Object.entries(result.summary).map(([name, s]) => ({ name, ours: s.oursMs, plain: s.plainMs, ratio: s.ratio, rps: s.oursRowsPerSec, cm: `${s.cmSpeedup}x`, meets: s.meets ? 'yes' : 'NO' }));
  return [
    `Scenario: bulk (${result.config.rows} of ${result.config.rows * 2} keywords selected by a filter; ${result.config.rounds} rounds, medians)`,
    `Machine:  ${result.machine.cpus} CPUs (${result.machine.cpuModel}), ${result.machine.memoryGb} GB, Node ${result.machine.node}`,
    `Runner path for keywords: ${result.config.fusedPath ? 'fused (one statement per batch)' : 'handler (NOT the fused path)'}`,
    '',
    table([
      { key: 'name', title: 'action', align: 'left' },
      { key: 'ours', title: 'bulk-actions ms' },
      { key: 'plain', title: 'plain UPDATE ms' },
      { key: 'ratio', title: 'ratio' },
      { key: 'rps', title: 'rows/s (ours)' },
      { key: 'cm', title: 'vs CM per row' },
      { key: 'meets', title: `<= ${TARGET_RATIO}x and >= ${TARGET_CM_SPEEDUP}x` },
    ], rows),
    '',
    `Content Manager bulkDelete (Strapi's own endpoint, over HTTP): ${result.contentManager.rows} rows in ${result.contentManager.ms} ms = ${result.contentManager.msPerRow} ms/row`,
    `Load average during the run: ${result.loadAverage.join(', ')}`,
    `verdict: ${result.verdict}`,
  ].join('\n');
};

module.exports = { description: 'bulk status toggle and soft delete on 100,000 rows selected by a filter vs the plain SQL UPDATE', usage, run };
