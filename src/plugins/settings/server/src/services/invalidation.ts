import type Redis from 'ioredis';
import type { Core } from '@strapi/strapi';

export interface InvalidationMessage {
  /** Which cache entries are stale: one account's, or every account's (global change). */
  scope: 'global' | 'account';
  accountId?: number;
}
type Listener = (message: InvalidationMessage) => void;

/**
 * Redis pub/sub that carries "settings changed" to every process (API and workers). A process whose
 * subscriber is not connected must not trust its cache (`isLive()` false), so a Redis outage costs
 * speed, never correctness.
 */
export const createInvalidationService = ({ strapi }: { strapi: Core.Strapi }) => {
  let publisher: Redis | undefined;
  let subscriber: Redis | undefined;
  let live = false;
  const listeners = new Set<Listener>();
  const channel = () => `${(strapi.config.get('plugin::queue') as { prefix: string }).prefix}:settings:invalidate`;

  // Connections come from the queue plugin (the one owner of Redis connections: URL, reconnects, close).
  const connect = (name: string): Redis =>
    strapi.plugin('queue').service('queues').createConnection({ lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, connectionName: `igny8-settings-${name}` });

  return {
    channel,
    async start() {
      publisher = connect('pub');
      subscriber = connect('sub');
      subscriber.on('message', (_channel: string, raw: string) => {
        let message: InvalidationMessage;
        try {
          message = JSON.parse(raw);
        } catch {
          return;
        }
        for (const listener of listeners) listener(message);
      });
      const subscribe = async () => {
        try {
          await subscriber!.subscribe(channel());
          live = true;
          // Whatever was cached while disconnected may have missed messages: drop it on every (re)subscribe.
          for (const listener of listeners) listener({ scope: 'global' });
        } catch {
          live = false;
        }
      };
      subscriber.on('close', () => (live = false));
      subscriber.on('end', () => (live = false));
      await Promise.all([publisher.connect().catch(() => undefined), subscriber.connect().catch(() => undefined)]);
      if (subscriber.status === 'ready') await subscribe();
      else strapi.log.warn('[settings] Redis is not reachable: settings are read uncached until it is');
      // ioredis re-subscribes by itself after a reconnect (autoResubscribe); 'ready' then marks us live again.
      subscriber.on('ready', () => void subscribe());
    },
    onMessage(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isLive: () => live,
    async publish(message: InvalidationMessage) {
      try {
        if (!publisher || publisher.status !== 'ready') throw new Error(`publisher ${publisher?.status ?? 'not started'}`);
        await publisher.publish(channel(), JSON.stringify(message));
      } catch (error) {
        strapi.log.warn(`[settings] could not publish a cache invalidation (${(error as Error).message}); other processes catch up within the cache TTL`);
      }
    },
    async stop() {
      live = false;
      await Promise.all([publisher?.quit().catch(() => publisher?.disconnect()), subscriber?.quit().catch(() => subscriber?.disconnect())]);
      publisher = subscriber = undefined;
    },
  };
};

export type InvalidationService = ReturnType<typeof createInvalidationService>;
