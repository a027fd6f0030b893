import { andFilters, mentionsField } from '../filters';

describe('filters', () => {
  describe('andFilters', () => {
    const extra = { account: { id: { $eq: 7 } } };

    it.each([
      ['undefined', undefined],
      ['null', null],
      ['an empty object', {}],
    ])('returns only the extra filter when the caller passed %s', (_label, filters) => {
      expect(andFilters(filters, extra)).toEqual(extra);
    });

    it.each([
      ['a plain attribute filter', { title: { $contains: 'seo' } }],
      ['a filter naming the same field', { account: { id: { $eq: 99 } } }],
      ['an $or filter', { $or: [{ account: { id: 99 } }, { title: 'x' }] }],
      ['an $and filter', { $and: [{ title: 'x' }] }],
    ])('ANDs %s with the extra filter instead of merging keys', (_label, filters) => {
      expect(andFilters(filters, extra)).toEqual({ $and: [filters, extra] });
    });

    it('never lets a caller key replace the extra filter', () => {
      const result = andFilters({ account: { id: { $eq: 99 } } }, extra) as { $and: unknown[] };
      expect(result.$and[1]).toBe(extra);
      expect(result).not.toHaveProperty('account');
    });

    it('does not modify the caller filters', () => {
      const filters = { title: 'x' };
      andFilters(filters, extra);
      expect(filters).toEqual({ title: 'x' });
    });
  });

  describe('mentionsField', () => {
    it.each([
      ['a top-level key', { account: { id: 1 } }, true],
      ['a top-level key with a null value', { account: null }, true],
      ['another field only', { title: 'x' }, false],
      ['the field nested under a relation', { site: { account: { id: 1 } } }, false],
      ['the field inside $and', { $and: [{ title: 'x' }, { account: { id: 1 } }] }, true],
      ['the field inside $or', { $or: [{ account: { id: 1 } }] }, true],
      ['the field inside $not', { $not: { account: { id: 1 } } }, true],
      ['the field deep in nested logical operators', { $and: [{ $or: [{ $not: { account: 1 } }] }] }, true],
      ['logical operators without the field', { $and: [{ $or: [{ title: 'x' }] }] }, false],
      ['an operator key that is not the field', { title: { $eq: 'account' } }, false],
      ['an array of filters with the field', [{ title: 'x' }, { account: 1 }], true],
      ['an empty array', [], false],
      ['an empty object', {}, false],
      ['undefined', undefined, false],
      ['null', null, false],
      ['a string', 'account', false],
      ['a number', 1, false],
    ])('for %s returns %s', (_label, filters, expected) => {
      expect(mentionsField(filters, 'account')).toBe(expected);
    });
  });
});
