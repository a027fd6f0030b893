/**
 * Redaction for the debug console: every value under a secret-looking key, every password inside a
 * URL, and every occurrence of a secret environment value anywhere in a string is replaced.
 */
export const REDACTED = '[redacted]';

/** Names of settings and env vars that hold secrets (webhook URLs carry their token in the path). */
export const SECRET_NAME = /(secret|passw|pass$|pwd|token|salt|pepper|(^|[_.-])key($|s$|[_.-])|keys$|apikey|api_key|credential|private|auth$|^auth|signature|cookie|session|dsn|webhook)/i;

export const looksSecret = (name: string) => SECRET_NAME.test(name);

/** Values of env vars whose names look secret (short values are ignored: "true", "0"...). */
export const secretEnvValues = (env: Record<string, string | undefined>, minLength = 4): string[] =>
  Object.entries(env)
    .filter(([name, value]) => looksSecret(name) && typeof value === 'string' && value.length >= minLength)
    .flatMap(([, value]) => [value as string, ...(value as string).split(',').filter((part) => part.length >= minLength)])
    .sort((a, b) => b.length - a.length);

const redactUrlPassword = (value: string) =>
  value.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@\s/]+)@/gi, `$1${REDACTED}@`).replace(/([?&](password|pass|token|key|secret)=)[^&\s]+/gi, `$1${REDACTED}`);

export const redactString = (value: string, secrets: string[]): string => {
  let out = redactUrlPassword(value);
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
};

/** Deep copy of `value` with secrets replaced. Functions become their name; cycles are cut. */
export const redact = (value: unknown, secrets: string[], key = '', seen = new WeakSet<object>()): unknown => {
  if (key && looksSecret(key) && value !== null && value !== undefined && value !== '' && typeof value !== 'boolean' && typeof value !== 'number') return REDACTED;
  if (typeof value === 'string') return redactString(value, secrets);
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, secrets, '', seen));
  if (value instanceof Date) return value.toISOString();
  if (value instanceof RegExp) return String(value);
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redact(v, secrets, k, seen)]));
};
