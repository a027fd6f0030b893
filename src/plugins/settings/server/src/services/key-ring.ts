import type { Core } from '@strapi/strapi';
import { decryptSecret, encryptSecret, last4Of, needsReencryption, parseKeyRing, type KeyRing } from '../domain/crypto';
import type { Provider } from '../domain/types';

/** One stored secret: only ciphertext and what may be shown. */
export interface StoredSecret {
  ciphertext: string;
  keyVersion: string;
  last4: string | null;
  updatedAt: string;
}
export type StoredSecrets = Partial<Record<Provider, StoredSecret>>;

/** Where a ciphertext lives; it is bound to that place (AES-GCM additional data). */
export const aadFor = (scope: { accountId?: number | null }, provider: Provider) =>
  scope.accountId ? `account:${scope.accountId}:${provider}` : `global:${provider}`;

export const createKeyRingService = ({ strapi }: { strapi: Core.Strapi }) => {
  let ring: KeyRing | undefined;
  const get = () => (ring ??= parseKeyRing(strapi.plugin('settings').config('encryptionKeys') as string));

  return {
    seal(plaintext: string, aad: string): StoredSecret {
      const ciphertext = encryptSecret(get(), plaintext, aad);
      return { ciphertext, keyVersion: get().current, last4: last4Of(plaintext), updatedAt: new Date().toISOString() };
    },
    open(secret: StoredSecret, aad: string): string {
      return decryptSecret(get(), secret.ciphertext, aad);
    },
    isStale(secret: StoredSecret) {
      return needsReencryption(get(), secret.ciphertext);
    },
    currentVersion: () => get().current,
  };
};

export type KeyRingService = ReturnType<typeof createKeyRingService>;
