import os from 'node:os';
import Bull from 'bull';
import Redis, { type RedisOptions } from 'ioredis';
import createHttpError from 'http-errors';
import type { Core } from '@strapi/strapi';
import { DEFAULT_JOB_OPTIONS, DEFAULT_QUEUE_SETTINGS } from '../domain/default-job-options';
import { ADVANCE_LUA, FAIRNESS_KEY_TTL_MS, RESERVE_LUA, fairClockKey, fairnessRedisKeys } from '../domain/fairness';
import { redactUrl } from '../domain/redact-url';
import { settleWithin } from '../domain/settle-within';
import type { AddOptions, QueueCounts, QueueDefinition, QueuePluginConfig, RedisHealth } from '../domain/types';

const NAME = /^[a-z][a-z0-9-]*$/;

/** The shared command client with the fairness scripts defined on it (EVALSHA, see `withFairnessCommands`). */
type FairRedis = Redis & {
  fairReserve(clock: string, key: string, count: number, ttlMs: number): Promise<number | string>;
  fairAdvance(clock: string, priority: number): Promise<number | string>;
};

/**
 * The fairness scripts as ioredis commands: sent as EVALSHA, so the script's text is not sent and
 * hashed by Redis with every job (the clock advances once per job started); ioredis falls back to
 * EVAL by itself when Redis answers NOSCRIPT (a restarted Redis has an empty script cache).
 */
const withFairnessCommands = (redis: Redis) => {
  redis.defineCommand('fairReserve', { numberOfKeys: 2, lua: RESERVE_LUA });
  redis.defineCommand('fairAdvance', { numberOfKeys: 1, lua: ADVANCE_LUA });
  return redis;
};
const HEARTBEAT_EVERY_MS = 10_000;
// With Redis gone, in-flight jobs cannot be completed or handed back anyway: do not wait the full grace.
const CLOSE_WITHOUT_REDIS_MS = 1_000;

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
        settings: { ...DEFAULT_QUEUE_SETTINGS, ...configuredSettings(), ...definition.settings },
        limiter: definition.limiter,
        createClient: (type) => {
          if (type === 'client') return (shared.client ??= withFairnessCommands(connection()));
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

  /** Lock and stall timings from the environment (tests and operators shorten or lengthen them). */
  function configuredSettings(): Bull.AdvancedSettings {
    const settings: Bull.AdvancedSettings = {};
    if (config.lockDurationMs) Object.assign(settings, { lockDuration: config.lockDurationMs, lockRenewTime: Math.floor(config.lockDurationMs / 2) });
    if (config.stalledIntervalMs) settings.stalledInterval = config.stalledIntervalMs;
    return settings;
  }

  /** Reserves `count` consecutive fair priorities for `fairnessKey` in queue `name` (see domain/fairness.ts). */
  async function reservePriorities(name: string, fairnessKey: string | number, count: number): Promise<number> {
    const keys = fairnessRedisKeys(config.prefix, name, String(fairnessKey));
    const client = get(name).client as FairRedis;
    return Number(await client.fairReserve(keys.clock, keys.key, count, FAIRNESS_KEY_TTL_MS));
  }

  async function add<T>(name: string, jobName: string, data: T, options: AddOptions = {}) {
    const { fairnessKey, ...bullOptions } = options;
    const queue = get(name);
    if (fairnessKey !== undefined) bullOptions.priority = await reservePriorities(name, fairnessKey, 1);
    return queue.add(jobName, data, bullOptions);
  }

  /**
   * Many jobs in one round trip (Bull's addBulk). With `fairnessKey`, the batch takes consecutive fair
   * priorities, so a 10,000-job batch is interleaved with other keys' jobs instead of starving them.
   */
  async function addBulk<T>(name: string, jobs: Array<{ name: string; data: T; opts?: Bull.JobOptions }>, { fairnessKey }: { fairnessKey?: string | number } = {}) {
    const queue = get(name);
    if (!jobs.length) return [];
    if (fairnessKey === undefined) return queue.addBulk(jobs);
    const first = await reservePriorities(name, fairnessKey, jobs.length);
    return queue.addBulk(jobs.map((job, i) => ({ ...job, opts: { ...job.opts, priority: first + i } })));
  }

  /** A worker starting a prioritized job moves the queue's fair clock to that job's priority. */
  function withFairClock(name: string, handler: (job: Bull.Job) => Promise<unknown>) {
    return (job: Bull.Job) => {
      const priority = job.opts.priority;
      if (priority) {
        // Best effort, so not awaited: the job need not wait a Redis round trip for it, and a missed
        // advance only makes the next new key's first job wait a little longer.
        void (job.queue.client as FairRedis).fairAdvance(fairClockKey(config.prefix, name), priority).catch(() => undefined);
      }
      return handler(job);
    };
  }

  function runProcessors() {
    if (workersStarted || !isAvailable()) return;
    workersStarted = true;
    for (const definition of definitions.values()) {
      for (const [jobName, processor] of Object.entries(definition.processors ?? {})) {
        get(definition.name).process(jobName, processor.concurrency ?? 1, withFairClock(definition.name, processor.handler));
      }
    }
    // The key expires with the worker; the sorted set indexes the keys, so listing them is not a SCAN of
    // the whole keyspace (one round trip per 100 keys of every other user of this Redis).
    const beat = () =>
      monitor
        ?.multi()
        .set(`${config.prefix}:workers:${workerId}`, JSON.stringify({ queues: [...definitions.keys()], at: Date.now() }), 'PX', HEARTBEAT_EVERY_MS * 3)
        .zadd(`${config.prefix}:workers-index`, Date.now(), workerId)
        .exec()
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
    addBulk,
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
      const index = `${config.prefix}:workers-index`;
      const since = Date.now() - HEARTBEAT_EVERY_MS * 3;
      const [[, ids]] = (await monitor.multi().zrangebyscore(index, since, '+inf').zremrangebyscore(index, '-inf', `(${since}`).exec()) as [[unknown, string[]], unknown];
      const keys = ids.map((id) => `${config.prefix}:workers:${id}`);
      const values = keys.length ? await monitor.mget(keys) : [];
      // A worker whose key expired (it stopped beating) is gone even if its last beat is still indexed.
      return ids.flatMap((id, i) => {
        if (values[i] === null) return [];
        const value = JSON.parse(values[i] ?? '{}');
        return [{ id, queues: value.queues ?? [], lastBeatAt: new Date(value.at ?? 0).toISOString() }];
      });
    },

    /**
     * Graceful shutdown: stop taking jobs and let active ones finish (Bull waits for them), for at most
     * `shutdownGraceMs` (1 s when Redis is unreachable: Bull's close() then never returns). Past that,
     * every connection is dropped; the unfinished jobs' locks expire and another worker takes them up as
     * stalled, so they are handed back rather than lost.
     */
    async close() {
      if (heartbeat) clearInterval(heartbeat);
      const online = isAvailable();
      if (online) await monitor?.multi().del(`${config.prefix}:workers:${workerId}`).zrem(`${config.prefix}:workers-index`, workerId).exec().catch(() => undefined);
      const closing = Promise.all([...queues.values()].map((queue) => queue.close().catch(() => undefined)));
      const outcome = await settleWithin(closing, online ? config.shutdownGraceMs : Math.min(CLOSE_WITHOUT_REDIS_MS, config.shutdownGraceMs));
      if (outcome === 'timeout') {
        strapi.log.warn(`[queue] queues did not close within ${online ? config.shutdownGraceMs : CLOSE_WITHOUT_REDIS_MS} ms${online ? '' : ' (Redis unreachable)'}; disconnecting`);
      }
      queues.clear();
      // quit() on a disconnected client would wait for a reconnect that may never come.
      await Promise.all(
        ownedConnections.map(async (redis) => {
          if (redis.status !== 'ready') return redis.disconnect();
          if ((await settleWithin(redis.quit(), 1000)) === 'timeout') redis.disconnect();
        })
      );
      ownedConnections.length = 0;
      shared = {};
      workersStarted = false;
    },
  };
};

export type QueueService = ReturnType<typeof createQueueService>;
