/**
 * Request and response bodies are kept on the run for debugging. Before they are stored: secrets
 * (the call's API key, anything shaped like a provider key or bearer token, secret-named fields) and
 * personal data (e-mail addresses, phone numbers) are replaced, and long strings are cut so one run
 * cannot bloat the table.
 */
const SECRET_FIELD = /(api[-_]?key|authorization|password|secret|token)$/i;
/**
 * Key shapes (OpenAI and Anthropic keys, bearer tokens), e-mail addresses and phone-like digit runs in
 * ONE pass (a run's bodies are kilobytes, redacted on every run): at each position the alternatives
 * are tried in this order, as the separate replacements used to run.
 */
const SENSITIVE = /\bsk-[A-Za-z0-9_-]{8,}|\bBearer\s+[A-Za-z0-9._~+/-]{8,}=*|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|\+?\d[\d ().-]{7,}\d/gi;
const replacement = (match: string) => {
  if (/^(sk-|bearer)/i.test(match)) return '[redacted]';
  if (match.includes('@')) return '[email]';
  // A phone number has at least 9 digits; shorter runs (dates, amounts) stay.
  return match.replace(/\D/g, '').length >= 9 ? '[phone]' : match;
};

export interface RedactOptions {
  /** Exact strings to remove wherever they appear (the call's API key). */
  secrets?: string[];
  /** Strings longer than this are cut (with a note of the original length). */
  maxString?: number;
}

const redactString = (value: string, options: RedactOptions): string => {
  let out = value;
  for (const secret of options.secrets ?? []) if (secret && secret.length >= 6 && out.includes(secret)) out = out.split(secret).join('[redacted]');
  out = out.replace(SENSITIVE, replacement);
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
