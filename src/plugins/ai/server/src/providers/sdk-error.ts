import { classifyFailedCall } from '../domain/classify-error';
import { AiError } from '../domain/errors';

const headersOf = (headers: unknown): Record<string, string> => {
  if (!headers) return {};
  if (typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function') {
    const out: Record<string, string> = {};
    (headers as Headers).forEach((value, key) => (out[key.toLowerCase()] = value));
    return out;
  }
  return Object.fromEntries(Object.entries(headers as Record<string, string>).map(([k, v]) => [k.toLowerCase(), String(v)]));
};

/**
 * Both official SDKs (Stainless-generated) throw errors with `status`, `headers` and the provider's
 * error body (`error`); connection failures have no status. This maps them to our kinds. The API key
 * is removed from the message, since some providers echo part of a wrong key.
 */
export const fromSdkError = (provider: string, error: unknown, apiKey: string): AiError => {
  if (error instanceof AiError) return error;
  const e = error as { status?: number; headers?: unknown; error?: any; code?: string; type?: string; name?: string; message?: string };
  const body = e.error?.error ?? e.error ?? {};
  const scrub = (text: string | undefined) => (text && apiKey ? text.split(apiKey).join('[redacted]').split(apiKey.slice(0, -4)).join('[redacted]') : text);
  return classifyFailedCall({
    provider,
    status: typeof e.status === 'number' ? e.status : undefined,
    code: e.code ?? body.code ?? null,
    type: e.type ?? body.type ?? null,
    name: e.name ?? (error as Error)?.constructor?.name,
    message: scrub(body.message ?? e.message),
    headers: headersOf(e.headers),
  });
};
