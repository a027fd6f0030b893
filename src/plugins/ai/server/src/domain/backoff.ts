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
 * Delay before the next attempt, or -1 to stop (Bull's convention). Permanent failures stop. A
 * provider's Retry-After wins (capped at maxMs, never below it: retrying sooner only burns the limit);
 * otherwise exponential with up to 25 % jitter so a burst of failed jobs does not come back at once.
 */
export const nextDelay = ({ attemptsMade, kind, retryAfterMs, baseMs, maxMs, random = Math.random }: BackoffArgs): number => {
  if (kind === 'permanent') return -1;
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs)) return Math.min(Math.max(Math.round(retryAfterMs), 0), maxMs);
  const exp = Math.min(baseMs * 2 ** Math.max(attemptsMade - 1, 0), maxMs);
  return Math.round(exp * (1 - 0.25 * random()));
};
