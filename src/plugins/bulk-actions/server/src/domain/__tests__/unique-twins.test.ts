import { uniqueTwinsQuery } from '../unique-twins';

const rule = {
  table: 'keywords',
  valueColumn: 'keyword',
  deletedAtColumn: 'deleted_at',
  scopes: [
    { table: 'keywords_site_lnk', ownColumn: 'keyword_id', targetColumn: 'site_id' },
    { table: 'keywords_account_lnk', ownColumn: 'keyword_id', targetColumn: 'account_id' },
  ],
};

describe('uniqueTwinsQuery', () => {
  it('has one binding per placeholder, identifiers before the ids', () => {
    const { sql, bindings } = uniqueTwinsQuery(rule, [3, 1]);
    const placeholders = (sql.match(/\?\??/g) ?? []).length;
    expect(bindings).toHaveLength(placeholders);
    expect(bindings).toContainEqual([3, 1]);
    expect(bindings.filter((b) => b === 'keywords_site_lnk')).toHaveLength(2);
  });

  it('compares every scope null-safely, against live rows and earlier rows of the batch', () => {
    const { sql } = uniqueTwinsQuery(rule, [1]);
    expect(sql.match(/IS NOT DISTINCT FROM/g)).toHaveLength(4);
    expect(sql).toContain('c2.id < c.id');
    expect(sql).toContain('o.?? IS NULL');
  });

  it('works without scope relations', () => {
    const { sql, bindings } = uniqueTwinsQuery({ ...rule, scopes: [] }, [1]);
    expect(sql).not.toContain('LEFT JOIN');
    expect(bindings).toHaveLength((sql.match(/\?\??/g) ?? []).length);
  });
});
