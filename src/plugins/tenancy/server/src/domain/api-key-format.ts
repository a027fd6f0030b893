import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Account API keys look like `igk_<prefix>_<secret>`. The prefix (public, indexed) finds the row; the
 * secret is never stored, only an HMAC of the whole key under a server-side pepper, so a database dump
 * alone cannot be used to check guesses.
 */
const KEY = /^igk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export const generateApiKey = () => {
  const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const secret = randomBytes(32).toString('base64url');
  return { key: `igk_${prefix}_${secret}`, prefix };
};

export const parseApiKey = (raw: string): { prefix: string } | null => {
  const match = KEY.exec(raw);
  return match ? { prefix: match[1] } : null;
};

export const hashApiKey = (key: string, pepper: string) => createHmac('sha256', pepper).update(key).digest('hex');

export const apiKeyMatches = (key: string, storedHash: string, pepper: string) => {
  const actual = Buffer.from(hashApiKey(key, pepper), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};

export const looksLikeApiKey = (raw: string) => raw.startsWith('igk_');
