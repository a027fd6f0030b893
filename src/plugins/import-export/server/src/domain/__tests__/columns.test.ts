import { deriveDataset, labelAttribute } from '../columns';
import { MODELS } from './fixtures';

const derive = (definition: any) => deriveDataset({ definition, model: MODELS[definition.uid], modelOf: (uid) => MODELS[uid], definitionOf: (uid) => (uid === 'api::site.site' ? { uid, import: true, naturalKey: ['domain'] } : undefined) });

describe('deriveDataset', () => {
  const dataset = derive({ uid: 'api::keyword.keyword', import: true, naturalKey: ['keyword', 'site'], readOnly: ['volume'] });

  it('keeps public scalars and relations, drops ids, private and media attributes', () => {
    expect(dataset.columns.map((c) => c.name)).toEqual(['keyword', 'volume', 'intent', 'status', 'createdAt', 'account', 'site', 'tags', 'cluster']);
  });

  it('names relation targets by their readable key and keeps the link table', () => {
    const site = dataset.columns.find((c) => c.name === 'site')!;
    expect(site).toMatchObject({ kind: 'relation', toMany: false, readOnly: false, label: { attribute: 'domain', table: 'sites', column: 'domain', softDeletes: true, tenantOwned: true }, link: { table: 'keywords_site_lnk', own: 'keyword_id', other: 'site_id' } });
    expect(dataset.columns.find((c) => c.name === 'account')).toMatchObject({ label: { attribute: 'slug' } });
    expect(dataset.columns.find((c) => c.name === 'cluster')).toMatchObject({ label: { attribute: 'name' }, link: { inverseOrder: 'keyword_ord' } });
  });

  it('makes timestamps, to-many relations and declared columns read-only', () => {
    const readOnly = dataset.columns.filter((c) => c.readOnly).map((c) => c.name);
    expect(readOnly).toEqual(['volume', 'createdAt', 'tags']);
  });

  it('adds account to the natural key of tenant-owned types and carries defaults and limits', () => {
    expect(dataset.naturalKey).toEqual(['keyword', 'site', 'account']);
    expect(dataset.tenantOwned).toBe(true);
    expect(dataset.columns.find((c) => c.name === 'status')).toMatchObject({ default: 'pending', enum: ['pending', 'active'] });
    expect(dataset.columns.find((c) => c.name === 'keyword')).toMatchObject({ required: true, maxLength: 10, dbColumn: 'keyword' });
  });

  it('limits strings and enumerations to their varchar(255) column when the schema sets no shorter maxLength', () => {
    // A longer cell must be a row error naming the column, not a write that fails the whole import.
    expect(dataset.columns.find((c) => c.name === 'intent')).toMatchObject({ maxLength: 255 });
    const model = { uid: 'api::note.note', tableName: 'notes', attributes: { keyword: { type: 'string', maxLength: 1000 }, notes: { type: 'text' } } } as any;
    const wide = deriveDataset({ definition: { uid: 'api::note.note', import: true, naturalKey: ['keyword'] }, model, modelOf: (uid) => MODELS[uid], definitionOf: () => undefined });
    expect(wide.columns.find((c) => c.name === 'keyword')).toMatchObject({ maxLength: 255 });
    expect(wide.columns.find((c) => c.name === 'notes')).not.toHaveProperty('maxLength');
  });

  it('refuses an import whose natural key is read-only or missing, but not an export-only dataset', () => {
    expect(() => derive({ uid: 'api::keyword.keyword', import: true, naturalKey: ['volume'], readOnly: ['volume'] })).toThrow('natural key "volume"');
    expect(() => derive({ uid: 'api::keyword.keyword', import: true, naturalKey: ['nope'] })).toThrow('natural key "nope"');
    expect(() => derive({ uid: 'api::keyword.keyword', import: false, naturalKey: ['nope'] })).not.toThrow();
  });
});

describe('labelAttribute', () => {
  it('prefers the declared label, then the natural key, then slug/name/title...', () => {
    expect(labelAttribute(MODELS['api::keyword.keyword'], { uid: 'x', import: false, label: 'intent' })).toBe('intent');
    expect(labelAttribute(MODELS['api::site.site'], { uid: 'x', import: true, naturalKey: ['account', 'domain'] })).toBe('domain');
    expect(labelAttribute(MODELS['api::account.account'])).toBe('slug');
    expect(labelAttribute({ uid: 'x', tableName: 'x', attributes: { amount: { type: 'integer' } } })).toBe('documentId');
  });
});
