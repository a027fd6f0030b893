import type { ScalarType } from './types';

/** PostgreSQL type of each scalar kind, for `json_to_recordset(...) AS v(col type, ...)`. */
export const PG_TYPES: Record<ScalarType, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  decimal: 'numeric',
  float: 'double precision',
  boolean: 'boolean',
  date: 'date',
  datetime: 'timestamptz',
  time: 'time',
  json: 'jsonb',
};

/** A quoted SQL identifier (names come from Strapi's metadata; quotes are doubled all the same). */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Topological order of relation columns so a column's scope (its target's natural-key relations) resolves first. */
export const resolutionOrder = <T extends { name: string }>(columns: T[], scopeOf: (column: T) => string[]): T[] => {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const done = new Set<string>();
  const order: T[] = [];
  const visit = (column: T, path: Set<string>) => {
    if (done.has(column.name) || path.has(column.name)) return;
    path.add(column.name);
    for (const dep of scopeOf(column)) {
      const d = byName.get(dep);
      if (d) visit(d, path);
    }
    done.add(column.name);
    order.push(column);
  };
  for (const c of columns) visit(c, new Set());
  return order;
};
