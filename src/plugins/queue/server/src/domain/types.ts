import type Bull from 'bull';

/** One job type of a queue and how a worker runs it. */
export interface ProcessorDefinition<Data = any> {
  /** Jobs of this type run at most this many at once per worker process. */
  concurrency?: number;
  handler: (job: Bull.Job<Data>) => Promise<unknown>;
}

/**
 * A queue as a plugin declares it in its `register()`:
 * `getQueueService(strapi).define({ name: 'ai', description, processors: { generate: {...} } })`.
 */
export interface QueueDefinition {
  /** kebab-case, unique across plugins; the Redis key prefix is `<prefix>:<name>`. */
  name: string;
  description: string;
  defaultJobOptions?: Bull.JobOptions;
  limiter?: Bull.RateLimiter;
  settings?: Bull.AdvancedSettings;
  processors?: Record<string, ProcessorDefinition>;
}

export interface QueuePluginConfig {
  redisUrl: string;
  prefix: string;
  runWorkers: boolean;
  /** Overrides the default 60 s job lock (renewed at half of it) for every queue that does not set its own. */
  lockDurationMs?: number;
  /** Overrides the default 30 s stalled-job check interval. */
  stalledIntervalMs?: number;
  /** How long close() lets active jobs finish before it drops the connections (they are then handed back as stalled). */
  shutdownGraceMs: number;
  /** How often lost-job recovery sweeps (0: never; see services/recovery.ts). */
  recoverEveryMs: number;
  /** Rows written less than this long ago are left alone by recovery (they may be mid-enqueue). */
  recoverAfterMs: number;
}

/**
 * Bull's job options plus `fairnessKey`: jobs of the same key (an account id, say) are interleaved with
 * other keys' jobs by priority instead of running in arrival order (see domain/fairness.ts). Do not
 * combine with an explicit `priority`.
 */
export type AddOptions = Bull.JobOptions & { fairnessKey?: string | number };

export interface RedisHealth {
  status: 'up' | 'down';
  url: string;
  latencyMs?: number;
  version?: string;
  usedMemoryBytes?: number;
  connectedClients?: number;
  uptimeSeconds?: number;
  error?: string;
}

export interface QueueCounts {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
  paused: number;
}
