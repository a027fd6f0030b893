import { createHash } from 'node:crypto';

/** Canonical JSON (sorted keys, undefined dropped) so the same parameters always hash the same. */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

/** The fingerprint an idempotency key is bound to: same key, different fingerprint = refused. */
export const requestHash = (params: unknown) => createHash('sha256').update(canonicalJson(params)).digest('hex');
