/**
 * Request and response bodies are kept on the run for debugging. Before they are stored: secrets
 * (the call's API key, anything shaped like a provider key or bearer token, secret-named fields) and
 * personal data (e-mail addresses, phone numbers) are replaced, and long strings are cut so one run
 * cannot bloat the table.
 */
const SECRET_FIELD = /(api[-_]?key|authorization|password|secret|token)$/i;
const KEY_SHAPES = [/\bsk-[A-Za-z0-9_-]{8,}/g, /\bsk-ant-[A-Za-z0-9_-]{8,}/g, /\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*/gi];
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const PHONE = /\+?\d[\d ().-]{7,}\d/g;

export interface RedactOptions {
  /** Exact strings to remove wherever they appear (the call's API key). */
  secrets?: string[];
  /** Strings longer than this are cut (with a note of the original length). */
  maxString?: number;
}

const redactString = (value: string, options: RedactOptions): string => {
  let out = value;
  for (const secret of options.secrets ?? []) if (secret && secret.length >= 6) out = out.split(secret).join('[redacted]');
  for (const shape of KEY_SHAPES) out = out.replace(shape, '[redacted]');
  out = out.replace(EMAIL, '[email]').replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 9 ? '[phone]' : m));
  const max = options.maxString ?? 4000;
  return out.length > max ? `${out.slice(0, max)}... [${out.length - max} more characters]` : out;
};

/** A deep copy of `value` with secrets and personal data replaced. */
export const redact = (value: unknown, options: RedactOptions = {}): unknown => {
  if (typeof value === 'string') return redactString(value, options);
  if (Array.isArray(value)) return value.map((v) => redact(v, options));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_FIELD.test(k) && typeof v === 'string' ? '[redacted]' : redact(v, options)])
    );
  }
  return value;
};
