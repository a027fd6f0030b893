import type { Core } from '@strapi/strapi';
import type { EffectivePrompt } from '../../../../settings/server/src/domain/prompts';
import type { InvalidationMessage } from '../../../../settings/server/src/services/invalidation';
import { getService as getSettingsService } from '../../../../settings/server/src/utils/get-service';

export const PROMPT_UIDS = ['plugin::settings.global-prompt', 'plugin::settings.account-prompt'];

/**
 * Effective prompts per (account, prompt type), cached in the worker: every run needs one and they
 * change rarely (two queries a run otherwise). The same rules as the settings resolver's cache: an
 * entry is trusted only while the settings invalidation bus (Redis pub/sub) is live and for at most
 * `cacheTtlMs`; any invalidation on the bus drops the account's entries (or all of them), and a write
 * to a prompt table publishes one (`watchPromptWrites`, bootstrap), so every process sees an edit at
 * once. A read in flight when an invalidation arrives is dropped with the entry, never stored stale.
 */
export const createPromptCacheService = ({ strapi }: { strapi: Core.Strapi }) => {
  const entries = new Map<string, { at: number; value: Promise<EffectivePrompt | null> }>();
  const bus = () => getSettingsService(strapi, 'invalidation');
  const ttl = () => (strapi.plugin('settings').config('cacheTtlMs') as number) ?? 60_000;
  const keyOf = (accountId: number, promptType: string) => `${accountId}\u0000${promptType}`;

  const drop = (message: InvalidationMessage) => {
    if (message.scope !== 'account' || !message.accountId) return entries.clear();
    const prefix = `${message.accountId}\u0000`;
    for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
  };

  return {
    /** Subscribes to settings invalidations (bootstrap). */
    listen() {
      return bus().onMessage(drop);
    },

    /**
     * Publishes an invalidation whenever a prompt row is written, however it is written (service,
     * Content Manager, Query Engine). Prompt edits are rare; dropping every process's settings and
     * prompt caches for one is cheap.
     */
    watchPromptWrites() {
      const publish = () => void getSettingsService(strapi, 'resolver').invalidate({ scope: 'global' });
      strapi.db.lifecycles.subscribe({
        models: PROMPT_UIDS.filter((uid) => strapi.getModel(uid as any)),
        afterCreate: publish,
        afterCreateMany: publish,
        afterUpdate: publish,
        afterUpdateMany: publish,
        afterDelete: publish,
        afterDeleteMany: publish,
      } as any);
    },

    /** The account's effective prompt of this type; with a task's override, that text in its place (same rule as `effectivePrompt`). */
    async effective(accountId: number, promptType: string, taskOverride?: string | null): Promise<EffectivePrompt | null> {
      const base = await this.base(accountId, promptType);
      return base && taskOverride ? { ...base, value: taskOverride, source: 'task' } : base;
    },

    base(accountId: number, promptType: string): Promise<EffectivePrompt | null> {
      const key = keyOf(accountId, promptType);
      const hit = entries.get(key);
      if (hit && bus().isLive() && Date.now() - hit.at < ttl()) return hit.value;
      const value = getSettingsService(strapi, 'prompts').effective(accountId, promptType);
      if (bus().isLive()) {
        const entry = { at: Date.now(), value };
        entries.set(key, entry);
        // A failed read is not remembered.
        value.catch(() => entries.get(key) === entry && entries.delete(key));
      }
      return value;
    },

    stats: () => ({ entries: entries.size, live: bus().isLive() }),
  };
};

export type PromptCacheService = ReturnType<typeof createPromptCacheService>;
