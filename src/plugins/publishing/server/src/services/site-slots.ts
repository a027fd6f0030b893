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

type SlotsRedis = Redis & { publishingSlotAcquire(key: string, now: number, expiresAt: number, limit: number, token: string, ttlMs: number): Promise<number> };

/** What this process holds of one site: its slots, and its jobs waiting for one (first come, first served). */
interface LocalSite {
  held: number;
  waiters: Array<(token: string | null) => void>;
}

/**
 * Per-site concurrency across every worker process: a Redis semaphore of `perSiteConcurrency` slots
 * per integration, each slot held for at most `leaseMs`.
 *
 * Inside one process the slots are also counted locally: a job of a site whose slots this process
 * already holds all of waits without asking Redis, and a job that finishes hands its slot straight to
 * the next job of the same site waiting here (one ZADD refreshing the slot's expiry, instead of a
 * release, a re-acquire and the waiters' polls). Slots freed by other processes are seen by polling
 * Redis every 100 to 200 ms, only while this process holds fewer than the limit.
 */
export const createSiteSlotsService = ({ strapi }: { strapi: Core.Strapi }) => {
  let redis: SlotsRedis | undefined;
  const conn = () => {
    if (!redis) {
      redis = getQueueService(strapi).createConnection({ maxRetriesPerRequest: 2 }) as SlotsRedis;
      // EVALSHA after the first call: the script's text is not sent with every acquire.
      redis.defineCommand('publishingSlotAcquire', { numberOfKeys: 1, lua: ACQUIRE });
    }
    return redis;
  };
  const prefix = () => `${strapi.config.get('plugin::queue.prefix')}:publishing:slots:`;
  const cfg = (k: string) => strapi.config.get(`plugin::publishing.${k}`) as number;
  const sites = new Map<number, LocalSite>();
  const local = (integrationId: number) => {
    let site = sites.get(integrationId);
    if (!site) sites.set(integrationId, (site = { held: 0, waiters: [] }));
    return site;
  };
  const forget = (integrationId: number, site: LocalSite) => {
    if (site.held === 0 && site.waiters.length === 0) sites.delete(integrationId);
  };

  /** Waits for a slot handed over by a job of this process (its token), or null after `ms`. */
  const handOver = (integrationId: number, ms: number) =>
    new Promise<string | null>((resolve) => {
      const site = local(integrationId);
      const take = (token: string | null) => {
        clearTimeout(timer);
        const i = site.waiters.indexOf(take);
        if (i >= 0) site.waiters.splice(i, 1);
        resolve(token);
      };
      const timer = setTimeout(() => take(null), ms);
      site.waiters.push(take);
    });

  const releaser = (integrationId: number, key: string, token: string) => async () => {
    const site = local(integrationId);
    const next = site.waiters[0];
    if (next) {
      // Same slot, next holder: refresh its expiry (XX: a slot already expired and purged stays gone).
      next(token);
      await conn().zadd(key, 'XX', Date.now() + cfg('leaseMs'), token).catch(() => undefined);
      return;
    }
    site.held--;
    forget(integrationId, site);
    await conn().zrem(key, token).catch(() => undefined);
  };

  return {
    /** Waits up to `waitMs` for a slot; returns a release function, or null when the site stays busy. */
    async acquire(integrationId: number, waitMs: number): Promise<(() => Promise<void>) | null> {
      const key = `${prefix()}${integrationId}`;
      const limit = cfg('perSiteConcurrency');
      const deadline = Date.now() + waitMs;
      for (;;) {
        const site = local(integrationId);
        if (site.held < limit) {
          const token = randomUUID();
          site.held++; // counted before the round trip, so concurrent acquires here never ask for more than the limit
          const now = Date.now();
          const ok = await conn()
            .publishingSlotAcquire(key, now, now + cfg('leaseMs'), limit, token, cfg('leaseMs') * 2)
            .catch((error: Error) => {
              site.held--;
              forget(integrationId, site);
              throw error;
            });
          if (ok === 1) return releaser(integrationId, key, token);
          site.held--; // other processes hold the rest: poll below
        }
        const left = deadline - Date.now();
        if (left <= 0) {
          forget(integrationId, site);
          return null;
        }
        const token = await handOver(integrationId, Math.min(left, 100 + Math.random() * 100));
        if (token) return releaser(integrationId, key, token);
      }
    },
  };
};

export type SiteSlotsService = ReturnType<typeof createSiteSlotsService>;
