/**
 * Per-key fair ordering inside one Bull queue, by start-time fair queuing on Bull's job priority.
 *
 * The queue keeps a virtual clock `vt`: the highest priority any worker has started. Each fairness key
 * (an account, say) keeps `last`, the priority of its newest waiting job. A key adding `count` jobs
 * gets the priorities `max(vt, last) + 1 .. max(vt, last) + count`. So the n-th waiting job of every
 * key lands at about `vt + n`: a key with one job is served right after the jobs started so far, a key
 * with 10,000 jobs is interleaved with the others instead of going first, and each key's own jobs stay
 * in order. Nothing is decremented on completion, so a killed worker cannot leave a counter wrong: a key
 * whose `last` fell behind `vt` simply starts again at `vt + 1`.
 *
 * Both scripts run atomically in Redis (one round trip each).
 */

/** KEYS: [vt, key's last]; ARGV: [count, ttl ms]. Returns the first of `count` consecutive priorities. */
export const RESERVE_LUA = `
local vt = tonumber(redis.call('GET', KEYS[1]) or '0')
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
local first = math.max(vt, last) + 1
redis.call('SET', KEYS[2], first + tonumber(ARGV[1]) - 1, 'PX', ARGV[2])
return first
`;

/** KEYS: [vt]; ARGV: [priority of a job a worker starts]. Moves the clock forward, never back. */
export const ADVANCE_LUA = `
local vt = tonumber(redis.call('GET', KEYS[1]) or '0')
local p = tonumber(ARGV[1])
if p > vt then redis.call('SET', KEYS[1], p) end
return math.max(vt, p)
`;

/** A key idle this long is forgotten; by then its `last` is long behind the clock anyway. */
export const FAIRNESS_KEY_TTL_MS = 7 * 24 * 3600 * 1000;

const KEY = /^[A-Za-z0-9_.:-]{1,100}$/;

/** The Redis key of a queue's virtual clock. */
export const fairClockKey = (prefix: string, queue: string) => `${prefix}:${queue}:fair:vt`;

/** The Redis keys of a queue's clock and of one fairness key; throws on a key that is not a plain token. */
export const fairnessRedisKeys = (prefix: string, queue: string, fairnessKey: string) => {
  if (!KEY.test(fairnessKey)) {
    throw new Error(`fairnessKey must be 1-100 characters of letters, digits, _ . : - (got ${JSON.stringify(fairnessKey).slice(0, 40)})`);
  }
  return { clock: fairClockKey(prefix, queue), key: `${prefix}:${queue}:fair:k:${fairnessKey}` };
};

/**
 * The same rule as RESERVE_LUA/ADVANCE_LUA in memory, for the unit tests and as the readable spec:
 * the order in which a single worker would start jobs added by several keys.
 */
export const fairClock = () => {
  let vt = 0;
  const last = new Map<string, number>();
  return {
    reserve(key: string, count = 1) {
      const first = Math.max(vt, last.get(key) ?? 0) + 1;
      last.set(key, first + count - 1);
      return first;
    },
    advance(priority: number) {
      vt = Math.max(vt, priority);
      return vt;
    },
  };
};
