import type { Core } from '@strapi/strapi';

/**
 * Column names and value conversion for a flat content type (no relations), from Strapi's own
 * metadata, so the worker's hot path can write one statement through knex (UPDATE … RETURNING)
 * instead of the Query Engine's select-then-update-then-reselect, and still speak attribute names.
 */
export interface Columns {
  table: string;
  /** Every column (the id and each attribute that is not a relation). */
  names: string[];
  column: (attribute: string) => string;
  /** A row as the Query Engine returns it: attribute names, JSON parsed. */
  fromRow: (row: Record<string, unknown>) => Record<string, any>;
  /** Attribute → column, JSON serialised (for knex insert/update). */
  toRow: (data: Record<string, unknown>) => Record<string, unknown>;
}

const cache = new WeakMap<Core.Strapi, Map<string, Columns>>();

export const columnsOf = (strapi: Core.Strapi, uid: string): Columns => {
  let perApp = cache.get(strapi);
  if (!perApp) cache.set(strapi, (perApp = new Map()));
  const hit = perApp.get(uid);
  if (hit) return hit;
  const meta = strapi.db.metadata.get(uid as any) as any;
  const toColumn = new Map<string, string>();
  const toAttribute = new Map<string, string>();
  const json = new Set<string>();
  for (const [name, attribute] of Object.entries<any>(meta.attributes)) {
    if (attribute.type === 'relation') continue;
    const column = attribute.columnName ?? name;
    toColumn.set(name, column);
    toAttribute.set(column, name);
    if (attribute.type === 'json') json.add(name);
  }
  if (!toColumn.has('id')) {
    toColumn.set('id', 'id');
    toAttribute.set('id', 'id');
  }
  const columns: Columns = {
    table: meta.tableName,
    names: [...toAttribute.keys()],
    column: (attribute) => {
      const column = toColumn.get(attribute);
      if (!column) throw new Error(`${uid} has no column for "${attribute}"`);
      return column;
    },
    fromRow: (row) => {
      const out: Record<string, any> = {};
      for (const [column, value] of Object.entries(row)) {
        const name = toAttribute.get(column);
        if (!name) continue;
        // Strapi's pg setup leaves json values as text.
        out[name] = json.has(name) && typeof value === 'string' ? JSON.parse(value) : value;
      }
      return out;
    },
    toRow: (data) => {
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(data)) {
        if (value === undefined) continue;
        out[columns.column(name)] = json.has(name) && value !== null ? JSON.stringify(value) : value;
      }
      return out;
    },
  };
  perApp.set(uid, columns);
  return columns;
};
