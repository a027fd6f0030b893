import { clashWhere, effectiveUniqueWithinRules, scopeRef, uniqueWithinRules } from '../unique-within';

describe('uniqueWithinRules', () => {
  it('reads well-formed rules and ignores the rest', () => {
    expect(uniqueWithinRules({ pluginOptions: { tenancy: { uniqueWithin: [{ field: 'name', scope: ['site'] }, { field: 3 }, null] } } })).toEqual([{ field: 'name', scope: ['site'] }]);
    expect(uniqueWithinRules(undefined)).toEqual([]);
  });
});

describe('scopeRef', () => {
  it.each([
    [undefined, undefined],
    [null, null],
    ['abc', { documentId: 'abc' }],
    [7, { id: 7 }],
    [{ connect: ['a'] }, { documentId: 'a' }],
    [{ set: [{ documentId: 'b' }] }, { documentId: 'b' }],
    [{ disconnect: ['a'] }, null],
    [{ connect: [] }, null],
  ])('%j -> %j', (value, expected) => {
    expect(scopeRef(value)).toEqual(expected);
  });
});

describe('clashWhere', () => {
  it('matches the value case-insensitively within the scope, excluding itself and the trash', () => {
    expect(clashWhere({ field: 'keyword', scope: ['site', 'sector'] }, '  Garden Tools ', { site: { documentId: 's1' }, sector: null }, 'me', true)).toEqual({
      keyword: { $eqi: 'Garden Tools' },
      site: { documentId: 's1' },
      sector: { id: { $null: true } },
      documentId: { $ne: 'me' },
      deletedAt: { $null: true },
    });
  });
});

describe('effectiveUniqueWithinRules', () => {
  it('adds account to the scope of a tenant-owned type, once', () => {
    const ct = { attributes: { account: {} }, pluginOptions: { tenancy: { uniqueWithin: [{ field: 'keyword', scope: ['site', 'sector'] }, { field: 'slug', scope: ['account'] }] } } };
    expect(effectiveUniqueWithinRules(ct)).toEqual([
      { field: 'keyword', scope: ['site', 'sector', 'account'] },
      { field: 'slug', scope: ['account'] },
    ]);
  });

  it('leaves a type without account as declared', () => {
    expect(effectiveUniqueWithinRules({ attributes: {}, pluginOptions: { tenancy: { uniqueWithin: [{ field: 'name', scope: ['site'] }] } } })).toEqual([{ field: 'name', scope: ['site'] }]);
  });
});
