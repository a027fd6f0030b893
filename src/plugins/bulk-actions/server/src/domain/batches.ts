/**
 * Keyset batching: pages through ids in ascending order (`id > last`), never OFFSET, so each page is
 * an index range scan however deep the run is, and rows the previous batch changed (and that may no
 * longer match the filter) do not shift the pages. The id source and the work are injected, so this
 * is testable without a database.
 */
export interface KeysetArgs {
  batchSize: number;
  /** Up to `limit` ids greater than `after`, ascending. */
  nextIds: (after: number, limit: number) => Promise<number[]>;
  /** Processes one batch. */
  work: (ids: number[], index: number) => Promise<void>;
  /** Checked before each batch; true stops the run (a cancel). */
  stop?: () => Promise<boolean> | boolean;
}

export interface KeysetResult {
  batches: number;
  ids: number;
  stopped: boolean;
}

export const runKeysetBatches = async ({ batchSize, nextIds, work, stop }: KeysetArgs): Promise<KeysetResult> => {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  let after = 0;
  let batches = 0;
  let total = 0;
  for (;;) {
    if (stop && (await stop())) return { batches, ids: total, stopped: true };
    const ids = await nextIds(after, batchSize);
    if (!ids.length) return { batches, ids: total, stopped: false };
    for (let i = 1; i < ids.length; i++) {
      if (ids[i] <= ids[i - 1]) throw new Error('nextIds must return ids in strictly ascending order');
    }
    if (ids[0] <= after) throw new Error('nextIds returned an id not greater than the cursor');
    await work(ids, batches);
    batches += 1;
    total += ids.length;
    after = ids[ids.length - 1];
    if (ids.length < batchSize) return { batches, ids: total, stopped: false };
  }
};

/** Splits a list into chunks of at most `size` (for per-record service calls inside a batch). */
export const chunk = <T>(items: T[], size: number): T[][] => {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a positive integer');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Inline below this many rows, as a Bull job at or above it. */
export const INLINE_LIMIT = 1000;
export const runsInline = (willChange: number, limit = INLINE_LIMIT) => willChange < limit;
