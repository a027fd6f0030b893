/**
 * SQL finding the rows of a restore batch that would break a "unique within" rule once live again
 * (tenancy's `pluginOptions.tenancy.uniqueWithin`, per account on tenant-owned types): a live row of
 * another document with the same value (trimmed, case-insensitive) and the same scope relations, or
 * a lower-id row of the same batch that would come back with it (the first one wins). Scope relations
 * live in link tables, so they are joined; `IS NOT DISTINCT FROM` makes "no site" equal "no site",
 * as the Document Service check does. Pure: table and column names come from Strapi's metadata.
 */
export interface TwinScope {
  /** Link table of the to-one relation, its column pointing at our row, and at the target. */
  table: string;
  ownColumn: string;
  targetColumn: string;
}

export interface TwinRule {
  table: string;
  valueColumn: string;
  deletedAtColumn: string;
  scopes: TwinScope[];
}

export const uniqueTwinsQuery = (rule: TwinRule, ids: number[]): { sql: string; bindings: unknown[] } => {
  const joins = (alias: string) => rule.scopes.map((s, i) => `LEFT JOIN ?? ${alias}s${i} ON ${alias}s${i}.?? = ${alias}.id`).join(' ');
  const joinBindings = rule.scopes.flatMap((s) => [s.table, s.ownColumn]);
  const scopeCols = (alias: string) => rule.scopes.map((_s, i) => `, ${alias}s${i}.?? AS s${i}`).join('');
  const scopeBindings = rule.scopes.map((s) => s.targetColumn);
  const same = (a: string, b: string) => rule.scopes.map((_s, i) => ` AND ${a}.s${i} IS NOT DISTINCT FROM ${b}.s${i}`).join('');
  const sql = `WITH cand AS (
      SELECT t.id, t.document_id, lower(btrim(t.??)) AS v${scopeCols('t')}
        FROM ?? t ${joins('t')}
       WHERE t.id = ANY(?::int[])
    ), live AS (
      SELECT o.document_id, lower(btrim(o.??)) AS v${scopeCols('o')}
        FROM ?? o ${joins('o')}
       WHERE o.?? IS NULL AND lower(btrim(o.??)) IN (SELECT v FROM cand WHERE v <> '')
    )
    SELECT c.id, c.document_id, c.v FROM cand c
     WHERE c.v <> ''
       AND (EXISTS (SELECT 1 FROM live l WHERE l.v = c.v AND l.document_id <> c.document_id${same('l', 'c')})
         OR EXISTS (SELECT 1 FROM cand c2 WHERE c2.v = c.v AND c2.document_id <> c.document_id AND c2.id < c.id${same('c2', 'c')}))
     ORDER BY c.id`;
  const bindings = [
    rule.valueColumn,
    ...scopeBindings,
    rule.table,
    ...joinBindings,
    ids,
    rule.valueColumn,
    ...scopeBindings,
    rule.table,
    ...joinBindings,
    rule.deletedAtColumn,
    rule.valueColumn,
  ];
  return { sql, bindings };
};
