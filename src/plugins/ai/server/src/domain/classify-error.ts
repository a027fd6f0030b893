import { AiError, type FailureKind, type FailureReason } from './errors';

/** What the glue knows about a failed provider call, taken from the SDK error (no SDK types here). */
export interface FailedCall {
  provider: string;
  /** HTTP status, when the provider answered. */
  status?: number;
  /** Provider error code (`invalid_api_key`, `insufficient_quota`, `content_policy_violation`, ...). */
  code?: string | null;
  /** Provider error type (`rate_limit_error`, `overloaded_error`, `authentication_error`, ...). */
  type?: string | null;
  /** SDK error class name (`APIConnectionTimeoutError`, `APIConnectionError`, ...). */
  name?: string;
  message?: string;
  headers?: Record<string, string | undefined>;
}

/** Retry-After as delta-seconds or an HTTP date; `retry-after-ms` (OpenAI, Anthropic) first. Milliseconds, or undefined. */
export const retryAfterMs = (headers: Record<string, string | undefined> | undefined, now = Date.now()): number | undefined => {
  if (!headers) return undefined;
  const ms = headers['retry-after-ms'];
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.round(Number(ms));
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

const POLICY = /content[_ ]?policy|content_filter|safety system|moderation/i;

/** The kind and a message that says what to do next, for a failed provider call. */
export const classifyFailedCall = (call: FailedCall, now = Date.now()): AiError => {
  const { status, provider } = call;
  const detail = (call.message ?? '').slice(0, 300);
  const make = (kind: FailureKind, reason: FailureReason, message: string, after?: number) =>
    new AiError(message, { kind, reason, status, retryAfterMs: after });

  if (status === undefined) {
    if (/timeout|timed out/i.test(`${call.name} ${call.message}`)) return make('transient', 'timeout', `${provider} did not answer in time; retrying.`);
    return make('transient', 'network', `Could not reach ${provider} (${detail || 'connection error'}); retrying.`);
  }
  if (status === 429) {
    if (call.code === 'insufficient_quota' || /quota|billing/i.test(call.type ?? '')) {
      return make('permanent', 'quota', `${provider} refused the call: the API key's quota or billing is exhausted. Top up the provider account or use another key, then retry the run.`);
    }
    return make('transient', 'rate_limited', `${provider} is rate-limiting this key; retrying after the delay it asks for.`, retryAfterMs(call.headers, now));
  }
  if (status === 529 || call.type === 'overloaded_error') {
    return make('transient', 'overloaded', `${provider} is overloaded; retrying later.`, retryAfterMs(call.headers, now));
  }
  if (status === 408 || status === 409) return make('transient', 'server', `${provider} answered ${status}; retrying.`, retryAfterMs(call.headers, now));
  if (status >= 500) return make('transient', 'server', `${provider} had a server error (${status}); retrying.`, retryAfterMs(call.headers, now));
  if (status === 401 || status === 403 || call.type === 'authentication_error' || call.type === 'permission_error') {
    return make('permanent', 'auth', `${provider} refused the API key (${status}). Check the key in Settings (platform or your own key), then retry the run.`);
  }
  if (call.code === 'content_policy_violation' || POLICY.test(`${call.code ?? ''} ${call.message ?? ''}`)) {
    return make('permanent', 'content_policy', `${provider} refused the request under its content policy. Change the input (keywords, brief or prompt) and start a new run.`);
  }
  if (status === 404) return make('permanent', 'not_found', `${provider} does not know the model or endpoint (${detail}). Check the model and base URL in Settings.`);
  return make('permanent', 'invalid_request', `${provider} refused the request (${status}): ${detail}`);
};

/** Turns anything thrown during a run into an AiError; unknown errors are treated as transient (a bug or a blip, retried a bounded number of times). */
const APPLICATION_ERRORS: Record<string, FailureReason> = {
  // Strapi's own errors (@strapi/utils): records gone, bad stored input, missing configuration.
  NotFoundError: 'not_found',
  ValidationError: 'invalid_request',
  ForbiddenError: 'invalid_request',
  ApplicationError: 'configuration',
};

export const asAiError = (error: unknown): AiError => {
  if (error instanceof AiError) return error;
  const name = (error as Error)?.name;
  if (name && APPLICATION_ERRORS[name]) return new AiError((error as Error).message, { kind: 'permanent', reason: APPLICATION_ERRORS[name] });
  const status = Number((error as { status?: unknown })?.status);
  if (Number.isInteger(status) && status >= 400 && status < 500) {
    return new AiError((error as Error).message, { kind: 'permanent', reason: 'invalid_request', status });
  }
  return new AiError((error as Error)?.message ?? String(error), { kind: 'transient', reason: 'server' });
};
