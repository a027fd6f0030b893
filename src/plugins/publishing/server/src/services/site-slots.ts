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
  // Jobs of this process waiting for a site's slot. A release here wakes one of them at once, so a
  // freed slot is taken again without waiting for a poll; slots freed by other processes are seen by
  // the poll (every 100 to 200 ms).
  const waiting = new Map<number, Array<() => void>>();
  const sleep = (integrationId: number, ms: number) =>
    new Promise<void>((resolve) => {
      const list = waiting.get(integrationId) ?? [];
      waiting.set(integrationId, list);
      const wake = () => {
        clearTimeout(timer);
        const i = list.indexOf(wake);
        if (i >= 0) list.splice(i, 1);
        if (!list.length && waiting.get(integrationId) === list) waiting.delete(integrationId);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      list.push(wake);
    });

  return {
    /** Waits up to `waitMs` for a slot; returns a release function, or null when the site stays busy. */
    async acquire(integrationId: number, waitMs: number): Promise<(() => Promise<void>) | null> {
      const token = randomUUID();
      const key = `${prefix()}${integrationId}`;
      const deadline = Date.now() + waitMs;
      for (;;) {
        const now = Date.now();
        const ok = await conn().eval(ACQUIRE, 1, key, now, now + cfg('leaseMs'), cfg('perSiteConcurrency'), token, cfg('leaseMs') * 2);
        if (ok === 1) {
          return async () => {
            await conn().zrem(key, token).catch(() => undefined);
            waiting.get(integrationId)?.[0]?.();
          };
        }
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await sleep(integrationId, Math.min(left, 100 + Math.random() * 100));
      }
    },
  };
};

export type SiteSlotsService = ReturnType<typeof createSiteSlotsService>;
