import path from 'node:path';
import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { withDatabase } = require('../../scripts/lib/db-admin.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
let counter = 0;

export interface TestApp {
  strapi: Core.Strapi;
  request: () => supertest.Agent;
  databaseUrl: string;
  /** This app's Bull key prefix; worker processes started for it must use the same one. */
  queuePrefix: string;
  close: () => Promise<void>;
}

export interface BootOptions {
  /** Extra environment for this boot (e.g. REDIS_URL pointing at nothing). */
  env?: Record<string, string>;
}

/**
 * A real Strapi, booted from the compiled app on its own fresh database (a clone of the migrated
 * template), mounted without listening. One per test file; `close()` destroys it and drops the database.
 */
export const bootStrapi = async (options: BootOptions = {}): Promise<TestApp> => {
  const server = process.env.TEST_SERVER_URL!;
  const database = `igny8_t${process.pid}_${++counter}_${Date.now() % 100000}`;
  await withDatabase(server, (c: any) => c.query(`CREATE DATABASE ${database} TEMPLATE ${process.env.TEST_TEMPLATE_DB}`));
  const url = new URL(server);
  url.pathname = `/${database}`;
  const saved: Record<string, string | undefined> = {};
  // Its own queues too: a file whose app outlives it (a boot that timed out) must not take the next
  // file's jobs, and Bull remembers job ids per prefix.
  const env = { DATABASE_URL: url.toString(), QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'igny8test'}_${database}`, ...options.env };
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  const { createStrapi } = require('@strapi/strapi');
  const strapi: Core.Strapi = createStrapi({ appDir: ROOT, distDir: process.env.TEST_DIST_DIR, autoReload: false, serveAdminPanel: false });
  strapi.log.level = 'warn';
  await strapi.load();
  strapi.server.mount();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return {
    strapi,
    databaseUrl: url.toString(),
    queuePrefix: env.QUEUE_PREFIX,
    request: () => supertest.agent(strapi.server.httpServer),
    close: async () => {
      await strapi.destroy();
      await withDatabase(server, (c: any) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
};
