import os from 'node:os';
import Bull from 'bull';
import Redis, { type RedisOptions } from 'ioredis';
import createHttpError from 'http-errors';
import type { Core } from '@strapi/strapi';
import { DEFAULT_JOB_OPTIONS, DEFAULT_QUEUE_SETTINGS } from '../domain/default-job-options';
import { redactUrl } from '../domain/redact-url';
import type { QueueCounts, QueueDefinition, QueuePluginConfig, RedisHealth } from '../domain/types';

const NAME = /^[a-z][a-z0-9-]*$/;
const HEARTBEAT_EVERY_MS = 10_000;

/**
 * The one place that owns Redis and Bull. Plugins `define()` their queues in `register()`; HTTP code
 * calls `add()`, which answers 503 (never hangs) while Redis is unreachable; worker processes call
 * `startWorkers()`. Connections are shared: one command client and one subscriber for all queues,
 * plus the blocking client Bull needs per queue.
 */
export const createQueueService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get('plugin::queue') as QueuePluginConfig;
  const definitions = new Map<string, QueueDefinition>();
  const queues = new Map<string, Bull.Queue>();
  const ownedConnections: Redis[] = [];
  let monitor: Redis | undefined;
  let shared: { client?: Redis; subscriber?: Redis } = {};
  let workersWanted = false;
  let workersStarted = false;
  let heartbeat: NodeJS.Timeout | undefined;
  const workerId = `${os.hostname()}:${process.pid}`;

  const baseOptions: RedisOptions = {
    // Keep retrying in the background so the app recovers by itself when Redis comes back.
    retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
  };

  const connection = (extra: RedisOptions = {}) => {
    const redis = new Redis(config.redisUrl, { ...baseOptions, ...extra });
    redis.on('error', () => {
      /* reported through health(); ioredis reconnects by itself */
    });
    ownedConnections.push(redis);
    return redis;
  };

  const unavailable = () =>
    new createHttpError.ServiceUnavailable(
      `Background jobs are unavailable: Redis is not reachable at ${redactUrl(config.redisUrl)}. ` +
        'Start Redis or set REDIS_URL, then retry.'
    );

  const isAvailable = () => monitor?.status === 'ready';

  function define(definition: QueueDefinition) {
    if (!NAME.test(definition.name)) {
      throw new Error(`Queue name "${definition.name}" must be kebab-case (a-z, 0-9, -)`);
    }
    if (definitions.has(definition.name)) {
      throw new Error(`Queue "${definition.name}" is already defined; queue names are global across plugins`);
    }
    definitions.set(definition.name, definition);
  }

  function get(name: string): Bull.Queue {
    const definition = definitions.get(name);
    if (!definition) {
      throw new Error(`Unknown queue "${name}". Defined queues: ${[...definitions.keys()].join(', ') || 'none'}`);
    }
    if (!isAvailable()) throw unavailable();
    let queue = queues.get(name);
    if (!queue) {
      queue = new Bull(name, {
        prefix: config.prefix,
        defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, ...definition.defaultJobOptions },
        settings: { ...DEFAULT_QUEUE_SETTINGS, ...definition.settings },
        limiter: definition.limiter,
        createClient: (type) => {
          if (type === 'client') return (shared.client ??= connection());
          // Bull requires these two without ready checks or per-request retry limits.
          const blocking = { maxRetriesPerRequest: null, enableReadyCheck: false };
          if (type === 'subscriber') return (shared.subscriber ??= connection(blocking));
          return connection(blocking);
        },
      });
      queue.on('error', (error) => strapi.log.warn(`[queue] ${name}: ${error.message}`));
      queues.set(name, queue);
    }
    return queue;
  }

  async function add<T>(name: string, jobName: string, data: T, options: Bull.JobOptions = {}) {
    return get(name).add(jobName, data, options);
  }

  function runProcessors() {
    if (workersStarted || !isAvailable()) return;
    workersStarted = true;
    for (const definition of definitions.values()) {
      for (const [jobName, processor] of Object.entries(definition.processors ?? {})) {
        get(definition.name).process(jobName, processor.concurrency ?? 1, processor.handler);
      }
    }
    const beat = () =>
      monitor
        ?.set(`${config.prefix}:workers:${workerId}`, JSON.stringify({ queues: [...definitions.keys()], at: Date.now() }), 'PX', HEARTBEAT_EVERY_MS * 3)
        .catch(() => undefined);
    void beat();
    heartbeat = setInterval(beat, HEARTBEAT_EVERY_MS);
    heartbeat.unref();
    strapi.log.info(`[queue] workers running for: ${[...definitions.keys()].join(', ') || 'no queues'}`);
  }

  return {
    define,
    get,
    add,
    isAvailable,
    definitions: () => [...definitions.values()],

    /**
     * A dedicated Redis connection for another plugin's own use (pub/sub, say: a subscribed connection
     * can do nothing else), with this plugin's URL, reconnect policy and error handling. It is closed
     * by `close()` with the others.
     */
    createConnection(options: RedisOptions = {}) {
      return connection(options);
    },

    /** Opens the monitoring connection. Never throws: a missing Redis leaves the app up in degraded mode. */
    async connect() {
      monitor = connection({ lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 });
      monitor.on('ready', () => {
        if (workersWanted) runProcessors();
      });
      try {
        await monitor.connect();
      } catch (error) {
        strapi.log.warn(
          `[queue] Redis is not reachable at ${redactUrl(config.redisUrl)} (${(error as Error).message}); ` +
            'the API and admin run, jobs answer 503 until it is back.'
        );
      }
    },

    /** Starts the processors now, or as soon as Redis is reachable. */
    startWorkers() {
      workersWanted = true;
      runProcessors();
    },

    async health(): Promise<RedisHealth> {
      const url = redactUrl(config.redisUrl);
      if (!monitor || !isAvailable()) return { status: 'down', url, error: 'not connected' };
      try {
        const started = process.hrtime.bigint();
        await monitor.ping();
        const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
        const info = await monitor.info();
        const field = (key: string) => info.match(new RegExp(`^${key}:(.*)$`, 'm'))?.[1]?.trim();
        return {
          status: 'up',
          url,
          latencyMs: Math.round(latencyMs * 100) / 100,
          version: field('redis_version'),
          usedMemoryBytes: Number(field('used_memory')),
          connectedClients: Number(field('connected_clients')),
          uptimeSeconds: Number(field('uptime_in_seconds')),
        };
      } catch (error) {
        return { status: 'down', url, error: (error as Error).message };
      }
    },

    async counts(): Promise<QueueCounts[]> {
      if (!isAvailable()) throw unavailable();
      return Promise.all(
        [...definitions.keys()].map(async (name) => {
          const c = await get(name).getJobCounts();
          const paused = await get(name).getPausedCount?.() ?? 0;
          return { name, waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed, completed: c.completed, paused };
        })
      );
    },

    /** Worker processes alive by heartbeat (keys expire 30 s after the last beat). */
    async workers(): Promise<Array<{ id: string; queues: string[]; lastBeatAt: string }>> {
      if (!monitor || !isAvailable()) throw unavailable();
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await monitor.scan(cursor, 'MATCH', `${config.prefix}:workers:*`, 'COUNT', 100);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== '0');
      const values = keys.length ? await monitor.mget(keys) : [];
      return keys.map((key, i) => {
        const value = JSON.parse(values[i] ?? '{}');
        return { id: key.slice(`${config.prefix}:workers:`.length), queues: value.queues ?? [], lastBeatAt: new Date(value.at ?? 0).toISOString() };
      });
    },

    /**
     * Graceful shutdown: stop taking jobs, let active ones finish (Bull waits for them), then close
     * every connection so the process (and jest) can exit.
     */
    async close() {
      if (heartbeat) clearInterval(heartbeat);
      await monitor?.del(`${config.prefix}:workers:${workerId}`).catch(() => undefined);
      await Promise.all([...queues.values()].map((queue) => queue.close().catch(() => undefined)));
      queues.clear();
      // quit() on a disconnected client would wait for a reconnect that may never come.
      await Promise.all(
        ownedConnections.map((redis) => (redis.status === 'ready' ? redis.quit().catch(() => redis.disconnect()) : redis.disconnect()))
      );
      ownedConnections.length = 0;
      shared = {};
      workersStarted = false;
    },
  };
};

export type QueueService = ReturnType<typeof createQueueService>;
