// Export and import at scale, each beside PostgreSQL's COPY in the same run and database.
// (b) CSV export through POST /import-export/export (HTTP, admin session) of 100,000 rows (a 10% filter)
//     and of all 1,000,000 rows, against `COPY (the same query) TO STDOUT`; target <= 1.5x, and the app's
//     peak RSS growth during the export < 100 MB.
// (c) Import of 100,000 rows through the import pipeline (parse, validate, resolve relations, upsert by
//     natural key): a create pass and an update pass, against a raw `COPY ... FROM STDIN` of the same
//     rows into the table; target >= 20,000 rows/s and <= 3x the COPY.
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { prepareServices, compileApp } = require('../lib/env');
const { startApp } = require('../lib/app');
const { median, round, table } = require('../lib/stats');

const PROBE = path.join(__dirname, '..', 'lib', 'import-export-probe.js');
const defaults = { rows: 1000000, importRows: 100000, rounds: 3 };
const usage = `import-export [--rows ${defaults.rows}] [--import-rows ${defaults.importRows}] [--rounds ${defaults.rounds}] [--skip-export] [--profile]`;
const TARGETS = { exportRatio: 1.5, exportGrowthMb: 100, importRowsPerSec: 20000, importRatio: 3 };
const ADMIN = { email: 'bench@igny8.local', password: 'Bench-pass-2026' };

const request = (baseUrl, method, url, { token, body } = {}) =>
  new Promise((resolve, reject) => {
    const payload = body ? Buffer.from(JSON.stringify(body)) : null;
    const req = http.request(new URL(url, baseUrl), { method, headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let bytes = 0;
      let lines = 0;
      const chunks = [];
      res.on('data', (chunk) => {
        bytes += chunk.length;
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
        if (chunks.length < 4) chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode, bytes, lines, head: Buffer.concat(chunks).toString('utf8', 0, 2000) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });

const run = async (options, { log }) => {
  const { 'skip-export': skipExport, profile, ...rest } = options;
  const opts = { ...defaults, ...rest };
  if (options['import-rows']) opts.importRows = options['import-rows'];
  delete opts['import-rows'];
  for (const key of Object.keys(defaults)) {
    opts[key] = Number(opts[key]);
    if (!Number.isInteger(opts[key]) || opts[key] < 1) throw new Error(`--${key} must be a positive integer`);
  }
  const result = {
    scenario: 'import-export',
    startedAt: new Date().toISOString(),
    machine: { cpus: os.availableParallelism?.() ?? os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryGb: round(os.totalmem() / 2 ** 30, 1), node: process.version },
    config: { ...opts, skipExport: Boolean(skipExport), profile: Boolean(profile), targets: TARGETS },
    loadAverage: { start: os.loadavg().map((x) => round(x, 2)) },
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
    log(`loading ${opts.rows} keywords`);
    const setup = await probe('setup', { rows: opts.rows });
    const login = await new Promise((resolve, reject) => {
      const body = Buffer.from(JSON.stringify(ADMIN));
      const req = http.request(new URL('/admin/login', app.baseUrl), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': body.length } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve(JSON.parse(text)));
      });
      req.on('error', reject);
      req.end(body);
    });
    const token = login.data?.token;
    if (!token) throw new Error(`admin login failed: ${JSON.stringify(login)}`);

    // (b) export
    const exports = [
      { name: `export ${Math.round(opts.rows / 10)} rows (10% filter)`, filters: { $and: [{ status: { $eq: 'active' } }] }, rows: Math.floor(opts.rows / 10) },
      { name: `export ${opts.rows} rows (all)`, filters: {}, rows: opts.rows },
    ];
    result.export = [];
    for (const e of skipExport ? [] : exports) {
      const rounds = [];
      for (let r = 1; r <= opts.rounds; r++) {
        const order = r % 2 ? ['ours', 'copy'] : ['copy', 'ours'];
        const one = {};
        for (const side of order) {
          if (side === 'copy') {
            const t = await probe('copyOut', { filters: e.filters });
            if (t.out.rows !== e.rows) throw new Error(`${e.name}: COPY gave ${t.out.rows} rows`);
            one.copyMs = t.ms;
            one.copyBytes = t.out.bytes;
          } else {
            await probe('memoryStart');
            const start = process.hrtime.bigint();
            const res = await request(app.baseUrl, 'POST', '/import-export/export', { token, body: { selection: { uid: 'api::keyword.keyword', query: { filters: e.filters } }, format: 'csv' } });
            one.oursMs = Number(process.hrtime.bigint() - start) / 1e6;
            const memory = await probe('memoryStop');
            if (res.status !== 200 || res.lines - 1 !== e.rows) throw new Error(`${e.name}: HTTP ${res.status}, ${res.lines - 1} rows: ${res.head}`);
            one.oursBytes = res.bytes;
            one.growthMb = memory.growthMb;
          }
        }
        one.ratio = one.oursMs / one.copyMs;
        rounds.push(one);
        log(`${e.name} round ${r}: ours ${round(one.oursMs, 1)} ms, COPY ${round(one.copyMs, 1)} ms, RSS growth ${round(one.growthMb, 1)} MB`);
      }
      const oursMs = median(rounds.map((x) => x.oursMs));
      const copyMs = median(rounds.map((x) => x.copyMs));
      const growthMb = Math.max(...rounds.map((x) => x.growthMb));
      const ratio = median(rounds.map((x) => x.ratio));
      result.export.push({
        name: e.name,
        rows: e.rows,
        oursMs: round(oursMs, 1),
        copyMs: round(copyMs, 1),
        ratio: round(ratio, 2),
        maxGrowthMb: round(growthMb, 1),
        bytes: rounds[0].oursBytes,
        meets: ratio <= TARGETS.exportRatio && growthMb < TARGETS.exportGrowthMb,
        rounds: rounds.map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v, 2)]))),
      });
    }

    // (c) import
    log(`writing the ${opts.importRows}-row import files`);
    await probe('makeImportFiles', { rows: opts.importRows });
    result.appIdleCpuMsPerSec = round(await probe('idleCpu', { ms: 5000 }), 1);
    log(`app CPU while idle: ${result.appIdleCpuMsPerSec} ms/s`);
    const rounds = [];
    for (let r = 1; r <= opts.rounds; r++) {
      const order = r % 2 ? ['ours', 'copy'] : ['copy', 'ours'];
      const one = {};
      for (const side of order) {
        if (side === 'copy') {
          // Two baselines: the keywords table alone, and the table with its three link tables.
          const plain = await probe('copyIn', { rows: opts.importRows, linked: false });
          if (Number(plain.out) !== opts.importRows) throw new Error(`COPY FROM loaded ${plain.out} rows`);
          one.copyMs = plain.ms;
          one.copyPgCpuMs = plain.pgCpuMs;
          await probe('dropImported');
          const linked = await probe('copyIn', { rows: opts.importRows, linked: true, ids: { account: setup.account, site: setup.site, sector: setup.sector } });
          if (Number(linked.out) !== opts.importRows * 4) throw new Error(`COPY FROM (linked) loaded ${linked.out} rows`);
          one.copyLinkedMs = linked.ms;
          one.copyLinkedPgCpuMs = linked.pgCpuMs;
          await probe('dropImported');
        } else {
          // --profile: a CPU profile of each pass of the first round, in bench/results/.
          const profileFile = (pass) => (profile && r === 1 ? path.join(__dirname, '..', 'results', `import-export-${pass}-${process.pid}.cpuprofile`) : undefined);
          const created = await probe('importPass', { file: 'create', adminUserId: setup.adminUserId, profileFile: profileFile('create') });
          if (created.out.create !== opts.importRows) throw new Error(`create pass: ${JSON.stringify(created.out)}`);
          const updated = await probe('importPass', { file: 'update', adminUserId: setup.adminUserId, profileFile: profileFile('update') });
          if (updated.out.update !== opts.importRows) throw new Error(`update pass: ${JSON.stringify(updated.out)}`);
          const unchanged = await probe('importPass', { file: 'update', adminUserId: setup.adminUserId, profileFile: profileFile('unchanged') });
          if (unchanged.out.skip !== opts.importRows) throw new Error(`unchanged pass: ${JSON.stringify(unchanged.out)}`);
          for (const [pass, t] of [['create', created], ['update', updated], ['unchanged', unchanged]]) {
            Object.assign(one, { [`${pass}Ms`]: t.ms, [`${pass}CpuMs`]: t.cpuMs, [`${pass}Queries`]: t.queries, [`${pass}PgCpuMs`]: t.pgCpuMs });
          }
          const dropped = await probe('dropImported');
          if (dropped !== opts.importRows) throw new Error(`dropped ${dropped} imported rows`);
        }
      }
      rounds.push(one);
      const pass = (p) => `${p} ${round(one[`${p}Ms`], 1)} ms (app CPU ${round(one[`${p}CpuMs`], 0)} ms, PG CPU ${one[`${p}PgCpuMs`]} ms, ${one[`${p}Queries`]} SQL)`;
      log(`import round ${r}: ${['create', 'update', 'unchanged'].map(pass).join(', ')}, COPY ${round(one.copyMs, 1)} ms (PG CPU ${one.copyPgCpuMs} ms), COPY with link tables ${round(one.copyLinkedMs, 1)} ms (PG CPU ${one.copyLinkedPgCpuMs} ms); load ${os.loadavg()[0].toFixed(2)}`);
    }
    const copyMs = median(rounds.map((x) => x.copyMs));
    const copyLinkedMs = median(rounds.map((x) => x.copyLinkedMs));
    result.import = ['create', 'update', 'unchanged'].map((pass) => {
      const ms = median(rounds.map((x) => x[`${pass}Ms`]));
      const ratio = median(rounds.map((x) => x[`${pass}Ms`] / x.copyMs));
      const ratioLinked = median(rounds.map((x) => x[`${pass}Ms`] / x.copyLinkedMs));
      const rowsPerSec = Math.round((opts.importRows / ms) * 1000);
      // App CPU per 1,000 rows and SQL statements per pass: the figures load distorts least.
      const cpuMsPer1k = round((median(rounds.map((x) => x[`${pass}CpuMs`])) * 1000) / opts.importRows, 1);
      // The same without the app's idle CPU over the pass's wall time (large when the machine is loaded and passes run long).
      const netCpuMsPer1k = round((median(rounds.map((x) => x[`${pass}CpuMs`] - (result.appIdleCpuMsPerSec * x[`${pass}Ms`]) / 1000)) * 1000) / opts.importRows, 1);
      const queries = median(rounds.map((x) => x[`${pass}Queries`]));
      // CPU (app + PostgreSQL backends) against the COPY's backend CPU: the ratio with the least load in it.
      const cpuRatio = rounds[0][`${pass}PgCpuMs`] === null ? null : round(median(rounds.map((x) => (x[`${pass}CpuMs`] + x[`${pass}PgCpuMs`]) / x.copyPgCpuMs)), 2);
      const cpuRatioLinked = rounds[0][`${pass}PgCpuMs`] === null ? null : round(median(rounds.map((x) => (x[`${pass}CpuMs`] + x[`${pass}PgCpuMs`]) / x.copyLinkedPgCpuMs)), 2);
      return { name: `import ${opts.importRows} rows (${pass})`, oursMs: round(ms, 1), copyMs: round(copyMs, 1), ratio: round(ratio, 2), copyLinkedMs: round(copyLinkedMs, 1), ratioLinked: round(ratioLinked, 2), rowsPerSec, cpuMsPer1k, netCpuMsPer1k, queries, cpuRatio, cpuRatioLinked, meets: rowsPerSec >= TARGETS.importRowsPerSec && ratio <= TARGETS.importRatio };
    });
    result.importRounds = rounds.map((x) => Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v, 1)])));
    await probe('cleanup');
    result.loadAverage.end = os.loadavg().map((x) => round(x, 2));
    result.verdict = [...result.export, ...result.import].every((s) => s.meets) ? 'PASS' : 'MISS';
    result.finishedAt = new Date().toISOString();
    return { result, text: report(result) };
  } finally {
    await app?.stop().catch(() => undefined);
    await services.stop();
  }
};

const report = (result) => {
  const rows = [
    ...result.export.map((s) => ({ name: s.name, ours: s.oursMs, base: s.copyMs, ratio: s.ratio, extra: `peak RSS growth ${s.maxGrowthMb} MB`, meets: s.meets ? 'yes' : 'NO' })),
    ...result.import.map((s) => ({ name: s.name, ours: s.oursMs, base: s.copyMs, ratio: s.ratio, extra: `${s.rowsPerSec} rows/s; ${s.ratioLinked}x COPY with link tables (${s.copyLinkedMs} ms); app CPU ${s.cpuMsPer1k} ms/1k rows (${s.netCpuMsPer1k} net of idle), ${s.queries} SQL; CPU ratio ${s.cpuRatio} (${s.cpuRatioLinked} with link tables)`, meets: s.meets ? 'yes' : 'NO' })),
  ];
  return [
    `Scenario: import-export (${result.config.rows} keywords; ${result.config.rounds} rounds, medians; baseline = PostgreSQL COPY in the same run)`,
    `Machine:  ${result.machine.cpus} CPUs (${result.machine.cpuModel}), ${result.machine.memoryGb} GB, Node ${result.machine.node}; load average ${result.loadAverage.start.join(' ')} -> ${result.loadAverage.end.join(' ')}`,
    '',
    table([
      { key: 'name', title: 'case', align: 'left' },
      { key: 'ours', title: 'ours ms' },
      { key: 'base', title: 'COPY ms' },
      { key: 'ratio', title: 'ratio' },
      { key: 'extra', title: '', align: 'left' },
      { key: 'meets', title: 'target' },
    ], rows),
    '',
    `targets: export <= ${TARGETS.exportRatio}x COPY TO and < ${TARGETS.exportGrowthMb} MB growth; import >= ${TARGETS.importRowsPerSec} rows/s and <= ${TARGETS.importRatio}x COPY FROM`,
    `verdict: ${result.verdict}`,
  ].join('\n');
};

module.exports = { description: 'CSV export of 100,000 and 1,000,000 rows vs COPY TO, import of 100,000 rows vs COPY FROM', usage, run };
