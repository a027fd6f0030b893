// What tenant scoping costs: one signed-up tenant lists its keywords (REST and GraphQL) with scoping
// on, then the same requests with scoping off (the tenant then sees every account's keywords: same
// endpoint, same page size), in alternating rounds, on generated data.
const os = require('node:os');
const { Client } = require('pg');
const { prepareServices, compileApp } = require('../lib/env');
const { startApp } = require('../lib/app');
const { generate, SCALES, UIDS } = require('../lib/generate');
const { runLoad } = require('../lib/load');
const { median, round, table } = require('../lib/stats');

const PAGE_SIZE = 25;
const REST_PATH = `/api/keywords?populate=cluster&pagination%5BpageSize%5D=${PAGE_SIZE}`;
const GRAPHQL_QUERY = `{ keywords(pagination: { pageSize: ${PAGE_SIZE} }) { documentId keyword volume cluster { documentId name } } }`;
const MODES = ['scoped', 'unscoped'];

const defaults = { scale: 'full', rounds: 3, duration: 10, warmup: 5, connections: 10, target: 10 };

const usage = `tenancy [--scale full|small] [--rounds ${defaults.rounds}] [--duration ${defaults.duration}] [--warmup ${defaults.warmup}] [--connections ${defaults.connections}] [--target ${defaults.target}]`;

const run = async (options, { log }) => {
  const opts = { ...defaults, ...options };
  for (const key of ['rounds', 'duration', 'warmup', 'connections', 'target']) {
    opts[key] = Number(opts[key]);
    const min = ['rounds', 'duration', 'connections'].includes(key) ? 1 : 0;
    if (!Number.isFinite(opts[key]) || opts[key] < min) throw new Error(`--${key} must be a number, at least ${min}`);
  }
  const scale = SCALES[opts.scale];
  if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);

  const result = {
    scenario: 'tenancy',
    startedAt: new Date().toISOString(),
    machine: {
      cpus: os.availableParallelism?.() ?? os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGb: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    config: { ...opts, scaleRows: scale, pageSize: PAGE_SIZE },
  };

  log('starting PostgreSQL and Redis');
  const services = await prepareServices({ log });
  let app;
  let client;
  try {
    result.config.database = services.embedded ? 'embedded PostgreSQL (temp dir)' : 'BENCH_DATABASE_URL server (fresh database)';
    log('compiling the app');
    const distDir = compileApp();
    log('booting the app');
    app = await startApp({
      distDir,
      env: {
        DATABASE_URL: services.databaseUrl,
        REDIS_URL: services.redisUrl,
        QUEUE_PREFIX: 'igny8bench',
        STRAPI_TELEMETRY_DISABLED: 'true',
        CRON_ENABLED: 'false',
        SEED_DEMO_DATA: 'false',
        ADMIN_EMAIL: '',
      },
    });
    result.config.nodeEnv = app.nodeEnv ?? 'development (unset)';
    if (app.nodeEnv === 'production') throw new Error('NODE_ENV=production: tenant scoping cannot be turned off there, so this scenario cannot run');

    // One tenant, through the public signup.
    const signup = await fetch(`${app.baseUrl}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'benchtenant', email: 'bench-tenant@bench.example', password: 'Bench-tenant-pass-1', accountName: 'Bench tenant' }),
    });
    const signupBody = await signup.json().catch(() => null);
    const accountDocumentId = signupBody?.user?.account?.documentId;
    if (signup.status !== 200 || !signupBody?.jwt || !accountDocumentId) {
      throw new Error(`signup failed: POST /api/auth/local/register answered ${signup.status} ${JSON.stringify(signupBody)}`);
    }
    const auth = { authorization: `Bearer ${signupBody.jwt}` };

    client = new Client({ connectionString: services.databaseUrl });
    await client.connect();
    const metadata = await app.call('metadata', Object.values(UIDS));
    const accountRow = await client.query(`SELECT id FROM "${metadata[UIDS.account].tableName}" WHERE document_id = $1`, [accountDocumentId]);
    const tenantAccountId = accountRow.rows[0].id;

    log(`generating data (scale ${opts.scale})`);
    const data = await generate({ client, metadata, scale, tenantAccountId, log });
    log(`  done in ${data.seconds.toFixed(1)} s`);
    result.data = data;
    result.tenant = { accountId: tenantAccountId, accountDocumentId, keywords: data.rows.tenantKeywords };

    const apis = {
      rest: { label: 'REST', method: 'GET', path: REST_PATH, headers: auth },
      graphql: {
        label: 'GraphQL',
        method: 'POST',
        path: '/graphql',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ query: GRAPHQL_QUERY }),
      },
    };
    result.requests = Object.fromEntries(Object.entries(apis).map(([k, a]) => [k, { method: a.method, path: a.path, ...(a.body ? { body: JSON.parse(a.body) } : {}) }]));

    const setMode = async (mode) => {
      const enforced = await app.call('setEnforced', mode === 'scoped');
      if (enforced !== (mode === 'scoped')) throw new Error(`could not switch tenant scoping ${mode === 'scoped' ? 'on' : 'off'}`);
    };
    const fetchOnce = async (api) => {
      const response = await fetch(app.baseUrl + api.path, { method: api.method, headers: api.headers, body: api.body });
      const text = await response.text();
      return { status: response.status, text };
    };

    // Each request is checked once per mode before it is measured: 200, a full page, clusters
    // populated, and scoped answers holding only the tenant's keywords.
    const kwTable = metadata[UIDS.keyword].tableName;
    const kwAccount = metadata[UIDS.keyword].relations.account;
    result.checks = {};
    for (const [name, api] of Object.entries(apis)) {
      for (const mode of MODES) {
        await setMode(mode);
        const { status, text } = await fetchOnce(api);
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = null;
        }
        const items = name === 'rest' ? body?.data : body?.data?.keywords;
        if (status !== 200 || !Array.isArray(items) || body?.errors) {
          throw new Error(`${api.method} ${api.path} (${mode}) answered ${status}: ${text.slice(0, 1000)}`);
        }
        const ids = items.map((k) => k.documentId);
        const owned = await client.query(
          `SELECT count(*)::int AS n FROM "${kwTable}" k JOIN "${kwAccount.table}" l ON l."${kwAccount.ownerColumn}" = k.id
           WHERE k.document_id = ANY($1) AND l."${kwAccount.targetColumn}" = $2`,
          [ids, tenantAccountId]
        );
        const check = {
          status,
          items: items.length,
          withCluster: items.filter((k) => k.cluster?.documentId).length,
          ownedByTenant: owned.rows[0].n,
          total: name === 'rest' ? body.meta?.pagination?.total ?? null : null,
          bytes: Buffer.byteLength(text),
        };
        result.checks[`${name}/${mode}`] = check;
        const problems = [];
        if (check.items !== PAGE_SIZE) problems.push(`${check.items} items instead of ${PAGE_SIZE}`);
        if (check.withCluster !== check.items) problems.push(`${check.items - check.withCluster} items without their cluster`);
        if (mode === 'scoped' && check.ownedByTenant !== check.items) problems.push(`${check.items - check.ownedByTenant} items of other accounts`);
        if (mode === 'scoped' && name === 'rest' && check.total !== data.rows.tenantKeywords) problems.push(`total ${check.total}, tenant owns ${data.rows.tenantKeywords}`);
        if (mode === 'unscoped' && name === 'rest' && check.total !== data.rows.keywords) problems.push(`total ${check.total}, ${data.rows.keywords} keywords exist`);
        if (problems.length) throw new Error(`${api.label} ${mode} check failed: ${problems.join('; ')}`);
      }
    }

    const failures = [];
    const measure = async (name, mode, duration) => {
      const api = apis[name];
      await setMode(mode);
      const before = await app.call('idle');
      const load = await runLoad({
        url: app.baseUrl + api.path,
        method: api.method,
        headers: api.headers,
        body: api.body,
        connections: opts.connections,
        duration,
      });
      const after = await app.call('idle');
      const answered = after.answered - before.answered;
      if (load.non2xx || load.errors) {
        const sample = await fetchOnce(api);
        failures.push({ api: name, mode, statusCodes: load.statusCodes, errors: load.errors, sample: { request: `${api.method} ${api.path}`, status: sample.status, body: sample.text.slice(0, 2000) } });
      }
      // Server-side: CPU the app spent over the requests it answered (including the run's last,
      // abandoned ones, which the idle wait lets finish so they do not leak into the next run).
      return { ...load, serverCpuMsPerRequest: answered ? round((after.cpuMicros - before.cpuMicros) / 1000 / answered, 3) : null };
    };

    if (opts.warmup > 0) {
      log(`warming up (${opts.warmup} s per API and mode)`);
      for (const name of Object.keys(apis)) for (const mode of MODES) await measure(name, mode, opts.warmup);
    }

    // Alternating order (scoped first in odd rounds, unscoped first in even ones) so drift over the
    // run (caches warming, background vacuum) does not favour one mode.
    result.rounds = [];
    for (let r = 1; r <= opts.rounds; r++) {
      for (const name of Object.keys(apis)) {
        for (const mode of r % 2 ? MODES : [...MODES].reverse()) {
          log(`round ${r}/${opts.rounds}: ${apis[name].label} ${mode} (${opts.duration} s)`);
          const m = await measure(name, mode, opts.duration);
          result.rounds.push({ round: r, api: name, mode, ...m });
          log(`  ${m.rps} req/s, p50 ${m.latencyMs.p50} ms, p95 ${m.latencyMs.p95} ms, p99 ${m.latencyMs.p99} ms${m.non2xx ? `, ${m.non2xx} non-2xx` : ''}`);
        }
      }
    }
    await setMode('scoped');

    result.summary = {};
    for (const name of Object.keys(apis)) {
      const byMode = {};
      for (const mode of MODES) {
        const runs = result.rounds.filter((x) => x.api === name && x.mode === mode);
        byMode[mode] = {
          rps: round(median(runs.map((x) => x.rps)), 1),
          p50: round(median(runs.map((x) => x.latencyMs.p50))),
          p95: round(median(runs.map((x) => x.latencyMs.p95))),
          p99: round(median(runs.map((x) => x.latencyMs.p99))),
          serverCpuMsPerRequest: round(median(runs.map((x) => x.serverCpuMsPerRequest)), 3),
          bytesPerResponse: median(runs.map((x) => x.bytesPerResponse)),
          non2xx: runs.reduce((sum, x) => sum + x.non2xx + x.errors, 0),
        };
      }
      // Paired per round (the two modes ran back to back), then the median over rounds.
      const perRound = [];
      for (let r = 1; r <= opts.rounds; r++) {
        const get = (mode) => result.rounds.find((x) => x.round === r && x.api === name && x.mode === mode);
        perRound.push(round((1 - get('scoped').rps / get('unscoped').rps) * 100, 1));
      }
      const overheadPct = round(median(perRound), 1);
      const invalid = byMode.scoped.non2xx + byMode.unscoped.non2xx > 0;
      result.summary[name] = {
        ...byMode,
        overheadPct,
        overheadPctByRound: perRound,
        verdict: invalid ? 'INVALID' : overheadPct <= opts.target ? 'PASS' : 'MISS',
      };
    }
    const verdicts = Object.values(result.summary).map((s) => s.verdict);
    result.verdict = verdicts.includes('INVALID') ? 'INVALID' : verdicts.includes('MISS') ? 'MISS' : 'PASS';
    result.failures = failures;
    result.finishedAt = new Date().toISOString();
    return { result, text: report(result, apis) };
  } finally {
    await client?.end().catch(() => undefined);
    await app?.stop().catch(() => undefined);
    await services.stop();
  }
};

const report = (result, apis) => {
  const { machine, config, data, summary } = result;
  const lines = [];
  lines.push(`Scenario: tenancy (scale ${config.scale}, ${config.rounds} rounds x ${config.duration} s per API and mode, ${config.connections} connections, NODE_ENV ${config.nodeEnv})`);
  lines.push(`Machine:  ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}`);
  lines.push(`Data:     ${data.rows.accounts} accounts (incl. the tenant and the system account), ${data.rows.sites} sites, ${data.rows.clusters} clusters, ${data.rows.keywords} keywords, ${data.rows.linkRows} link rows (generated in ${data.seconds.toFixed(1)} s)`);
  lines.push(`Tenant:   account ${result.tenant.accountId} owns ${result.tenant.keywords} keywords`);
  lines.push('');
  const rows = [];
  for (const [name, s] of Object.entries(summary)) {
    for (const mode of MODES) {
      rows.push({ api: apis[name].label, mode, rps: s[mode].rps, p50: s[mode].p50, p95: s[mode].p95, p99: s[mode].p99, cpu: s[mode].serverCpuMsPerRequest, bytes: s[mode].bytesPerResponse, bad: s[mode].non2xx });
    }
  }
  lines.push(table([
    { key: 'api', title: 'API', align: 'left' },
    { key: 'mode', title: 'scoping', align: 'left' },
    { key: 'rps', title: 'req/s' },
    { key: 'p50', title: 'p50 ms' },
    { key: 'p95', title: 'p95 ms' },
    { key: 'p99', title: 'p99 ms' },
    { key: 'cpu', title: 'app CPU ms/req' },
    { key: 'bytes', title: 'bytes/resp' },
    { key: 'bad', title: 'non-2xx' },
  ], rows));
  lines.push('(medians over rounds)');
  lines.push('');
  for (const [name, s] of Object.entries(summary)) {
    lines.push(`${apis[name].label.padEnd(8)} scoping overhead ${String(s.overheadPct).padStart(6)} %  (rounds: ${s.overheadPctByRound.join(', ')})  target <= ${config.target} %  ${s.verdict}`);
  }
  lines.push(`Overall: ${result.verdict}`);
  if (result.failures.length) {
    lines.push('');
    lines.push('Non-2xx answers or errors during load:');
    for (const f of result.failures) lines.push(`  ${f.api} ${f.mode}: ${JSON.stringify(f.statusCodes)} errors ${f.errors}; sample ${f.sample.request} -> ${f.sample.status} ${f.sample.body.slice(0, 300)}`);
  }
  return lines.join('\n');
};

module.exports = { description: 'cost of tenant scoping on the tenant keyword list (REST and GraphQL)', usage, run };
