/**
 * Health statuses and the hysteresis that keeps them from flapping. Pure: the caller passes the clock.
 */
export type Status = 'green' | 'yellow' | 'red';

const RANK: Record<Status, number> = { green: 0, yellow: 1, red: 2 };

export const worst = (statuses: Status[]): Status => statuses.reduce<Status>((acc, s) => (RANK[s] > RANK[acc] ? s : acc), 'green');

export const isWorse = (a: Status, b: Status) => RANK[a] > RANK[b];

/**
 * Classifies a measurement against two thresholds. `above`: higher is worse (latency, failed jobs);
 * `below`: lower is worse (free disk).
 */
export const classify = (value: number, thresholds: { yellow: number; red: number }, direction: 'above' | 'below' = 'above'): Status => {
  if (direction === 'above') return value >= thresholds.red ? 'red' : value >= thresholds.yellow ? 'yellow' : 'green';
  return value <= thresholds.red ? 'red' : value <= thresholds.yellow ? 'yellow' : 'green';
};

export interface StableState {
  /** The status reported. */
  status: Status;
  /** When `status` was adopted (ms). */
  since: number;
  /** A different status observed since `candidateSince`, not yet held long enough to be adopted. */
  candidate?: Status;
  candidateSince?: number;
}

export interface HysteresisOptions {
  /** How long a worse status must be observed without interruption before it is reported. */
  degradeAfterMs: number;
  /** How long a better status must be observed before it is reported (usually longer). */
  recoverAfterMs: number;
}

/**
 * The next reported state after observing `observed` at `now`. The first observation is adopted at
 * once. A change is adopted only after it was observed continuously for the hold time of its
 * direction; observing the current status again, or a third status, restarts the wait.
 */
export function nextState(previous: StableState | undefined, observed: Status, now: number, options: HysteresisOptions): StableState {
  if (!previous) return { status: observed, since: now };
  if (observed === previous.status) return { status: previous.status, since: previous.since };
  const candidateSince = previous.candidate === observed && previous.candidateSince !== undefined ? previous.candidateSince : now;
  const hold = isWorse(observed, previous.status) ? options.degradeAfterMs : options.recoverAfterMs;
  if (now - candidateSince >= hold) return { status: observed, since: now };
  return { status: previous.status, since: previous.since, candidate: observed, candidateSince };
}
