// Runs inside the app process (app-process.js `runModule`): loads keywords, samples the process's
// memory, times PostgreSQL's own COPY of the export query (the baseline of an export), and times
// imports through the import-export pipeline against a raw COPY of the same rows into the table.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { to: copyTo, from: copyFrom } = require('pg-copy-streams');
const { pipeline } = require('node:stream/promises');
const { Writable, Readable } = require('node:stream');

const KEYWORD = 'api::keyword.keyword';
const domain = (app, file) => require(path.join(app.dirs.dist.root, 'src/plugins/import-export/server/src/domain', file));

const time = async (fn) => {
  const start = process.hrtime.bigint();
  const out = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out };
};

const link = (app, uid, field) => {
  const jt = app.db.metadata.get(uid).attributes[field].joinTable;
  return { table: jt.name, own: jt.joinColumn.name, other: jt.inverseJoinColumn.name };
};

/** One account, site, sector; `rows` keywords linked to all three, one in ten `active` (the 10% filter). */
const setup = async (app, { rows }) => {
  const knex = app.db.connection;
  const account = await app.documents('api::account.account').create({ data: { name: 'Bench IO', slug: 'bench-io' } });
  const site = await app.documents('api::site.site').create({ data: { name: 'Bench site', domain: 'bench.example.com', account: account.documentId } });
  const sector = await app.documents('api::sector.sector').create({ data: { name: 'Bench sector', site: site.documentId, account: account.documentId } });
  const ids = {};
  for (const [name, uid, documentId] of [['account', 'api::account.account', account.documentId], ['site', 'api::site.site', site.documentId], ['sector', 'api::sector.sector', sector.documentId]]) {
    ids[name] = (await app.db.query(uid).findOne({ where: { documentId } })).id;
  }
  const table = app.db.metadata.get(KEYWORD).tableName;
  await knex.raw(
    `INSERT INTO ?? (document_id, keyword, status, volume, difficulty, intent, created_at, updated_at)
     SELECT substr(md5('io' || g::text), 1, 24), 'kw ' || g, CASE WHEN g % 10 = 0 THEN 'active' ELSE 'pending' END, g % 5000, g % 100,
            (ARRAY['informational','commercial','transactional','navigational'])[1 + g % 4], now(), now()
       FROM generate_series(1, ?) g`,
    [table, rows]
  );
  for (const field of ['account', 'site', 'sector']) {
    const l = link(app, KEYWORD, field);
    await knex.raw(`INSERT INTO ?? (??, ??) SELECT id, ? FROM ??`, [l.table, l.own, l.other, ids[field], table]);
  }
  await knex.raw('VACUUM ANALYZE');
  const admin = await app.db.query('admin::user').findOne({});
  return { table, adminUserId: admin?.id ?? null, ...ids };
};

let sampler = null;
/** Samples RSS every 20 ms until `memoryStop`; growth is the peak over the RSS at start. */
const memoryStart = () => {
  const base = process.memoryUsage().rss;
  sampler = { base, peak: base, timer: setInterval(() => (sampler.peak = Math.max(sampler.peak, process.memoryUsage().rss)), 20) };
  return base;
};
const memoryStop = () => {
  clearInterval(sampler.timer);
  sampler.peak = Math.max(sampler.peak, process.memoryUsage().rss);
  const out = { baseMb: sampler.base / 2 ** 20, peakMb: sampler.peak / 2 ** 20, growthMb: (sampler.peak - sampler.base) / 2 ** 20 };
  sampler = null;
  return out;
};

/** The baseline of an export: `COPY (the same query) TO STDOUT` in CSV, read to the end, no HTTP. */
const copyOut = async (app, { filters }) => {
  const dataset = app.plugin('import-export').service('datasets').get(KEYWORD);
  const converted = app.get('query-params').transform(KEYWORD, { filters: { $and: [filters, { deletedAt: { $null: true } }] } });
  const sql = app.plugin('import-export').service('exporter').sql(dataset, { uid: KEYWORD, where: converted.where });
  const client = app.db.connection.client;
  const connection = await client.acquireConnection();
  try {
    return await time(async () => {
      let bytes = 0;
      let lines = 0;
      const sink = new Writable({
        write(chunk, _enc, cb) {
          bytes += chunk.length;
          for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
          cb();
        },
      });
      await pipeline(connection.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`)), sink);
      return { bytes, rows: lines - 1 };
    });
  } finally {
    client.releaseConnection(connection);
  }
};

const importFile = (name) => path.join(os.tmpdir(), `igny8-bench-io-${process.pid}-${name}.csv`);

/** Writes the import files: `rows` new keywords (create), the same with another volume (update). */
const makeImportFiles = async (app, { rows }) => {
  const header = 'keyword,site,sector,account,volume,difficulty,intent,status\n';
  const intents = ['informational', 'commercial', 'transactional', 'navigational'];
  const body = (bump) => {
    let out = header;
    for (let i = 1; i <= rows; i++) out += `imp ${i},bench.example.com,Bench sector,bench-io,${(i % 5000) + bump},${i % 100},${intents[i % 4]},pending\n`;
    return out;
  };
  fs.writeFileSync(importFile('create'), body(0));
  fs.writeFileSync(importFile('update'), body(1));
  return { files: ['create', 'update'].map(importFile) };
};

/**
 * One import pass of a file through the pipeline the job runs (parse, map, validate, resolve relations,
 * upsert), minus the Bull hop. The header comes from the upload (not timed), as the job reads it from the import row.
 */
const importPass = async (app, { file, adminUserId, profileFile }) => {
  const { dataBatches } = domain(app, 'read-file');
  const { suggestMapping } = domain(app, 'rows');
  const importer = app.plugin('import-export').service('importer');
  const dataset = app.plugin('import-export').service('datasets').get(KEYWORD);
  const buffer = fs.readFileSync(importFile(file));
  const headers = buffer.toString('utf8', 0, buffer.indexOf(10)).split(',');
  const mapping = suggestMapping(headers, dataset);
  await meterStart(app, { profile: Boolean(profileFile) });
  const timed = await time(async () => {
    const result = await importer.process({ uid: KEYWORD, headers, batches: dataBatches(buffer, 'csv'), mapping, write: true, adminUserId });
    return result.counts;
  });
  return { ...timed, ...(await meterStop(app, { profileFile })) };
};

// What load does not distort much: the app's CPU time and the SQL statements of a pass (knex's
// `query` event), and optionally a CPU profile of the pass (inspector), for `--profile`.
const meter = { installed: false, queries: 0, cpu: null, session: null };
const post = (session, method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
/**
 * CPU time of this database's PostgreSQL backends (from /proc: the bench's server runs on this machine),
 * by pid. A backend that exits between two readings loses its share, so this can only undercount.
 */
const CLOCK_TICK_MS = 10;
const backendCpu = async (app) => {
  const { rows } = await app.db.connection.raw('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const out = new Map();
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MS);
    } catch {
      // not on this machine, or gone
    }
  }
  return out;
};
const backendCpuSince = (before, after) => {
  if (!after.size) return null;
  let ms = 0;
  for (const [pid, cpu] of after) ms += cpu - (before.get(pid) ?? 0);
  return ms;
};

const meterStart = async (app, { profile }) => {
  if (!meter.installed) {
    app.db.connection.on('query', () => meter.queries++);
    meter.installed = true;
  }
  if (profile) {
    meter.session = new (require('node:inspector').Session)();
    meter.session.connect();
    await post(meter.session, 'Profiler.enable');
    await post(meter.session, 'Profiler.start');
  }
  meter.queries = 0;
  meter.pg = await backendCpu(app);
  meter.cpu = process.cpuUsage();
};
const meterStop = async (app, { profileFile }) => {
  const cpu = process.cpuUsage(meter.cpu);
  const queries = meter.queries;
  const out = { cpuMs: (cpu.user + cpu.system) / 1000, queries, pgCpuMs: backendCpuSince(meter.pg, await backendCpu(app)) };
  if (meter.session) {
    const { profile } = await post(meter.session, 'Profiler.stop');
    meter.session.disconnect();
    meter.session = null;
    if (profileFile) {
      fs.mkdirSync(path.dirname(profileFile), { recursive: true });
      fs.writeFileSync(profileFile, JSON.stringify(profile));
    }
  }
  return out;
};

/**
 * The import baseline: raw `COPY ... FROM STDIN` of the same rows, no validation, no lookups, no upsert.
 * `linked: false` loads the keywords table only; `linked: true` also its account, site and sector link
 * tables (what the import writes for the same records), with ids reserved from the table's sequence.
 */
const copyIn = async (app, { rows, linked, ids }) => {
  const table = app.db.metadata.get(KEYWORD).tableName;
  const intents = ['informational', 'commercial', 'transactional', 'navigational'];
  const knex = app.db.connection;
  const { rows: seq } = await knex.raw(`SELECT nextval(pg_get_serial_sequence(?, 'id')) AS id FROM generate_series(1, ?)`, [table, rows]);
  const keyIds = seq.map((r) => Number(r.id));
  let main = '';
  for (let i = 1; i <= rows; i++) main += `${keyIds[i - 1]},bench${String(i).padStart(19, '0')},imp ${i},${i % 5000},${i % 100},${intents[i % 4]},pending\n`;
  const links = linked
    ? ['account', 'site', 'sector'].map((field) => {
        const l = link(app, KEYWORD, field);
        return { sql: `COPY "${l.table}" ("${l.own}", "${l.other}") FROM STDIN WITH (FORMAT csv)`, data: keyIds.map((id) => `${id},${ids[field]}\n`).join('') };
      })
    : [];
  const client = app.db.connection.client;
  const connection = await client.acquireConnection();
  const pgBefore = await backendCpu(app);
  try {
    const timed = await time(async () => {
      let loaded = 0;
      for (const step of [{ sql: `COPY "${table}" (id, document_id, keyword, volume, difficulty, intent, status) FROM STDIN WITH (FORMAT csv)`, data: main }, ...links]) {
        const stream = connection.query(copyFrom(step.sql));
        await pipeline(Readable.from([Buffer.from(step.data)]), stream);
        loaded += stream.rowCount;
      }
      return loaded;
    });
    return { ...timed, pgCpuMs: backendCpuSince(pgBefore, await backendCpu(app)) };
  } finally {
    client.releaseConnection(connection);
  }
};

/** Removes the imported keywords (their link rows go with them: ON DELETE CASCADE) and re-analyses. */
const dropImported = async (app) => {
  const table = app.db.metadata.get(KEYWORD).tableName;
  const { rowCount } = await app.db.connection.raw(`DELETE FROM ?? WHERE keyword LIKE 'imp %'`, [table]);
  await app.db.connection.raw('VACUUM ANALYZE ??', [table]);
  return rowCount;
};

/**
 * The app's CPU while it does nothing the bench asked for (Strapi's timers, Bull's polling, other
 * plugins' schedules), per second: part of every pass's app CPU, in proportion to its wall time.
 */
const idleCpu = async (app, { ms }) => {
  const start = process.cpuUsage();
  const at = process.hrtime.bigint();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const cpu = process.cpuUsage(start);
  return ((cpu.user + cpu.system) / 1000) / (Number(process.hrtime.bigint() - at) / 1e9);
};

const cleanup = () => {
  for (const name of ['create', 'update']) fs.rmSync(importFile(name), { force: true });
};

module.exports = { setup, memoryStart, memoryStop, copyOut, makeImportFiles, importPass, copyIn, dropImported, idleCpu, cleanup };
