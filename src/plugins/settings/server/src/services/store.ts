import type { Core } from '@strapi/strapi';
import { SEED_GLOBAL_INTEGRATION } from '../seed/templates';
import { INTEGRATION_FIELDS, PROVIDERS, type AccountSettingsData, type GlobalSettingsData, type OverrideData, type PlanData, type Provider, type SecretInfo } from '../domain/types';
import { ACCOUNT_UID, UID } from '../utils/constants';
import { q } from '../utils/db';
import type { StoredSecrets } from './key-ring';

/** Raw rows → the plain shapes the resolver takes. Secrets leave here only as ciphertext or {configured, last4}. */
export interface AccountSnapshot {
  plan: PlanData;
  override: OverrideData | null;
  overrideSecrets: StoredSecrets;
  accountSettings: AccountSettingsData | null;
}
export interface GlobalSnapshot {
  data: GlobalSettingsData;
  secrets: StoredSecrets;
}

const info = (secrets: StoredSecrets, provider: Provider): SecretInfo =>
  secrets[provider]?.ciphertext ? { configured: true, last4: secrets[provider]!.last4 ?? null } : { configured: false, last4: null };

export const pickIntegration = (row: Record<string, unknown>) => Object.fromEntries(INTEGRATION_FIELDS.map((f) => [f, row[f] ?? null]));

export const createStoreService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The single global record, created with the seed defaults if missing. */
  async globalRow(): Promise<any> {
    const row = await q(strapi, UID.global).findOne({ orderBy: { id: 'asc' } });
    if (row) return row;
    return q(strapi, UID.global).create({ data: { ...SEED_GLOBAL_INTEGRATION, secrets: {} } });
  },

  async loadGlobal(): Promise<GlobalSnapshot> {
    const row = await this.globalRow();
    const secrets: StoredSecrets = row.secrets ?? {};
    const values = { ...SEED_GLOBAL_INTEGRATION, ...Object.fromEntries(Object.entries(pickIntegration(row)).filter(([, v]) => v !== null)) };
    return {
      data: { values: values as GlobalSettingsData['values'], keys: Object.fromEntries(PROVIDERS.map((p) => [p, info(secrets, p)])) as GlobalSettingsData['keys'] },
      secrets,
    };
  },

  overrideRow: (accountId: number) => q(strapi, UID.override).findOne({ where: { account: { id: accountId } } }),
  accountSettingRow: (accountId: number) => q(strapi, UID.accountSetting).findOne({ where: { account: { id: accountId } } }),

  async loadAccount(accountId: number): Promise<AccountSnapshot | null> {
    const [account, override, settings] = await Promise.all([
      q(strapi, ACCOUNT_UID).findOne({ where: { id: accountId }, select: ['id'], populate: { plan: { select: ['slug', 'allowsOwnApiKeys', 'features'] } } }),
      this.overrideRow(accountId),
      this.accountSettingRow(accountId),
    ]);
    if (!account) return null;
    const secrets: StoredSecrets = override?.secrets ?? {};
    return {
      plan: {
        slug: account.plan?.slug ?? null,
        allowsOwnApiKeys: account.plan?.allowsOwnApiKeys === true,
        features: Array.isArray(account.plan?.features) ? account.plan.features : [],
      },
      override: override
        ? { useOwnKeys: !!override.useOwnKeys, values: pickIntegration(override), keys: Object.fromEntries(PROVIDERS.map((p) => [p, info(secrets, p)])) }
        : null,
      overrideSecrets: secrets,
      accountSettings: settings ? { modules: settings.modules ?? {}, publishing: settings.publishing ?? {} } : null,
    };
  },
});

export type StoreService = ReturnType<typeof createStoreService>;
