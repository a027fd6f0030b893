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
export const undefuse = (text: string) => (text.charCodeAt(0) === 39 && /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

/** What a compiled coercer returns for a cell it rejects (valid cells return their value, no wrapper). */
export class Invalid {
  constructor(readonly error: string) {}
}

/**
 * The coercer of one column, built once per import: one cell to the value the database column takes,
 * or an `Invalid` naming the column. An empty cell is null (a required column then fails). Text is kept
 * as written (no trimming: round trips stay exact). Enumerations are a Set; messages are built once.
 */
export const compileCoercer = (column: ScalarColumn): ((cell: Cell) => unknown) => {
  const fail = (message: string) => new Invalid(`${column.name}: ${message}`);
  const required = column.required ? `${column.name}: is required` : null;
  const { min, max } = column;
  const bounds = (value: number) => (min !== undefined && value < min ? fail(`must be at least ${min}`) : max !== undefined && value > max ? fail(`must be at most ${max}`) : undefined);
  const convert = ((): ((cell: Cell, text: string) => unknown) => {
    switch (column.type) {
      case 'text': {
        const allowed = column.enum ? new Set(column.enum) : null;
        const enumMessage = column.enum ? `must be one of ${column.enum.join(', ')}` : '';
        const maxLength = column.maxLength;
        const email = column.attributeType === 'email';
        return (_cell, text) => {
          const value = undefuse(text);
          if (allowed && !allowed.has(value)) return fail(enumMessage);
          if (maxLength && value.length > maxLength) return fail(`is longer than ${maxLength} characters`);
          if (email && !EMAIL.test(value)) return fail('must be an email address');
          return value;
        };
      }
      case 'integer':
      case 'bigint': {
        const big = column.type === 'bigint';
        return (_cell, text) => {
          const t = text.trim();
          if (!INTEGER.test(t)) return fail('must be a whole number');
          const value = Number(t);
          if (!big && Math.abs(value) > 2147483647) return fail('is out of range');
          return bounds(value) ?? (big ? t.replace(/^\+/, '') : value);
        };
      }
      case 'decimal':
      case 'float': {
        const decimal = column.type === 'decimal';
        return (_cell, text) => {
          const t = text.trim();
          if (!DECIMAL.test(t)) return fail('must be a number');
          return bounds(Number(t)) ?? (decimal ? t.replace(/^\+/, '') : Number(t));
        };
      }
      case 'boolean':
        return (_cell, text) => {
          const t = text.trim().toLowerCase();
          if (TRUE.has(t)) return true;
          if (FALSE.has(t)) return false;
          return fail('must be true or false');
        };
      case 'date':
        return (cell, text) => {
          const t = cell instanceof Date ? cell.toISOString().slice(0, 10) : text.trim();
          if (!DATE.test(t) || Number.isNaN(Date.parse(t))) return fail('must be a date (YYYY-MM-DD)');
          return t;
        };
      case 'datetime':
        return (_cell, text) => {
          const t = text.trim();
          const ms = Date.parse(t);
          if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}/.test(t)) return fail('must be a date and time (ISO 8601)');
          return new Date(ms).toISOString();
        };
      case 'time':
        return (_cell, text) => {
          const t = text.trim();
          if (!TIME.test(t)) return fail('must be a time (HH:MM:SS)');
          return t;
        };
      case 'json':
        return (_cell, text) => {
          try {
            return JSON.parse(text);
          } catch {
            return fail('must be JSON');
          }
        };
    }
  })();
  return (cell) => {
    if (cell === null || cell === undefined || cell === '') return required ? new Invalid(required) : null;
    return convert(cell, typeof cell === 'string' ? cell : cell instanceof Date ? cell.toISOString() : String(cell));
  };
};

/** One cell through its column's coercer, as a result object (the compiled form is what imports use). */
export const coerceCell = (column: ScalarColumn, cell: Cell): Coerced => {
  const value = compileCoercer(column)(cell);
  return value instanceof Invalid ? { ok: false, error: value.error } : { ok: true, value };
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
