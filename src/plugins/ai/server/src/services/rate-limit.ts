import type { Core } from '@strapi/strapi';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type Redis from 'ioredis';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { transient } from '../domain/errors';
import type { AiConfig } from '../config';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Requests per minute per provider, counted in Redis so every worker process shares one budget
 * (`rate-limiter-flexible`, fixed one-minute windows, on a connection the queue plugin opens and closes).
 * A call over the budget waits in the worker when the window opens soon; otherwise it becomes a
 * transient failure whose Retry-After is the wait, so the job goes back to the queue instead of
 * holding a worker slot.
 */
export const createRateLimitService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::ai') as AiConfig;
  const limiters = new Map<string, RateLimiterRedis>();
  let redis: Redis | undefined;

  const limiterFor = (provider: string): RateLimiterRedis | null => {
    const rpm = config().rateLimits?.[provider] ?? 0;
    if (!rpm) return null;
    let limiter = limiters.get(provider);
    if (!limiter) {
      redis ??= getQueueService(strapi).createConnection({ maxRetriesPerRequest: 1 });
      const prefix = strapi.config.get('plugin::queue.prefix') as string;
      limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:ai:rl:${provider}`, points: rpm, duration: 60 });
      limiters.set(provider, limiter);
    }
    return limiter;
  };

  return {
    /** Takes one request from the provider's budget, waiting up to `rateLimitMaxWaitMs`. */
    async acquire(provider: string): Promise<void> {
      const limiter = limiterFor(provider);
      if (!limiter) return;
      const maxWait = config().rateLimitMaxWaitMs;
      const until = Date.now() + maxWait;
      for (;;) {
        try {
          await limiter.consume('all', 1);
          return;
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw transient('network', `Rate limiter unavailable (${(rejection as Error)?.message}); retrying.`);
          const wait = rejection.msBeforeNext;
          if (Date.now() + wait > until) throw transient('rate_limited', `Our ${provider} request budget for this minute is used up; retrying when it refills.`, wait);
          await sleep(wait + 5);
        }
      }
    },
  };
};

export type RateLimitService = ReturnType<typeof createRateLimitService>;
