/**
 * How an AI run failed, which decides what its job does next:
 * - `transient`: network, timeout, 408/409, 429 (rate limit), 5xx, 529 (overloaded). The job is retried
 *   with backoff; a provider's Retry-After wins.
 * - `permanent`: 401/403 (key), content-policy refusal, an invalid request, an answer that still does not
 *   match its schema after the bounded re-asks, a quota that waiting does not restore. The job fails at
 *   once, the hold is released and the run says what to do next.
 */
export type FailureKind = 'transient' | 'permanent';

export type FailureReason =
  | 'network'
  | 'timeout'
  | 'rate_limited'
  | 'overloaded'
  | 'server'
  | 'auth'
  | 'quota'
  | 'content_policy'
  | 'invalid_request'
  | 'validation'
  | 'not_found'
  | 'configuration';

export class AiError extends Error {
  readonly kind: FailureKind;
  readonly reason: FailureReason;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(message: string, args: { kind: FailureKind; reason: FailureReason; status?: number; retryAfterMs?: number }) {
    super(message);
    this.name = 'AiError';
    this.kind = args.kind;
    this.reason = args.reason;
    this.status = args.status;
    this.retryAfterMs = args.retryAfterMs;
  }
}

export const permanent = (reason: FailureReason, message: string) => new AiError(message, { kind: 'permanent', reason });
export const transient = (reason: FailureReason, message: string, retryAfterMs?: number) => new AiError(message, { kind: 'transient', reason, retryAfterMs });
