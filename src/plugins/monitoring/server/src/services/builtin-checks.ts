import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import type { MonitoringConfig } from '../domain/config';
import type { HealthCheck } from '../domain/registry-types';
import { classify, worst } from '../domain/status';

const ms = (started: bigint) => Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 100) / 100;

/** The built-in components: PostgreSQL, Redis, queues, workers and the uploads disk. */
export const builtinChecks = (strapi: Core.Strapi, config: MonitoringConfig['health']): HealthCheck[] => {
  const queues = () => getQueueService(strapi);
  return [
    {
      id: 'database',
      label: 'PostgreSQL',
      async run() {
        const knex = strapi.db.connection;
        const started = process.hrtime.bigint();
        await knex.raw('SELECT 1');
        const latencyMs = ms(started);
        const { rows } = await knex.raw(
          `SELECT current_setting('server_version') AS version, current_setting('max_connections')::int AS max,
                  (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS used,
                  (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database())::int AS "usedByThisDatabase"`
        );
        const { version, max, used, usedByThisDatabase } = rows[0];
        const pct = max ? Math.round((used / max) * 1000) / 10 : 0;
        const status = worst([classify(latencyMs, config.databaseLatencyMs), classify(pct, config.databaseConnectionsPct)]);
        const pool = (knex.client as any).pool;
        return {
          status,
          summary: `PostgreSQL ${version}, ${latencyMs} ms, ${used}/${max} connections`,
          detail: {
            version,
            latencyMs,
            connections: { used, max, usedPct: pct, usedByThisDatabase },
            pool: pool ? { used: pool.numUsed?.(), free: pool.numFree?.(), pending: pool.numPendingAcquires?.(), max: pool.max } : undefined,
          },
        };
      },
    },
    {
      id: 'redis',
      label: 'Redis',
      async run() {
        const redis = await queues().health();
        if (redis.status === 'down') return { status: 'red', summary: `Redis unreachable (${redis.error ?? 'down'})`, detail: { ...redis } };
        return {
          status: classify(redis.latencyMs ?? 0, config.redisLatencyMs),
          summary: `Redis ${redis.version}, ${redis.latencyMs} ms, ${redis.connectedClients} clients`,
          detail: { ...redis },
        };
      },
    },
    {
      id: 'queues',
      label: 'Queues',
      async run() {
        if (!queues().isAvailable()) return { status: 'red', summary: 'Queues unavailable: Redis is down' };
        const counts = await queues().counts();
        const failed = counts.reduce((s, q) => s + q.failed, 0);
        const backlog = counts.reduce((s, q) => s + q.waiting + q.delayed, 0);
        const active = counts.reduce((s, q) => s + q.active, 0);
        return {
          status: worst([classify(failed, config.queueFailed), classify(backlog, config.queueBacklog)]),
          summary: `${counts.length} queues: ${backlog} waiting or delayed, ${active} active, ${failed} failed`,
          detail: { totals: { backlog, active, failed }, queues: counts },
        };
      },
    },
    {
      id: 'workers',
      label: 'Workers',
      critical: false,
      async run() {
        if (!queues().isAvailable()) return { status: 'red', summary: 'Workers unknown: Redis is down' };
        const workers = await queues().workers();
        const status = workers.length === 0 && config.expectWorkers ? 'yellow' : 'green';
        return { status, summary: `${workers.length} worker process(es) alive`, detail: { workers } };
      },
    },
    {
      id: 'disk',
      label: 'Disk (uploads)',
      async run() {
        const dir = path.resolve(strapi.dirs.app.root, config.uploadsDir);
        const exists = await fs.stat(dir).then((s) => s.isDirectory()).catch(() => false);
        const writable = exists && (await fs.access(dir, fs.constants.W_OK).then(() => true).catch(() => false));
        // The file system of the folder, or of its nearest existing parent when it does not exist yet.
        let probe = dir;
        while (!(await fs.stat(probe).then(() => true).catch(() => false)) && path.dirname(probe) !== probe) probe = path.dirname(probe);
        const stats = await fs.statfs(probe);
        const totalBytes = stats.blocks * stats.bsize;
        const freeBytes = stats.bavail * stats.bsize;
        const freePct = totalBytes ? Math.round((freeBytes / totalBytes) * 1000) / 10 : 0;
        const status = worst([classify(freePct, config.diskFreePct, 'below'), exists && writable ? 'green' : 'yellow']);
        const gb = (b: number) => `${(b / 1024 ** 3).toFixed(1)} GB`;
        return {
          status,
          summary: `${gb(freeBytes)} free of ${gb(totalBytes)} (${freePct}%)${exists ? (writable ? '' : ', uploads folder not writable') : ', uploads folder missing'}`,
          detail: { uploadsDir: path.relative(strapi.dirs.app.root, dir) || '.', exists, writable, freeBytes, totalBytes, freePct },
        };
      },
    },
  ];
};
