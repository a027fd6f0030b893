export interface BackoffArgs {
  /** Attempts made so far, counting the one that just failed (Bull's attemptsMade). */
  attemptsMade: number;
  /** How the attempt failed; `permanent` stops. Other kinds (transient, rate-limited, ...) retry. */
  kind?: string;
  /** What the remote side asked for (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

/**
 * Delay before a job's next attempt, or -1 to stop retrying (Bull's convention), for queues whose
 * processors throw errors carrying `kind` and `retryAfterMs` (publishing, ai). Permanent failures stop.
 * A Retry-After from the remote side wins (capped at maxMs); otherwise exponential with up to 25 %
 * jitter, so a burst of failed jobs does not come back at the same moment.
 */
export const nextDelay = ({ attemptsMade, kind, retryAfterMs, baseMs, maxMs, random = Math.random }: BackoffArgs): number => {
  if (kind === 'permanent') return -1;
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) return Math.min(Math.max(Math.round(retryAfterMs), 0), maxMs);
  const exp = Math.min(baseMs * 2 ** Math.max(attemptsMade - 1, 0), maxMs);
  return Math.round(exp * (1 - 0.25 * random()));
};
