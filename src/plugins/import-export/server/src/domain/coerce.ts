import type { ScalarColumn } from './types';

/** A cell as the readers give it: CSV cells are strings, XLSX cells may be numbers, booleans or dates. */
export type Cell = string | number | boolean | Date | null | undefined;

export type Coerced = { ok: true; value: unknown } | { ok: false; error: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const TRUE = new Set(['true', 't', '1', 'yes', 'y']);
const FALSE = new Set(['false', 'f', '0', 'no', 'n']);

/** Exports defuse spreadsheet formulas with a leading apostrophe; reading the file back removes it. */
export const undefuse = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const fail = (column: ScalarColumn, message: string): Coerced => ({ ok: false, error: `${column.name}: ${message}` });

/**
 * One cell to the value the database column takes, or an error naming the column. An empty cell is
 * null (a required column then fails). Text is kept as written (no trimming: round trips stay exact).
 */
export const coerceCell = (column: ScalarColumn, cell: Cell): Coerced => {
  if (cell === null || cell === undefined || cell === '') {
    return column.required ? fail(column, 'is required') : { ok: true, value: null };
  }
  const text = cell instanceof Date ? cell.toISOString() : String(cell);
  switch (column.type) {
    case 'text': {
      const value = undefuse(text);
      if (column.enum && !column.enum.includes(value)) return fail(column, `must be one of ${column.enum.join(', ')}`);
      if (column.maxLength && value.length > column.maxLength) return fail(column, `is longer than ${column.maxLength} characters`);
      if (column.attributeType === 'email' && !EMAIL.test(value)) return fail(column, 'must be an email address');
      return { ok: true, value };
    }
    case 'integer':
    case 'bigint': {
      const t = text.trim();
      if (!INTEGER.test(t)) return fail(column, 'must be a whole number');
      const value = Number(t);
      if (column.type === 'integer' && Math.abs(value) > 2147483647) return fail(column, 'is out of range');
      if (column.min !== undefined && value < column.min) return fail(column, `must be at least ${column.min}`);
      if (column.max !== undefined && value > column.max) return fail(column, `must be at most ${column.max}`);
      return { ok: true, value: column.type === 'bigint' ? t.replace(/^\+/, '') : value };
    }
    case 'decimal':
    case 'float': {
      const t = text.trim();
      if (!DECIMAL.test(t)) return fail(column, 'must be a number');
      const value = Number(t);
      if (column.min !== undefined && value < column.min) return fail(column, `must be at least ${column.min}`);
      if (column.max !== undefined && value > column.max) return fail(column, `must be at most ${column.max}`);
      return { ok: true, value: column.type === 'decimal' ? t.replace(/^\+/, '') : value };
    }
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (TRUE.has(t)) return { ok: true, value: true };
      if (FALSE.has(t)) return { ok: true, value: false };
      return fail(column, 'must be true or false');
    }
    case 'date': {
      const t = cell instanceof Date ? cell.toISOString().slice(0, 10) : text.trim();
      if (!DATE.test(t) || Number.isNaN(Date.parse(t))) return fail(column, 'must be a date (YYYY-MM-DD)');
      return { ok: true, value: t };
    }
    case 'datetime': {
      const t = text.trim();
      const ms = Date.parse(t);
      if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(t)) return fail(column, 'must be a date and time (ISO 8601)');
      return { ok: true, value: new Date(ms).toISOString() };
    }
    case 'time': {
      const t = text.trim();
      if (!TIME.test(t)) return fail(column, 'must be a time (HH:MM:SS)');
      return { ok: true, value: t };
    }
    case 'json': {
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return fail(column, 'must be JSON');
      }
    }
  }
};

/** Stable JSON (sorted keys), so two equal objects compare equal whatever their key order. */
const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as any)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
};

/**
 * A value (from the database or from a cell) as comparable text; null for no value. Numbers compare
 * numerically, instants by their UTC millisecond, an empty string equals null (CSV cannot tell them apart).
 */
export const canonical = (column: ScalarColumn, value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  switch (column.type) {
    case 'integer':
    case 'float':
      return String(Number(value));
    case 'bigint':
      return BigInt(String(value)).toString();
    case 'decimal': {
      // numeric(10,2) comes back as "12.50": trailing zeros are not a change.
      const [i, f = ''] = String(value).replace(/^\+/, '').split('.');
      const int = i.replace(/^(-?)0+(?=\d)/, '$1');
      const frac = f.replace(/0+$/, '');
      return frac ? `${int}.${frac}` : int === '-0' ? '0' : int;
    }
    case 'boolean':
      return value === true || value === 't' || value === 'true' ? 'true' : 'false';
    case 'datetime':
      return new Date(value as string).toISOString();
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
    case 'json':
      return stableJson(typeof value === 'string' ? JSON.parse(value) : value);
    default:
      return String(value);
  }
};
