// Once per `jest` run: a PostgreSQL (embedded unless TEST_DATABASE_URL is set), a Redis (a private
// redis-server if none answers at REDIS_URL), one compile of the app, and a template database migrated
// and bootstrapped by a real Strapi boot. Each test file then clones the template (about 100 ms).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ensureRedis, ensureSecrets, startEmbeddedPostgres, ROOT } from '../../scripts/lib/services.mjs';

const require = createRequire(import.meta.url);
export const DIST = path.join(ROOT, '.cache', 'test-dist');
export const TEMPLATE_DB = 'igny8_test_template';

export default async function globalSetup() {
  process.env.NODE_ENV = 'test';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.CRON_ENABLED = 'false';
  process.env.SEED_DEMO_DATA = 'false';
  process.env.ADMIN_EMAIL = process.env.ADMIN_EMAIL ?? '';
  ensureSecrets(path.join(ROOT, '.cache', 'test.env'));

  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'igny8-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), database: 'postgres', persistent: false });
    globalThis.__IGNY8_PG__ = { pg, dataDir };
    serverUrl = pg.url;
  }
  process.env.TEST_SERVER_URL = serverUrl;
  const redis = await ensureRedis(process.env.REDIS_URL);
  globalThis.__IGNY8_REDIS__ = redis;
  process.env.REDIS_URL = redis.url;
  process.env.QUEUE_PREFIX = `igny8test${process.pid}`;

  const tsc = spawnSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--outDir', DIST], { cwd: ROOT, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('TypeScript compile of the app failed (see above)');
  process.env.TEST_DIST_DIR = DIST;

  const { withDatabase } = require('../../scripts/lib/db-admin.cjs');
  await withDatabase(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  process.env.DATABASE_URL = url.toString();
  const { createStrapi } = require('@strapi/strapi');
  const app = createStrapi({ appDir: ROOT, distDir: DIST, autoReload: false, serveAdminPanel: false });
  app.log.level = 'warn';
  await app.load();
  await app.destroy();
  process.env.TEST_TEMPLATE_DB = TEMPLATE_DB;
}
