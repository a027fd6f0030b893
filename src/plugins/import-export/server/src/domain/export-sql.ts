import type { Column, ResolvedDataset } from './types';

/** A quoted PostgreSQL identifier (names come from the schema metadata, never from a request). */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Text a spreadsheet would run as a formula (= + - @ tab CR first) gets a leading apostrophe; the importer removes it. */
const defuse = (expr: string) => `CASE WHEN ${expr} ~ '^[=+\\-@\\t\\r]' THEN '''' || ${expr} ELSE ${expr} END`;

const scalarExpr = (column: Extract<Column, { kind: 'scalar' }>) => {
  const col = `t.${ident(column.dbColumn)}`;
  switch (column.type) {
    case 'boolean':
      return `CASE WHEN ${col} THEN 'true' WHEN NOT ${col} THEN 'false' END`;
    case 'datetime':
      return `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'text':
      return column.enum ? col : defuse(col);
    default:
      return `${col}::text`;
  }
};

/**
 * The export as one SELECT: every column rendered as the text a person and our importer read back
 * (booleans `true`/`false`, instants ISO 8601 UTC, JSON as JSON, relations as the target's readable
 * key; to-many relations as `; `-separated keys). `idFilterSql` is the server-resolved selection as a
 * sub-query of ids; rows come out in id order.
 */
export const exportSelect = (dataset: ResolvedDataset, idFilterSql: string) => {
  const joins: string[] = [];
  const expressions = dataset.columns.map((column, i) => {
    if (column.kind === 'scalar') return `${scalarExpr(column)} AS ${ident(column.name)}`;
    const { link, label } = column;
    if (column.toMany) {
      const key = `r.${ident(label.column)}::text`;
      return `(SELECT string_agg(${defuse(key)}, '; ' ORDER BY ${key}) FROM ${ident(link.table)} l JOIN ${ident(label.table)} r ON r.id = l.${ident(link.other)} WHERE l.${ident(link.own)} = t.id) AS ${ident(column.name)}`;
    }
    joins.push(`LEFT JOIN ${ident(link.table)} l${i} ON l${i}.${ident(link.own)} = t.id LEFT JOIN ${ident(label.table)} r${i} ON r${i}.id = l${i}.${ident(link.other)}`);
    return `${defuse(`r${i}.${ident(label.column)}::text`)} AS ${ident(column.name)}`;
  });
  return {
    sql: `SELECT ${expressions.join(', ')} FROM ${ident(dataset.table)} t ${joins.join(' ')} WHERE t.id IN (${idFilterSql}) ORDER BY t.id`,
    headers: dataset.columns.map((c) => c.name),
  };
};
