import { deriveDataset } from '../columns';
import { bind, checkMapping, diffRow, naturalKey, parseRow, suggestMapping } from '../rows';
import { resolutionOrder } from '../sql-types';
import { MODELS } from './fixtures';

const dataset = deriveDataset({
  definition: { uid: 'api::keyword.keyword', import: true, naturalKey: ['keyword', 'site'] },
  model: MODELS['api::keyword.keyword'],
  modelOf: (uid) => MODELS[uid],
  definitionOf: () => undefined,
});
const headers = ['Keyword', 'Search volume', 'volume', 'Site', 'account', 'createdAt'];

describe('mapping', () => {
  it('suggests importable columns by name, ignoring case and separators, never read-only ones', () => {
    expect(suggestMapping(headers, dataset)).toEqual({ keyword: 'Keyword', volume: 'volume', site: 'Site', account: 'account' });
  });

  it('names every problem by mapping.<attribute>', () => {
    expect(checkMapping({ keyword: 'Keyword', createdAt: 'createdAt', nope: 'Site', volume: 'Gone' }, headers, dataset)).toEqual([
      'mapping.createdAt: cannot be imported (read-only)',
      'mapping.nope: is not a column of api::keyword.keyword',
      'mapping.volume: the file has no column "Gone"',
      'mapping.site: is part of the natural key and must be mapped',
      'mapping.account: is part of the natural key and must be mapped',
    ]);
  });
});

describe('parseRow, naturalKey and diffRow', () => {
  const bound = bind({ keyword: 'Keyword', volume: 'volume', site: 'Site', account: 'account' }, headers, dataset);

  it('coerces cells and collects every error', () => {
    expect(parseRow(2, ['boots', '', '12', 'a.example.com', 'acme'], bound)).toEqual({ line: 2, scalars: { keyword: 'boots', volume: 12 }, labels: { site: 'a.example.com', account: 'acme' }, errors: [] });
    expect(parseRow(3, ['', '', '-1', '', ''], bound).errors).toEqual(['keyword: is required', 'volume: must be at least 0']);
  });

  it('compares natural keys trimmed and case-insensitively, relations by id', () => {
    expect(naturalKey(dataset, { keyword: ' Boots ' }, { site: 3, account: 1 })).toBe(naturalKey(dataset, { keyword: 'boots' }, { site: 3, account: 1 }));
    expect(naturalKey(dataset, { keyword: 'boots' }, { site: 3, account: 1 })).not.toBe(naturalKey(dataset, { keyword: 'boots' }, { site: 4, account: 1 }));
  });

  it('lists only the fields that change, with old and new value', () => {
    const current = { id: 1, scalars: { keyword: 'boots', volume: 12 }, relations: { site: { id: 3, label: 'a.example.com' }, account: { id: 1, label: 'acme' } } };
    const same = { scalars: { keyword: 'boots', volume: 12 }, relationIds: { site: 3, account: 1 }, labels: { site: 'a.example.com', account: 'acme' } };
    expect(diffRow(bound, same, current)).toEqual({});
    expect(diffRow(bound, { ...same, scalars: { keyword: 'boots', volume: 13 }, relationIds: { site: 4, account: 1 }, labels: { site: 'b.example.com', account: 'acme' } }, current)).toEqual({
      volume: { from: '12', to: '13' },
      site: { from: 'a.example.com', to: 'b.example.com' },
    });
  });
});

describe('resolutionOrder', () => {
  it('resolves a relation after the relations it is looked up within', () => {
    const cols = [{ name: 'cluster' }, { name: 'sector' }, { name: 'site' }, { name: 'account' }];
    const scope: Record<string, string[]> = { cluster: ['site', 'sector', 'account'], sector: ['site', 'account'], site: ['account'], account: [] };
    expect(resolutionOrder(cols, (c) => scope[c.name]).map((c) => c.name)).toEqual(['account', 'site', 'sector', 'cluster']);
  });
});
