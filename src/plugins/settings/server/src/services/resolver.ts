import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { resolveSettings, type EffectiveSettings } from '../domain/resolve-settings';
import type { IntegrationValues, KeySource, Provider } from '../domain/types';
import { getService } from '../utils/get-service';
import type { StoredSecrets } from './key-ring';
import { aadFor } from './key-ring';
import type { GlobalSnapshot } from './store';

interface AccountEntry {
  effective: EffectiveSettings;
  overrideSecrets: StoredSecrets;
  at: number;
}

/** What an AI call needs. `apiKey` is plaintext: pass it to the SDK, never log or return it. */
export interface CallSettings {
  provider: Provider;
  apiKey: string;
  keySource: KeySource;
  baseUrl: string | null;
  settings: IntegrationValues;
}

/**
 * The one entry point for effective settings. Results are cached per account and dropped when any
 * process publishes a change (Redis pub/sub); without a live subscription nothing is cached.
 */
export const createResolverService = ({ strapi }: { strapi: Core.Strapi }) => {
  const accounts = new Map<number, AccountEntry>();
  let global: { snapshot: GlobalSnapshot; at: number } | undefined;
  const ttl = () => strapi.plugin('settings').config('cacheTtlMs') as number;
  const bus = () => getService(strapi, 'invalidation');
  const store = () => getService(strapi, 'store');
  const fresh = (at: number) => bus().isLive() && Date.now() - at < ttl();
  let generation = 0;

  const drop = (message: { scope: 'global' | 'account'; accountId?: number }) => {
    generation++;
    if (message.scope === 'global') {
      global = undefined;
      accounts.clear();
    } else if (message.accountId) accounts.delete(message.accountId);
  };

  const loadGlobal = async () => {
    if (global && fresh(global.at)) return global.snapshot;
    const gen = generation;
    const snapshot = await store().loadGlobal();
    // A change that arrived while we were reading must not be overwritten by what we read before it.
    if (gen === generation && bus().isLive()) global = { snapshot, at: Date.now() };
    return snapshot;
  };

  const loadAccount = async (accountId: number, useCache: boolean): Promise<AccountEntry> => {
    const cached = accounts.get(accountId);
    if (useCache && cached && fresh(cached.at)) return cached;
    const gen = generation;
    const [g, snapshot] = await Promise.all([useCache ? loadGlobal() : store().loadGlobal(), store().loadAccount(accountId)]);
    if (!snapshot) throw new errors.NotFoundError(`Account ${accountId} not found`);
    const entry = { effective: resolveSettings({ global: g.data, ...snapshot }), overrideSecrets: snapshot.overrideSecrets, at: Date.now() };
    // Only while invalidations can reach us: an entry stored now could otherwise outlive a change.
    if (useCache && gen === generation && bus().isLive()) accounts.set(accountId, entry);
    return entry;
  };

  return {
    /** Subscribes to invalidations; called once at bootstrap. */
    listen() {
      return bus().onMessage(drop);
    },
    async effective(accountId: number): Promise<EffectiveSettings> {
      return (await loadAccount(accountId, true)).effective;
    },
    /** The same answer straight from the database (the benchmark's baseline, and admin views). */
    async effectiveUncached(accountId: number): Promise<EffectiveSettings> {
      return (await loadAccount(accountId, false)).effective;
    },
    /** Everything an AI call needs, including which key pays (`keySource`), for the credits plugin. */
    async forCall(accountId: number, provider: Provider): Promise<CallSettings> {
      const entry = await loadAccount(accountId, true);
      const key = entry.effective.keys[provider];
      const settings = Object.fromEntries(Object.entries(entry.effective.integration).map(([k, v]) => [k, v.value])) as unknown as IntegrationValues;
      const baseUrl = provider === 'anthropic' ? settings.anthropicBaseUrl : settings.openaiBaseUrl;
      if (!key.configured) throw new errors.ApplicationError(`No ${provider} API key is configured for this account or the platform`);
      const ring = getService(strapi, 'key-ring');
      const apiKey =
        key.keySource === 'account'
          ? ring.open(entry.overrideSecrets[provider]!, aadFor({ accountId }, provider))
          : ring.open((await loadGlobal()).secrets[provider]!, aadFor({}, provider));
      return { provider, apiKey, keySource: key.keySource, baseUrl, settings };
    },
    /** Drops the entries here at once and tells every other process. Call after any settings write. */
    async invalidate(message: { scope: 'global' | 'account'; accountId?: number }) {
      drop(message);
      await bus().publish(message);
    },
    stats: () => ({ accounts: accounts.size, global: !!global, live: bus().isLive() }),
  };
};

export type ResolverService = ReturnType<typeof createResolverService>;
