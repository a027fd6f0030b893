import { canonical, compileCoercer, Invalid, undefuse, type Cell } from './coerce';
import type { Column, RelationColumn, ResolvedDataset, ScalarColumn } from './types';

/** Which column of the file feeds which attribute: `{ keyword: 'Keyword', site: 'Site domain' }`. */
export type Mapping = Record<string, string>;

/** A mapped column and the index of its header in the file. */
export interface Bound {
  column: Column;
  index: number;
}

/** A row after coercion: scalar values and relation labels by attribute name. */
export interface ParsedRow {
  line: number;
  scalars: Record<string, unknown>;
  /** Relation attribute -> the label as written (null: empty cell, which unlinks). */
  labels: Record<string, string | null>;
  errors: string[];
}

const squash = (text: string) => text.toLowerCase().replace(/[\s_\-.]/g, '');

/** Matches headers to importable columns by name, ignoring case, spaces, `_` and `-` ("Seed keyword" -> seedKeyword). */
export const suggestMapping = (headers: string[], dataset: ResolvedDataset): Mapping => {
  const mapping: Mapping = {};
  for (const column of dataset.columns) {
    if (column.readOnly) continue;
    const header = headers.find((h) => squash(h) === squash(column.name));
    if (header !== undefined) mapping[column.name] = header;
  }
  return mapping;
};

/** Checks a mapping against the file and the dataset; returns problems as `mapping.<attribute>: ...`. */
export const checkMapping = (mapping: Mapping, headers: string[], dataset: ResolvedDataset): string[] => {
  const problems: string[] = [];
  for (const [attribute, header] of Object.entries(mapping)) {
    const column = dataset.columns.find((c) => c.name === attribute);
    if (!column) problems.push(`mapping.${attribute}: is not a column of ${dataset.uid}`);
    else if (column.readOnly) problems.push(`mapping.${attribute}: cannot be imported (read-only)`);
    if (!headers.includes(header)) problems.push(`mapping.${attribute}: the file has no column "${header}"`);
  }
  for (const key of dataset.naturalKey) {
    if (!(key in mapping)) problems.push(`mapping.${key}: is part of the natural key and must be mapped`);
  }
  return problems;
};

export const bind = (mapping: Mapping, headers: string[], dataset: ResolvedDataset): Bound[] =>
  Object.entries(mapping).map(([attribute, header]) => ({ column: dataset.columns.find((c) => c.name === attribute)!, index: headers.indexOf(header) }));

const labelOf = (cell: Cell): string | null => {
  if (cell === null || cell === undefined) return null;
  const text = undefuse(cell instanceof Date ? cell.toISOString() : String(cell)).trim();
  return text === '' ? null : text;
};

/**
 * The row parser of a mapping, built once per import (the compiled validator): coerces the mapped
 * cells of one record; every problem is collected, each naming its column.
 */
export const compileRowParser = (bound: Bound[]) => {
  const steps = bound.map(({ column, index }) =>
    column.kind === 'relation'
      ? { name: column.name, index, relation: true, required: column.required ? `${column.name}: is required` : null, coerce: null }
      : { name: column.name, index, relation: false, required: null, coerce: compileCoercer(column as ScalarColumn) }
  );
  return (line: number, cells: Cell[]): ParsedRow => {
    const row: ParsedRow = { line, scalars: {}, labels: {}, errors: [] };
    for (const step of steps) {
      const cell = cells[step.index];
      if (step.relation) {
        const label = labelOf(cell);
        if (label === null && step.required) row.errors.push(step.required);
        row.labels[step.name] = label;
        continue;
      }
      const value = step.coerce!(cell);
      if (value instanceof Invalid) row.errors.push(value.error);
      else row.scalars[step.name] = value;
    }
    return row;
  };
};

/** Coerces the mapped cells of one record; every problem is collected, each naming its column. */
export const parseRow = (line: number, cells: Cell[], bound: Bound[]): ParsedRow => compileRowParser(bound)(line, cells);

/** Text of a natural-key part as the uniqueness rules compare it: trimmed, case-insensitive. */
export const keyPart = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim().toLowerCase());

/**
 * The natural key function of a dataset, built once: scalar parts compared as text, relation parts by
 * the resolved target id (the importer calls it for every row, so the column lookups happen here).
 */
export const naturalKeyOf = (dataset: ResolvedDataset) => {
  const parts = dataset.naturalKey.map((name) => ({ name, relation: dataset.columns.find((c) => c.name === name)!.kind === 'relation' }));
  // join() gives a flat string: Map lookups on it are about twice as fast as on a `+=` rope.
  const values: string[] = new Array(parts.length);
  return (scalars: Record<string, unknown>, relationIds: Record<string, number | null>) => {
    for (let i = 0; i < parts.length; i++) {
      const { name, relation } = parts[i];
      values[i] = relation ? `#${relationIds[name] ?? ''}` : keyPart(scalars[name]);
    }
    return values.join('\u0000');
  };
};

/** The natural key of a row: scalar parts compared as text, relation parts by the resolved target id. */
export const naturalKey = (dataset: ResolvedDataset, scalars: Record<string, unknown>, relationIds: Record<string, number | null>) => naturalKeyOf(dataset)(scalars, relationIds);

/** How people read a row's natural key in a preview: `keyword=boots, site=a.example.com`. */
export const describeKey = (dataset: ResolvedDataset, row: ParsedRow) =>
  dataset.naturalKey.map((name) => `${name}=${name in row.labels ? (row.labels[name] ?? '') : (row.scalars[name] ?? '')}`).join(', ');

/** A record as it is in the database: scalar values and to-one relation targets (id and label). */
export interface CurrentRecord {
  id: number;
  scalars: Record<string, unknown>;
  relations: Record<string, { id: number | null; label: string | null }>;
}

/**
 * The fields an update would change: mapped columns whose canonical value differs. Relations compare
 * by target id. Empty map: the row is skipped (export then import changes nothing).
 */
export const diffRow = (
  bound: Bound[],
  incoming: { scalars: Record<string, unknown>; relationIds: Record<string, number | null>; labels: Record<string, string | null> },
  current: CurrentRecord
): Record<string, { from: string | null; to: string | null }> => {
  const diff: Record<string, { from: string | null; to: string | null }> = {};
  for (const { column } of bound) {
    if (column.kind === 'relation') {
      const was = current.relations[column.name] ?? { id: null, label: null };
      const now = incoming.relationIds[column.name] ?? null;
      if (was.id !== now) diff[column.name] = { from: was.label, to: incoming.labels[column.name] ?? null };
      continue;
    }
    const was = current.scalars[column.name];
    const now = incoming.scalars[column.name];
    // Equal primitives need no canonical form (most cells of a re-imported file).
    if (was === now && (was === null || typeof was !== 'object')) continue;
    const from = canonical(column as ScalarColumn, was);
    const to = canonical(column as ScalarColumn, now);
    if (from !== to) diff[column.name] = { from, to };
  }
  return diff;
};

export const relationColumns = (bound: Bound[]) => bound.map((b) => b.column).filter((c): c is RelationColumn => c.kind === 'relation');
export const scalarColumns = (bound: Bound[]) => bound.map((b) => b.column).filter((c): c is ScalarColumn => c.kind === 'scalar');
