/**
 * A fixed latency histogram: counts per bucket, the same buckets everywhere, so histograms from
 * different minutes, routes and processes add up by plain addition (in SQL too, one column per bucket).
 */

/** Upper bounds (ms, inclusive) of every bucket but the last, which takes everything slower. */
export const BUCKET_BOUNDS_MS: readonly number[] = [1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000];
export const BUCKET_COUNT = BUCKET_BOUNDS_MS.length + 1;

export const bucketOf = (ms: number): number => {
  let lo = 0;
  let hi = BUCKET_BOUNDS_MS.length;
  // First bound >= ms (binary search: this runs on every request).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (BUCKET_BOUNDS_MS[mid] >= ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
};

export const emptyHistogram = (): number[] => new Array(BUCKET_COUNT).fill(0);

export const addHistograms = (a: number[], b: number[]): number[] => a.map((v, i) => v + (b[i] ?? 0));

/**
 * Nearest-rank percentile, interpolated linearly inside the bucket that holds the rank. The result
 * lies within that bucket's bounds; the open last bucket reports its lower bound.
 */
export const percentileOf = (histogram: number[], p: number): number | null => {
  const total = histogram.reduce((sum, v) => sum + v, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    if (!histogram[i]) continue;
    if (seen + histogram[i] >= rank) {
      const lower = i === 0 ? 0 : BUCKET_BOUNDS_MS[i - 1];
      if (i >= BUCKET_BOUNDS_MS.length) return lower;
      const upper = BUCKET_BOUNDS_MS[i];
      const within = (rank - seen) / histogram[i];
      return Math.round((lower + (upper - lower) * within) * 100) / 100;
    }
    seen += histogram[i];
  }
  return null;
};
