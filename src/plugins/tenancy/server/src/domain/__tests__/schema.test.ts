import { ACCOUNT_UID } from '../constants';
import { isMedia, isRelation, isScoped, isTenantOwned, systemManagedFields, tenantOwnedUids, type ContentTypeLike } from '../schema';

const account = { type: 'relation', relation: 'manyToOne', target: ACCOUNT_UID };

const TYPES = {
  account: { uid: ACCOUNT_UID, attributes: { name: { type: 'string' }, plan: { type: 'relation', target: 'api::plan.plan' } } },
  site: { uid: 'api::site.site', attributes: { name: { type: 'string' }, account } },
  keyword: {
    uid: 'api::keyword.keyword',
    attributes: {
      term: { type: 'string' },
      account,
      creditsUsed: { type: 'integer', pluginOptions: { tenancy: { systemManaged: true } } },
      score: { type: 'integer', pluginOptions: { tenancy: { systemManaged: false } } },
      note: { type: 'text', pluginOptions: { i18n: { localized: true } } as ContentTypeLike['attributes'][string]['pluginOptions'] },
    },
  },
  plan: { uid: 'api::plan.plan', attributes: { name: { type: 'string' } } },
  wrongTarget: { uid: 'api::other.other', attributes: { account: { type: 'relation', target: 'api::plan.plan' } } },
  accountNotRelation: { uid: 'api::str.str', attributes: { account: { type: 'string' } } },
  accountMedia: { uid: 'api::med.med', attributes: { account: { type: 'media' } } },
  otherField: { uid: 'api::own.own', attributes: { owner: account } },
} satisfies Record<string, ContentTypeLike>;

describe('schema', () => {
  describe('isTenantOwned', () => {
    it.each<[string, ContentTypeLike | undefined, boolean]>([
      ['a type with an account relation to Account', TYPES.site, true],
      ['a type with more attributes and an account relation', TYPES.keyword, true],
      ['Account itself', TYPES.account, false],
      ['a type without account', TYPES.plan, false],
      ['an account relation to another type', TYPES.wrongTarget, false],
      ['an account attribute that is not a relation', TYPES.accountNotRelation, false],
      ['an account media attribute', TYPES.accountMedia, false],
      ['a relation to Account under another name', TYPES.otherField, false],
      ['an unknown type', undefined, false],
    ])('for %s returns %s', (_label, contentType, expected) => {
      expect(isTenantOwned(contentType)).toBe(expected);
    });
  });

  describe('isScoped', () => {
    it.each<[string, ContentTypeLike | undefined, boolean]>([
      ['Account itself', TYPES.account, true],
      ['a tenant-owned type', TYPES.site, true],
      ['a type without account', TYPES.plan, false],
      ['an account relation to another type', TYPES.wrongTarget, false],
      ['an unknown type', undefined, false],
    ])('for %s returns %s', (_label, contentType, expected) => {
      expect(isScoped(contentType)).toBe(expected);
    });
  });

  describe('tenantOwnedUids', () => {
    it('lists only tenant-owned types, sorted', () => {
      expect(tenantOwnedUids(Object.values(TYPES))).toEqual(['api::keyword.keyword', 'api::site.site']);
    });

    it('returns an empty list when nothing is tenant-owned', () => {
      expect(tenantOwnedUids([TYPES.account, TYPES.plan])).toEqual([]);
      expect(tenantOwnedUids([])).toEqual([]);
    });
  });

  describe('systemManagedFields', () => {
    it.each<[string, ContentTypeLike, string[]]>([
      ['a tenant-owned type: the account stamp', TYPES.site, ['account']],
      ['the account stamp plus systemManaged attributes', TYPES.keyword, ['account', 'creditsUsed']],
      ['a type without account or markers', TYPES.plan, []],
      ['an account attribute of any type', TYPES.accountNotRelation, ['account']],
    ])('for %s', (_label, contentType, expected) => {
      expect(systemManagedFields(contentType)).toEqual(expected);
    });

    it('ignores systemManaged: false and other plugin options', () => {
      const fields = systemManagedFields(TYPES.keyword);
      expect(fields).not.toContain('score');
      expect(fields).not.toContain('note');
    });
  });

  describe('isRelation', () => {
    it.each<[string, Parameters<typeof isRelation>[0], boolean]>([
      ['a relation with a target', { type: 'relation', target: 'api::site.site' }, true],
      ['a morph relation without a target', { type: 'relation', relation: 'morphToMany' }, false],
      ['a relation with an empty target', { type: 'relation', target: '' }, false],
      ['media', { type: 'media' }, false],
      ['a scalar', { type: 'string' }, false],
      ['undefined', undefined, false],
    ])('for %s returns %s', (_label, attribute, expected) => {
      expect(isRelation(attribute)).toBe(expected);
    });
  });

  describe('isMedia', () => {
    it.each<[string, Parameters<typeof isMedia>[0], boolean]>([
      ['single media', { type: 'media' }, true],
      ['multiple media', { type: 'media', multiple: true }, true],
      ['a relation', { type: 'relation', target: 'plugin::upload.file' }, false],
      ['a scalar', { type: 'string' }, false],
      ['undefined', undefined, false],
    ])('for %s returns %s', (_label, attribute, expected) => {
      expect(isMedia(attribute)).toBe(expected);
    });
  });
});
