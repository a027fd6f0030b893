import {
  INTEGRATION_FIELDS,
  MODULES,
  PROVIDERS,
  type AccountSettingsData,
  type GlobalSettingsData,
  type IntegrationValues,
  type KeySource,
  type ModuleName,
  type OverrideData,
  type PlanData,
  type Provider,
  type PublishingPrefs,
  type SecretInfo,
  type Sourced,
} from './types';

export interface ResolveArgs {
  global: GlobalSettingsData;
  plan: PlanData;
  override: OverrideData | null;
  accountSettings: AccountSettingsData | null;
}

export interface EffectiveKey extends SecretInfo {
  /** Whose key pays for a call to this provider: the platform's or the account's own. */
  keySource: KeySource;
}

export interface EffectiveSettings {
  integration: { [K in keyof IntegrationValues]: Sourced<IntegrationValues[K]> };
  keys: Record<Provider, EffectiveKey>;
  modules: Record<ModuleName, Sourced<boolean>>;
  publishing: { [K in keyof PublishingPrefs]: Sourced<PublishingPrefs[K]> };
  override: {
    /** Whether an override exists and is in force. */
    active: boolean;
    /** Why an existing override is ignored, if it is. */
    ignoredBecause: 'plan' | 'use-own-keys-off' | null;
  };
}

export const DEFAULT_PUBLISHING: PublishingPrefs = { autoPublish: false, defaultStatus: 'draft', includeFeaturedImage: true };

/**
 * The one rule for "what is the effective setting for this account, and where did it come from?".
 *
 * 1. Integration values and keys come from the global record, except that when the account has an
 *    override with `useOwnKeys` on, AND its plan allows own keys, every non-null override value wins
 *    (source `account`). A provider's key is the account's when the override holds one for it, and then
 *    that provider's calls are paid by the account (`keySource: 'account'`); otherwise the platform pays.
 * 2. Modules: a module the plan does not include is off (source `plan`). One it includes is on unless
 *    the account switched it off (source `account`), else on by plan default (source `plan`).
 * 3. Publishing preferences: the account's value, else the platform default (source `global`).
 */
export const resolveSettings = ({ global, plan, override, accountSettings }: ResolveArgs): EffectiveSettings => {
  const overrideInForce = !!override && override.useOwnKeys && plan.allowsOwnApiKeys;
  const ignoredBecause = !override ? null : !plan.allowsOwnApiKeys ? 'plan' : !override.useOwnKeys ? 'use-own-keys-off' : null;

  const integration = {} as Record<string, Sourced<unknown>>;
  for (const field of INTEGRATION_FIELDS) {
    const own = overrideInForce ? override!.values[field] : undefined;
    integration[field] = own !== undefined && own !== null ? { value: own, source: 'account' } : { value: global.values[field], source: 'global' };
  }

  const keys = {} as Record<Provider, EffectiveKey>;
  for (const provider of PROVIDERS) {
    const own = overrideInForce ? override!.keys[provider] : undefined;
    keys[provider] = own?.configured
      ? { configured: true, last4: own.last4, keySource: 'account' }
      : { configured: global.keys[provider].configured, last4: global.keys[provider].last4, keySource: 'platform' };
  }

  const modules = {} as Record<ModuleName, Sourced<boolean>>;
  for (const module of MODULES) {
    const own = accountSettings?.modules[module];
    if (!plan.features.includes(module)) modules[module] = { value: false, source: 'plan' };
    else if (typeof own === 'boolean') modules[module] = { value: own, source: 'account' };
    else modules[module] = { value: true, source: 'plan' };
  }

  const publishing = {} as Record<string, Sourced<unknown>>;
  for (const [field, fallback] of Object.entries(DEFAULT_PUBLISHING)) {
    const own = accountSettings?.publishing[field as keyof PublishingPrefs];
    publishing[field] = own !== undefined && own !== null ? { value: own, source: 'account' } : { value: fallback, source: 'global' };
  }

  return {
    integration: integration as EffectiveSettings['integration'],
    keys,
    modules,
    publishing: publishing as EffectiveSettings['publishing'],
    override: { active: overrideInForce, ignoredBecause },
  };
};

/** Which provider serves a kind of call. Images go through OpenAI (DALL-E). */
export const providerForTask = (kind: 'text' | 'image' | 'anthropic'): Provider => (kind === 'image' ? 'dalle' : kind === 'anthropic' ? 'anthropic' : 'openai');

/** The plain values (no sources), the shape AI code wants. */
export const flatten = (effective: EffectiveSettings) => {
  const out = {} as IntegrationValues;
  for (const [k, v] of Object.entries(effective.integration)) (out as any)[k] = v.value;
  return out;
};
