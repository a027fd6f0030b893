import { fairClock, fairnessRedisKeys } from '../fairness';

/** The start order one worker would follow: lowest priority first, ties in arrival order (Bull's rule). */
const startOrder = (jobs: Array<{ key: string; priority: number; seq: number }>) =>
  [...jobs].sort((a, b) => a.priority - b.priority || a.seq - b.seq);

describe('fair priorities (start-time fair queuing)', () => {
  it('serves a small key right after what already started, ahead of the rest of a big batch', () => {
    const clock = fairClock();
    const first = clock.reserve('big', 10_000);
    const jobs = Array.from({ length: 10_000 }, (_, i) => ({ key: 'big', priority: first + i, seq: i }));
    // Five of the big batch have started.
    for (let i = 0; i < 5; i++) clock.advance(jobs[i].priority);
    const small = { key: 'small', priority: clock.reserve('small'), seq: 10_000 };
    const waiting = startOrder([...jobs.slice(5), small]);
    expect(waiting.findIndex((j) => j.key === 'small')).toBeLessThanOrEqual(1);
  });

  it('interleaves two batches round-robin and keeps each key in its own order', () => {
    const clock = fairClock();
    const a = clock.reserve('a', 3);
    const b = clock.reserve('b', 3);
    const jobs = [0, 1, 2].flatMap((i) => [{ key: 'a', priority: a + i, seq: i }, { key: 'b', priority: b + i, seq: 3 + i }]);
    expect(startOrder(jobs).map((j) => j.key)).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
    expect(startOrder(jobs).filter((j) => j.key === 'a').map((j) => j.seq)).toEqual([0, 1, 2]);
  });

  it('a key whose jobs all ran starts again at the clock, not behind its old backlog', () => {
    const clock = fairClock();
    clock.reserve('a', 100);
    clock.advance(100);
    expect(clock.reserve('a')).toBe(101);
    expect(clock.reserve('b')).toBe(101);
  });

  it('never moves the clock back', () => {
    const clock = fairClock();
    clock.advance(50);
    expect(clock.advance(10)).toBe(50);
  });

  it('builds the Redis keys and refuses a key that is not a plain token', () => {
    expect(fairnessRedisKeys('igny8', 'ai', 'account:12')).toEqual({ clock: 'igny8:ai:fair:vt', key: 'igny8:ai:fair:k:account:12' });
    expect(() => fairnessRedisKeys('igny8', 'ai', '')).toThrow(/fairnessKey/);
    expect(() => fairnessRedisKeys('igny8', 'ai', 'a b*')).toThrow(/fairnessKey/);
  });
});
