import { canonical, coerceCell, undefuse } from '../coerce';
import type { ScalarColumn } from '../types';

const col = (type: ScalarColumn['type'], extra: Partial<ScalarColumn> = {}): ScalarColumn => ({ kind: 'scalar', name: 'f', dbColumn: 'f', type, attributeType: type === 'text' ? 'string' : type, required: false, readOnly: false, ...extra });

describe('coerceCell', () => {
  it('turns an empty cell into null, or an error naming the column when required', () => {
    expect(coerceCell(col('integer'), '')).toEqual({ ok: true, value: null });
    expect(coerceCell(col('text', { required: true }), null)).toEqual({ ok: false, error: 'f: is required' });
  });

  it('checks numbers, bounds and ranges', () => {
    expect(coerceCell(col('integer', { min: 0 }), ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(coerceCell(col('integer', { min: 0 }), '-1')).toEqual({ ok: false, error: 'f: must be at least 0' });
    expect(coerceCell(col('integer'), '1.5')).toEqual({ ok: false, error: 'f: must be a whole number' });
    expect(coerceCell(col('integer'), '99999999999')).toEqual({ ok: false, error: 'f: is out of range' });
    expect(coerceCell(col('decimal'), '12.50')).toEqual({ ok: true, value: '12.50' });
    expect(coerceCell(col('float', { max: 1 }), '2')).toEqual({ ok: false, error: 'f: must be at most 1' });
    expect(coerceCell(col('integer'), 7)).toEqual({ ok: true, value: 7 });
  });

  it('checks enumerations, lengths and emails; keeps text as written', () => {
    expect(coerceCell(col('text', { enum: ['a', 'b'] }), 'c')).toEqual({ ok: false, error: 'f: must be one of a, b' });
    expect(coerceCell(col('text', { maxLength: 3 }), 'abcd')).toEqual({ ok: false, error: 'f: is longer than 3 characters' });
    expect(coerceCell(col('text', { attributeType: 'email' }), 'nope')).toEqual({ ok: false, error: 'f: must be an email address' });
    expect(coerceCell(col('text'), '  spaced ')).toEqual({ ok: true, value: '  spaced ' });
    expect(coerceCell(col('text'), "'=SUM(A1)")).toEqual({ ok: true, value: '=SUM(A1)' });
  });

  it('reads booleans, dates, instants and JSON', () => {
    expect(coerceCell(col('boolean'), 'TRUE')).toEqual({ ok: true, value: true });
    expect(coerceCell(col('boolean'), 'no')).toEqual({ ok: true, value: false });
    expect(coerceCell(col('boolean'), 'maybe')).toEqual({ ok: false, error: 'f: must be true or false' });
    expect(coerceCell(col('date'), '2026-02-30x')).toMatchObject({ ok: false });
    expect(coerceCell(col('datetime'), '2026-11-21T10:00:00+01:00')).toEqual({ ok: true, value: '2026-11-21T09:00:00.000Z' });
    expect(coerceCell(col('datetime'), 'yesterday')).toMatchObject({ ok: false });
    expect(coerceCell(col('json'), '{"a":[1]}')).toEqual({ ok: true, value: { a: [1] } });
    expect(coerceCell(col('json'), '{')).toEqual({ ok: false, error: 'f: must be JSON' });
  });
});

describe('canonical', () => {
  it('compares values the way a round trip must see them as equal', () => {
    expect(canonical(col('decimal'), '12.50')).toBe(canonical(col('decimal'), '12.5'));
    expect(canonical(col('decimal'), '12.00')).toBe('12');
    expect(canonical(col('text'), '')).toBeNull();
    expect(canonical(col('datetime'), new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
    expect(canonical(col('json'), { b: 1, a: 2 })).toBe(canonical(col('json'), '{"a":2,"b":1}'));
    expect(canonical(col('boolean'), true)).toBe('true');
    expect(canonical(col('integer'), '5')).toBe(canonical(col('integer'), 5));
  });

  it('undefuses only a formula apostrophe', () => {
    expect(undefuse("'-5")).toBe('-5');
    expect(undefuse("'tis")).toBe("'tis");
  });
});
