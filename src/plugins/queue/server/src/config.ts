import type { QueuePluginConfig } from './domain/types';

export default {
  default: (): QueuePluginConfig => ({
    redisUrl: 'redis://127.0.0.1:6379',
    prefix: 'igny8',
    runWorkers: false,
  }),
  validator(config: QueuePluginConfig) {
    try {
      const url = new URL(config.redisUrl);
      if (!['redis:', 'rediss:'].includes(url.protocol)) throw new Error('protocol');
    } catch {
      throw new Error('queue.redisUrl (REDIS_URL) must be a redis:// or rediss:// URL');
    }
    if (!/^[a-z0-9_-]+$/i.test(config.prefix)) throw new Error('queue.prefix (QUEUE_PREFIX) must be alphanumeric');
  },
};
