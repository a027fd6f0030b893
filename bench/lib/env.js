// What a bench run needs around the app: a PostgreSQL database of its own (an embedded server in a
// temp dir, or a fresh database on BENCH_DATABASE_URL's server), a Redis, secrets, and one compile.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, '.cache', 'bench-dist');

const services = () => import(path.join(ROOT, 'scripts', 'lib', 'services.mjs'));

const { withDatabase: withClient } = require('../../scripts/lib/db-admin.cjs');

/** Starts (or attaches to) PostgreSQL and Redis; returns { databaseUrl, redisUrl, stop }. */
const prepareServices = async ({ log }) => {
  const { ensureRedis, ensureSecrets, startEmbeddedPostgres } = await services();
  ensureSecrets(path.join(ROOT, '.cache', 'bench.env'));
  const stops = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
  };
  try {
    let serverUrl = process.env.BENCH_DATABASE_URL;
    if (!serverUrl) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'igny8-bench-pg-'));
      stops.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), database: 'postgres', persistent: false });
      stops.push(pg.stop);
      serverUrl = pg.url;
      log(`embedded PostgreSQL on port ${pg.port} (data in ${dir}, removed afterwards)`);
    }
    // Always a fresh database, so a run never touches existing data; dropped afterwards.
    const database = `igny8_bench_${process.pid}_${Date.now() % 1e6}`;
    await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${database}`));
    stops.push(() => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)));
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;

    // services.mjs reports on stdout; the bench keeps stdout for its report.
    const consoleLog = console.log;
    console.log = console.error;
    const redis = await ensureRedis(process.env.REDIS_URL).finally(() => (console.log = consoleLog));
    stops.push(redis.stop);
    return { databaseUrl: url.toString(), redisUrl: redis.url, embedded: !process.env.BENCH_DATABASE_URL, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};

/** Compiles the app the way the tests do, into .cache/bench-dist. */
const compileApp = () => {
  const tsc = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json', '--outDir', DIST], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('TypeScript compile of the app failed (see above)');
  return DIST;
};

module.exports = { ROOT, DIST, prepareServices, compileApp, withClient };
