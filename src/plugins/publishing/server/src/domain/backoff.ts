import type { FailureKind } from './errors';

export interface BackoffArgs {
  /** Attempts made so far, counting the one that just failed (Bull's attemptsMade). */
  attemptsMade: number;
  kind?: FailureKind;
  retryAfterMs?: number;
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

/**
 * Delay before the next attempt, or -1 to stop retrying (Bull's convention). Permanent failures stop.
 * A Retry-After from the site wins (capped at maxMs); otherwise exponential with up to 25 % jitter.
 */
export const nextDelay = ({ attemptsMade, kind, retryAfterMs, baseMs, maxMs, random = Math.random }: BackoffArgs): number => {
  if (kind === 'permanent') return -1;
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 0), maxMs);
  const exp = Math.min(baseMs * 2 ** Math.max(attemptsMade - 1, 0), maxMs);
  return Math.round(exp * (1 - 0.25 * random()));
};
