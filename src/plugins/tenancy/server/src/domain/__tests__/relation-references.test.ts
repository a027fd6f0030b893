import { countReferences, relationReferences, type RelationReferences } from '../relation-references';

const refs = (documentIds: string[] = [], ids: number[] = []): RelationReferences => ({ documentIds, ids });

describe('relationReferences', () => {
  describe('relationReferences', () => {
    it.each<[string, unknown, RelationReferences]>([
      ['undefined', undefined, refs()],
      ['null', null, refs()],
      ['an empty string', '', refs()],
      ['an empty array', [], refs()],
      ['a documentId string', 'abc123def', refs(['abc123def'])],
      ['a numeric string', '42', refs([], [42])],
      ['a numeric string with leading zeros', '007', refs([], [7])],
      ['a number', 5, refs([], [5])],
      ['zero', 0, refs([], [0])],
      ['a non-integer number', 1.5, refs()],
      ['NaN', Number.NaN, refs()],
      ['a boolean', true, refs()],
      ['a string that is only partly numeric', '12ab', refs(['12ab'])],
      ['a negative number string', '-1', refs(['-1'])],
      ['{ documentId }', { documentId: 'doc1' }, refs(['doc1'])],
      ['{ documentId, locale }', { documentId: 'doc1', locale: 'en' }, refs(['doc1'])],
      ['{ id } with a number', { id: 9 }, refs([], [9])],
      ['{ id } with a numeric string', { id: '9' }, refs([], [9])],
      ['{ id } with a documentId string', { id: 'doc9' }, refs(['doc9'])],
      ['{ documentId, id }, preferring documentId', { documentId: 'doc1', id: 9 }, refs(['doc1'])],
      ['an object with neither', { name: 'x' }, refs()],
      ['an array of documentIds', ['a', 'b'], refs(['a', 'b'])],
      ['an array of mixed shapes', ['a', '2', 3, { documentId: 'd' }, { id: 4 }, null, 1.5], refs(['a', 'd'], [2, 3, 4])],
      ['{ connect: [...] }', { connect: ['a', { documentId: 'b' }, { id: 3 }] }, refs(['a', 'b'], [3])],
      ['{ set: [...] }', { set: [{ documentId: 'a' }, 5] }, refs(['a'], [5])],
      ['{ connect } with a single value', { connect: 'a' }, refs(['a'])],
      ['{ set } with a single object', { set: { id: 7 } }, refs([], [7])],
      ['{ connect, set } together', { connect: ['a'], set: ['b', 1] }, refs(['a', 'b'], [1])],
      ['{ connect } with positions', { connect: [{ documentId: 'a', position: { before: 'z' } }] }, refs(['a'])],
      ['{ disconnect } only', { disconnect: ['a', 1] }, refs()],
      ['{ connect, disconnect }, ignoring disconnect', { connect: ['a'], disconnect: ['b', 2] }, refs(['a'])],
      ['{ connect: null }', { connect: null, disconnect: [] }, refs()],
      ['{ set: [] } (unlink everything)', { set: [] }, refs()],
    ])('for %s', (_label, value, expected) => {
      expect(relationReferences(value)).toEqual(expected);
    });

    it.each<[string, unknown, RelationReferences]>([
      ['repeated documentIds', ['a', 'a', { documentId: 'a' }], refs(['a'])],
      ['repeated ids in different shapes', [1, '1', { id: 1 }, { id: '1' }], refs([], [1])],
      ['the same record in connect and set', { connect: ['a', 2], set: ['a', 2] }, refs(['a'], [2])],
    ])('dedupes %s', (_label, value, expected) => {
      expect(relationReferences(value)).toEqual(expected);
    });

    it('keeps first-seen order', () => {
      expect(relationReferences(['c', 'a', 'c', 'b', 3, 1, 3])).toEqual(refs(['c', 'a', 'b'], [3, 1]));
    });
  });

  describe('countReferences', () => {
    it.each<[RelationReferences, number]>([
      [refs(), 0],
      [refs(['a']), 1],
      [refs([], [1, 2]), 2],
      [refs(['a', 'b'], [1]), 3],
    ])('counts %j as %i', (value, expected) => {
      expect(countReferences(value)).toBe(expected);
    });

    it('counts a deduped relation value once per record', () => {
      expect(countReferences(relationReferences({ connect: ['a', 'a', 1, '1'], disconnect: ['b'] }))).toBe(2);
    });
  });
});
