import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { DEFAULT_JOB_OPTIONS, DEFAULT_QUEUE_SETTINGS } from '../../../../queue/server/src/domain/default-job-options';
import { redact, secretEnvValues } from '../domain/redact';

const versionOf = (dir: string | undefined, packages: string[]): string | null => {
  const tryRead = (file: string) => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8')).version ?? null;
    } catch {
      return null;
    }
  };
  if (dir) {
    const v = tryRead(path.join(dir, 'package.json'));
    if (v) return v;
  }
  for (const pkg of packages) {
    try {
      const v = tryRead(require.resolve(`${pkg}/package.json`));
      if (v) return v;
    } catch {
      /* not this name */
    }
  }
  return null;
};

/** Database target without credentials: host, port and name parsed from the URL or the fields. */
const databaseTarget = (connection: any) => {
  const c = connection?.connection ?? {};
  if (typeof c.connectionString === 'string') {
    try {
      const url = new URL(c.connectionString);
      return { host: url.hostname, port: Number(url.port || 5432), database: url.pathname.replace(/^\//, ''), user: decodeURIComponent(url.username), ssl: Boolean(c.ssl) };
    } catch {
      return { host: 'unparseable DATABASE_URL' };
    }
  }
  return { host: c.host, port: c.port, database: c.database, user: c.user, ssl: Boolean(c.ssl) };
};

/**
 * The debug console: the effective configuration, read-only, for staff. Everything passes through
 * `redact()` at the end (secret-looking keys, URL passwords and the value of every secret-looking
 * env var), so a new field cannot leak by being forgotten here.
 */
export const createDebugService = ({ strapi }: { strapi: Core.Strapi }) => ({
  snapshot() {
    const connection = strapi.config.get('database.connection') as any;
    const queue = strapi.config.get('plugin::queue') as any;
    const enabled = (strapi.config.get('enabledPlugins') ?? {}) as Record<string, { pathToPlugin?: string; packageInfo?: { name?: string; version?: string } }>;
    const plugins = Object.keys(strapi.plugins as Record<string, unknown>).map((name) => {
      const entry = enabled[name] ?? {};
      const local = Boolean(entry.pathToPlugin && !path.relative(strapi.dirs.app.src, entry.pathToPlugin).startsWith('..'));
      return {
        name,
        package: entry.packageInfo?.name ?? null,
        source: local ? 'local' : 'npm',
        version: entry.packageInfo?.version ?? versionOf(undefined, [`@strapi/plugin-${name}`, `@strapi/${name}`]),
        config: strapi.config.get(`plugin::${name}`) ?? null,
      };
    });
    const raw = {
      environment: {
        nodeEnv: process.env.NODE_ENV ?? 'development',
        strapiEnvironment: strapi.config.get('environment') ?? process.env.NODE_ENV ?? 'development',
        strapiVersion: versionOf(undefined, ['@strapi/strapi']),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        pid: process.pid,
        uptimeSeconds: Math.round(process.uptime()),
        memory: process.memoryUsage(),
      },
      server: {
        host: strapi.config.get('server.host'),
        port: strapi.config.get('server.port'),
        url: strapi.config.get('server.url'),
        proxy: strapi.config.get('server.proxy'),
        cron: strapi.config.get('server.cron'),
      },
      database: {
        engine: connection?.client,
        ...databaseTarget(connection),
        pool: connection?.pool,
        acquireConnectionTimeout: connection?.acquireConnectionTimeout,
      },
      redis: { url: queue?.redisUrl, prefix: queue?.prefix, available: getQueueService(strapi).isAvailable() },
      queues: {
        runWorkersInProcess: queue?.runWorkers,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
        defaultSettings: DEFAULT_QUEUE_SETTINGS,
        definitions: getQueueService(strapi)
          .definitions()
          .map((d) => ({ name: d.name, description: d.description, processors: Object.entries(d.processors ?? {}).map(([job, p]) => ({ job, concurrency: p.concurrency ?? 1 })), limiter: d.limiter, defaultJobOptions: d.defaultJobOptions })),
      },
      paths: { ...strapi.dirs, uploads: path.join(strapi.dirs.static.public, 'uploads') },
      plugins,
    };
    return redact(raw, secretEnvValues(process.env)) as typeof raw;
  },
});

export type DebugService = ReturnType<typeof createDebugService>;
