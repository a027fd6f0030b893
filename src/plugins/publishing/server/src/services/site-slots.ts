import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type Redis from 'ioredis';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';

// Sorted set of holders scored by expiry: expired holders (a killed worker) drop out by themselves.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  return 1
end
return 0`;

/**
 * Per-site concurrency across every worker process: a Redis semaphore of `perSiteConcurrency` slots
 * per integration, each slot held for at most `leaseMs`.
 */
export const createSiteSlotsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let redis: Redis | undefined;
  const conn = () => (redis ??= getQueueService(strapi).createConnection({ maxRetriesPerRequest: 2 }));
  const prefix = () => `${strapi.config.get('plugin::queue.prefix')}:publishing:slots:`;
  const cfg = (k: string) => strapi.config.get(`plugin::publishing.${k}`) as number;

  return {
    /** Waits up to `waitMs` for a slot; returns a release function, or null when the site stays busy. */
    async acquire(integrationId: number, waitMs: number): Promise<(() => Promise<void>) | null> {
      const token = randomUUID();
      const key = `${prefix()}${integrationId}`;
      const deadline = Date.now() + waitMs;
      for (;;) {
        const now = Date.now();
        const ok = await conn().eval(ACQUIRE, 1, key, now, now + cfg('leaseMs'), cfg('perSiteConcurrency'), token, cfg('leaseMs') * 2);
        if (ok === 1) return async () => void (await conn().zrem(key, token).catch(() => undefined));
        if (Date.now() > deadline) return null;
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
      }
    },
  };
};

export type SiteSlotsService = ReturnType<typeof createSiteSlotsService>;
