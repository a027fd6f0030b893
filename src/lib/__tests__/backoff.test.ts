import { nextDelay } from '../backoff';

describe('nextDelay', () => {
  const base = { baseMs: 1000, maxMs: 60000, random: () => 0 };
  it('stops permanent failures', () => expect(nextDelay({ ...base, attemptsMade: 1, kind: 'permanent' })).toBe(-1));
  it('waits what Retry-After asks, capped at the maximum', () => {
    expect(nextDelay({ ...base, attemptsMade: 1, kind: 'transient', retryAfterMs: 7000 })).toBe(7000);
    expect(nextDelay({ ...base, attemptsMade: 1, kind: 'transient', retryAfterMs: 600000 })).toBe(60000);
  });
  it('backs off exponentially with jitter otherwise', () => {
    expect([1, 2, 3].map((attemptsMade) => nextDelay({ ...base, attemptsMade, kind: 'transient' }))).toEqual([1000, 2000, 4000]);
    expect(nextDelay({ ...base, attemptsMade: 1, kind: 'transient', random: () => 1 })).toBe(750);
    expect(nextDelay({ ...base, attemptsMade: 20, kind: 'transient' })).toBe(60000);
  });
});
