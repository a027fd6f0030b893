import { chunksOf } from '../chunks-of';

const rows = [
  { id: 1, accountId: 10, siteId: 1 },
  { id: 2, accountId: 20, siteId: 2 },
  { id: 3, accountId: 10, siteId: 1 },
  { id: 4, accountId: 10, siteId: 3 },
  { id: 5, accountId: 10, siteId: 1 },
];
const ids = (chunks: Array<Array<{ id: number }>>) => chunks.map((c) => c.map((r) => r.id));

describe('chunksOf', () => {
  it('gives every row its own run by default', () => {
    expect(ids(chunksOf(rows, undefined, 50))).toEqual([[1], [2], [3], [4], [5]]);
  });
  it('groups per account, keeping the batch order', () => {
    expect(ids(chunksOf(rows, 'account', 50))).toEqual([[1, 3, 4, 5], [2]]);
  });
  it('groups per account and site, and cuts groups to the maximum', () => {
    expect(ids(chunksOf(rows, 'site', 2))).toEqual([[1, 3], [5], [2], [4]]);
  });
});
