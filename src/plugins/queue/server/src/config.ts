import type { QueuePluginConfig } from './domain/types';

export default {
  default: (): QueuePluginConfig => ({
    redisUrl: 'redis://127.0.0.1:6379',
    prefix: 'igny8',
    runWorkers: false,
    shutdownGraceMs: 30_000,
    recoverEveryMs: 60_000,
    recoverAfterMs: 120_000,
  }),
  validator(config: QueuePluginConfig) {
    try {
      const url = new URL(config.redisUrl);
      if (!['redis:', 'rediss:'].includes(url.protocol)) throw new Error('protocol');
    } catch {
      throw new Error('queue.redisUrl (REDIS_URL) must be a redis:// or rediss:// URL');
    }
    if (!/^[a-z0-9_-]+$/i.test(config.prefix)) throw new Error('queue.prefix (QUEUE_PREFIX) must be alphanumeric');
    for (const [key, env] of [['lockDurationMs', 'QUEUE_LOCK_DURATION_MS'], ['stalledIntervalMs', 'QUEUE_STALLED_INTERVAL_MS'], ['shutdownGraceMs', 'QUEUE_SHUTDOWN_GRACE_MS'], ['recoverEveryMs', 'QUEUE_RECOVER_EVERY_MS'], ['recoverAfterMs', 'QUEUE_RECOVER_AFTER_MS']] as const) {
      const value = config[key];
      if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw new Error(`queue.${key} (${env}) must be a whole number of milliseconds`);
    }
  },
};
