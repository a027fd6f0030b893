import type { Core } from '@strapi/strapi';
import { PROVIDERS, type IntegrationField, type Provider, type SecretInfo } from '../domain/types';
import { UID } from '../utils/constants';
import { q } from '../utils/db';
import { PublicForbiddenError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { aadFor, type StoredSecrets } from './key-ring';
import { pickIntegration } from './store';

type Values = Partial<Record<IntegrationField, unknown>>;

/** The safe view of stored secrets: never the ciphertext, never the plaintext. */
export const secretView = (secrets: StoredSecrets | null | undefined): Record<Provider, SecretInfo & { keyVersion: string | null; updatedAt: string | null }> =>
  Object.fromEntries(
    PROVIDERS.map((p) => {
      const s = secrets?.[p];
      return [p, s?.ciphertext ? { configured: true, last4: s.last4 ?? null, keyVersion: s.keyVersion, updatedAt: s.updatedAt } : { configured: false, last4: null, keyVersion: null, updatedAt: null }];
    })
  ) as any;

/**
 * Writes of the global record and account overrides, including their secrets. Every write ends with a
 * cache invalidation that reaches every process.
 */
export const createIntegrationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => getService(strapi, 'store');
  const ring = () => getService(strapi, 'key-ring');
  const resolver = () => getService(strapi, 'resolver');

  const assertPlanAllows = async (accountId: number) => {
    const snapshot = await store().loadAccount(accountId);
    if (!snapshot?.plan.allowsOwnApiKeys) {
      throw new PublicForbiddenError(`Your plan (${snapshot?.plan.slug ?? 'none'}) does not allow own API keys or integration overrides (plan limit allowsOwnApiKeys)`, {
        limit: 'allowsOwnApiKeys',
        plan: snapshot?.plan.slug ?? null,
      });
    }
  };

  const ensureOverride = async (accountId: number) =>
    (await store().overrideRow(accountId)) ?? (await q(strapi, UID.override).create({ data: { account: accountId, useOwnKeys: false, secrets: {} } }));

  return {
    async getGlobal() {
      const row = await store().globalRow();
      return { ...pickIntegration(row), keys: secretView(row.secrets), updatedAt: row.updatedAt };
    },
    async updateGlobal(values: Values) {
      const row = await store().globalRow();
      await q(strapi, UID.global).update({ where: { id: row.id }, data: values });
      await resolver().invalidate({ scope: 'global' });
      return this.getGlobal();
    },
    async setGlobalKey(provider: Provider, plaintext: string | null) {
      const row = await store().globalRow();
      const secrets: StoredSecrets = { ...(row.secrets ?? {}) };
      if (plaintext === null) delete secrets[provider];
      else secrets[provider] = ring().seal(plaintext, aadFor({}, provider));
      await q(strapi, UID.global).update({ where: { id: row.id }, data: { secrets } });
      await resolver().invalidate({ scope: 'global' });
      return secretView(secrets)[provider];
    },

    async getOverride(accountId: number) {
      const row = await store().overrideRow(accountId);
      const snapshot = await store().loadAccount(accountId);
      return {
        allowed: !!snapshot?.plan.allowsOwnApiKeys,
        plan: snapshot?.plan.slug ?? null,
        exists: !!row,
        useOwnKeys: !!row?.useOwnKeys,
        ...pickIntegration(row ?? {}),
        keys: secretView(row?.secrets),
      };
    },
    async updateOverride(accountId: number, values: Values & { useOwnKeys?: boolean }, options: { staff?: boolean } = {}) {
      if (!options.staff) await assertPlanAllows(accountId);
      const row = await ensureOverride(accountId);
      await q(strapi, UID.override).update({ where: { id: row.id }, data: values });
      await resolver().invalidate({ scope: 'account', accountId });
      return this.getOverride(accountId);
    },
    async setAccountKey(accountId: number, provider: Provider, plaintext: string | null, options: { staff?: boolean } = {}) {
      // Removing a key stays possible after a downgrade; adding one needs the plan.
      if (!options.staff && plaintext !== null) await assertPlanAllows(accountId);
      const row = await ensureOverride(accountId);
      const secrets: StoredSecrets = { ...(row.secrets ?? {}) };
      if (plaintext === null) delete secrets[provider];
      else secrets[provider] = ring().seal(plaintext, aadFor({ accountId }, provider));
      await q(strapi, UID.override).update({ where: { id: row.id }, data: { secrets } });
      await resolver().invalidate({ scope: 'account', accountId });
      return secretView(secrets)[provider];
    },

    /** Re-encrypts every secret made under an older key version. Returns how many were rewritten. */
    async rotate() {
      let count = 0;
      const rewrite = (secrets: StoredSecrets, scope: { accountId?: number }) => {
        const next: StoredSecrets = { ...secrets };
        for (const provider of PROVIDERS) {
          const s = secrets[provider];
          if (!s?.ciphertext || !ring().isStale(s)) continue;
          const aad = aadFor(scope, provider);
          next[provider] = { ...ring().seal(ring().open(s, aad), aad), last4: s.last4, updatedAt: s.updatedAt };
          count++;
        }
        return next;
      };
      const g = await store().globalRow();
      await q(strapi, UID.global).update({ where: { id: g.id }, data: { secrets: rewrite(g.secrets ?? {}, {}) } });
      const overrides = await q(strapi, UID.override).findMany({ select: ['id', 'secrets'], populate: { account: { select: ['id'] } } });
      for (const o of overrides) {
        if (!o.account) continue;
        await q(strapi, UID.override).update({ where: { id: o.id }, data: { secrets: rewrite(o.secrets ?? {}, { accountId: o.account.id }) } });
      }
      await resolver().invalidate({ scope: 'global' });
      return { reencrypted: count, keyVersion: ring().currentVersion() };
    },
  };
};

export type IntegrationService = ReturnType<typeof createIntegrationService>;
