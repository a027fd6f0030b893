import { chunk, runKeysetBatches, runsInline } from '../batches';

/** An in-memory id source that behaves like `SELECT id WHERE id > ? AND <filter> ORDER BY id LIMIT ?`. */
const source = (ids: number[]) => {
  const calls: Array<[number, number]> = [];
  return {
    calls,
    nextIds: async (after: number, limit: number) => {
      calls.push([after, limit]);
      return ids.filter((id) => id > after).slice(0, limit);
    },
  };
};

describe('runKeysetBatches', () => {
  it('pages with id > last, never offset, and visits every id once', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => i * 3 + 1);
    const src = source(ids);
    const seen: number[][] = [];
    const result = await runKeysetBatches({ batchSize: 5, nextIds: src.nextIds, work: async (batch) => void seen.push(batch) });
    expect(seen).toEqual([ids.slice(0, 5), ids.slice(5, 10), ids.slice(10)]);
    expect(src.calls.map(([after]) => after)).toEqual([0, 13, 28]);
    expect(result).toEqual({ batches: 3, ids: 12, stopped: false });
  });

  it('asks once more when the last batch is exactly full, then ends', async () => {
    const src = source([1, 2, 3, 4]);
    const result = await runKeysetBatches({ batchSize: 2, nextIds: src.nextIds, work: async () => undefined });
    expect(result).toEqual({ batches: 2, ids: 4, stopped: false });
    expect(src.calls).toHaveLength(3);
  });

  it('is not thrown off by rows that stop matching once changed', async () => {
    // A status toggle: the filter matches "active", the work archives them. Keyset pages still advance.
    const active = new Set([2, 4, 6, 8, 10]);
    const nextIds = async (after: number, limit: number) => [...active].filter((id) => id > after).sort((a, b) => a - b).slice(0, limit);
    const seen: number[] = [];
    await runKeysetBatches({ batchSize: 2, nextIds, work: async (batch) => batch.forEach((id) => (active.delete(id), seen.push(id))) });
    expect(seen).toEqual([2, 4, 6, 8, 10]);
  });

  it('stops between batches when asked (a cancel)', async () => {
    const src = source([1, 2, 3, 4, 5, 6]);
    let done = 0;
    const result = await runKeysetBatches({ batchSize: 2, nextIds: src.nextIds, work: async () => void done++, stop: () => done === 2 });
    expect(result).toEqual({ batches: 2, ids: 4, stopped: true });
  });

  it('refuses an id source that is not ascending', async () => {
    await expect(runKeysetBatches({ batchSize: 3, nextIds: async () => [3, 2, 1], work: async () => undefined })).rejects.toThrow('strictly ascending');
  });

  it('refuses a bad batch size', async () => {
    await expect(runKeysetBatches({ batchSize: 0, nextIds: async () => [], work: async () => undefined })).rejects.toThrow(RangeError);
  });
});

describe('chunk', () => {
  it('splits into chunks of at most size', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 2)).toEqual([]);
  });
});

describe('runsInline', () => {
  it('runs fewer than 1,000 rows inline and the rest as a job', () => {
    expect(runsInline(999)).toBe(true);
    expect(runsInline(1000)).toBe(false);
  });
});
