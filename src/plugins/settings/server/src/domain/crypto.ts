import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Versioned AES-256-GCM for stored secrets. The key ring comes from the environment as
 * `SETTINGS_ENCRYPTION_KEYS="v2:<base64 32 bytes>,v1:<base64 32 bytes>"`: the first key encrypts, every
 * key decrypts. A ciphertext names the version it was made with, so rotating is: put the new key first,
 * keep the old one, re-encrypt (`needsReencryption`), then drop the old key.
 *
 * Format: `enc:<version>:<iv b64url>:<tag b64url>:<ciphertext b64url>`. The additional authenticated
 * data binds a ciphertext to its place (say `account:12:openai`): copied to another row it will not decrypt.
 */
export interface KeyRing {
  current: string;
  keys: Map<string, Buffer>;
}

export class KeyRingError extends Error {
  name = 'KeyRingError';
}

/** Never carries the plaintext or the key; only what went wrong and with which version. */
export class DecryptionError extends Error {
  name = 'DecryptionError';
}

const VERSION = /^[a-z0-9]{1,16}$/i;

export const parseKeyRing = (spec: string | undefined): KeyRing => {
  if (!spec || !spec.trim()) throw new KeyRingError('SETTINGS_ENCRYPTION_KEYS is not set: add "v1:<base64 of 32 random bytes>"');
  const keys = new Map<string, Buffer>();
  let current = '';
  for (const entry of spec.split(',').map((e) => e.trim()).filter(Boolean)) {
    const at = entry.indexOf(':');
    const version = entry.slice(0, at);
    if (at < 1 || !VERSION.test(version)) throw new KeyRingError(`SETTINGS_ENCRYPTION_KEYS: entry ${keys.size + 1} must look like "v1:<base64 key>"`);
    const key = Buffer.from(entry.slice(at + 1), 'base64');
    if (key.length !== 32) throw new KeyRingError(`SETTINGS_ENCRYPTION_KEYS: key "${version}" must be 32 bytes of base64 (got ${key.length})`);
    if (keys.has(version)) throw new KeyRingError(`SETTINGS_ENCRYPTION_KEYS: version "${version}" appears twice`);
    keys.set(version, key);
    current ||= version;
  }
  if (!current) throw new KeyRingError('SETTINGS_ENCRYPTION_KEYS has no key');
  return { current, keys };
};

const b64 = (buf: Buffer) => buf.toString('base64url');

export const encryptSecret = (ring: KeyRing, plaintext: string, aad: string): string => {
  const key = ring.keys.get(ring.current)!;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['enc', ring.current, b64(iv), b64(cipher.getAuthTag()), b64(body)].join(':');
};

export const keyVersionOf = (ciphertext: string): string => {
  const parts = ciphertext.split(':');
  if (parts.length !== 5 || parts[0] !== 'enc') throw new DecryptionError('not a settings ciphertext');
  return parts[1];
};

export const decryptSecret = (ring: KeyRing, ciphertext: string, aad: string): string => {
  const version = keyVersionOf(ciphertext);
  const key = ring.keys.get(version);
  if (!key) throw new DecryptionError(`no key "${version}" in SETTINGS_ENCRYPTION_KEYS (it was removed before re-encryption)`);
  const [, , iv, tag, body] = ciphertext.split(':');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError(`ciphertext under key "${version}" failed authentication (wrong key, wrong place or tampered)`);
  }
};

/** True when the ciphertext was made with an older key than the ring's current one. */
export const needsReencryption = (ring: KeyRing, ciphertext: string) => keyVersionOf(ciphertext) !== ring.current;

/** Decrypts with whichever key made it and encrypts again under the current key. */
export const reencryptSecret = (ring: KeyRing, ciphertext: string, aad: string): string =>
  encryptSecret(ring, decryptSecret(ring, ciphertext, aad), aad);

/** The only part of a secret ever shown again. Short secrets show nothing. */
export const last4Of = (plaintext: string) => (plaintext.length >= 12 ? plaintext.slice(-4) : null);
