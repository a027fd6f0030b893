import { andFilters as libAndFilters } from '../../../../../../lib/filters';
import { ACCOUNT_UID } from '../constants';
import { andFilters, MATCH_NOTHING, scopeFilterFor } from '../scope-filter';

describe('scopeFilter', () => {
  describe('scopeFilterFor', () => {
    it.each<[string, string, number, Record<string, unknown>]>([
      ['Account, by its own id', ACCOUNT_UID, 7, { id: { $eq: 7 } }],
      ['a tenant-owned type, by its account relation', 'api::site.site', 7, { account: { id: { $eq: 7 } } }],
      ['another tenant-owned type', 'api::keyword.keyword', 12, { account: { id: { $eq: 12 } } }],
    ])('scopes %s', (_label, uid, accountId, expected) => {
      expect(scopeFilterFor(uid, accountId)).toEqual(expected);
    });

    it('returns a fresh object each time', () => {
      expect(scopeFilterFor('api::site.site', 1)).not.toBe(scopeFilterFor('api::site.site', 1));
    });
  });

  describe('MATCH_NOTHING', () => {
    it('filters on an id no row has', () => {
      expect(MATCH_NOTHING).toEqual({ id: { $eq: -1 } });
    });
  });

  describe('andFilters', () => {
    it('is the shared lib implementation', () => {
      expect(andFilters).toBe(libAndFilters);
    });

    it('ANDs a caller filter with the scope', () => {
      const scope = scopeFilterFor('api::site.site', 3);
      expect(andFilters({ account: { id: { $eq: 4 } } }, scope)).toEqual({ $and: [{ account: { id: { $eq: 4 } } }, scope] });
    });

    it('returns MATCH_NOTHING alone for a caller without filters', () => {
      expect(andFilters(undefined, MATCH_NOTHING)).toEqual({ id: { $eq: -1 } });
    });
  });
});
