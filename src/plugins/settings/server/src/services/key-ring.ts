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

/** Most decrypted secrets one process keeps (one per place a key is stored: the platform and each own-key account). */
const OPEN_CACHE_MAX = 1000;

export const createKeyRingService = ({ strapi }: { strapi: Core.Strapi }) => {
  let ring: KeyRing | undefined;
  const get = () => (ring ??= parseKeyRing(strapi.plugin('settings').config('encryptionKeys') as string));
  // Every AI call opens its key (the resolver's forCall): an AES-GCM decipher each time, for the same
  // few ciphertexts. Opened ones are kept in memory by (place, ciphertext): a new key is a new
  // ciphertext, and a ciphertext is only found again at the place it authenticated for. Never logged
  // or returned by anything but `open`; bounded, oldest dropped first.
  const opened = new Map<string, string>();

  return {
    seal(plaintext: string, aad: string): StoredSecret {
      const ciphertext = encryptSecret(get(), plaintext, aad);
      return { ciphertext, keyVersion: get().current, last4: last4Of(plaintext), updatedAt: new Date().toISOString() };
    },
    open(secret: StoredSecret, aad: string): string {
      const cacheKey = `${aad}\u0000${secret.ciphertext}`;
      const hit = opened.get(cacheKey);
      if (hit !== undefined) return hit;
      const plaintext = decryptSecret(get(), secret.ciphertext, aad);
      if (opened.size >= OPEN_CACHE_MAX) opened.delete(opened.keys().next().value as string);
      opened.set(cacheKey, plaintext);
      return plaintext;
    },
    isStale(secret: StoredSecret) {
      return needsReencryption(get(), secret.ciphertext);
    },
    currentVersion: () => get().current,
  };
};

export type KeyRingService = ReturnType<typeof createKeyRingService>;
