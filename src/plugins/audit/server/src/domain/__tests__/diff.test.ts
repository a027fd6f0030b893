import { actorOf, diffRows, REDACTED, retentionCutoff } from '../diff';

describe('diffRows', () => {
  const fields = ['name', 'status', 'planCredits', 'secrets', 'updatedAt', 'meta'];

  it('lists only the fields that changed, as [before, after]', () => {
    const before = { name: 'A', status: 'active', planCredits: 10, updatedAt: new Date(1), meta: { a: 1 } };
    const after = { name: 'A', status: 'suspended', planCredits: 10, updatedAt: new Date(2), meta: { a: 2 } };
    expect(diffRows(before, after, { fields })).toEqual({ status: ['active', 'suspended'], meta: [{ a: 1 }, { a: 2 }] });
  });

  it('treats a create as every set field from null and a delete as every field to null', () => {
    expect(diffRows(null, { name: 'A', status: null }, { fields: ['name', 'status'] })).toEqual({ name: [null, 'A'] });
    expect(diffRows({ name: 'A' }, null, { fields: ['name'] })).toEqual({ name: ['A', null] });
  });

  it('never copies a redacted value, only that it changed', () => {
    const diff = diffRows({ secrets: { openai: 'x' } }, { secrets: { openai: 'y' } }, { fields, redact: ['secrets'] });
    expect(diff).toEqual({ secrets: [REDACTED, REDACTED] });
    expect(JSON.stringify(diff)).not.toContain('openai');
  });

  it('compares dates by instant and undefined as null', () => {
    expect(diffRows({ name: new Date('2026-01-01T00:00:00Z') }, { name: '2026-01-01T00:00:00.000Z' }, { fields: ['name'] })).toEqual({});
    expect(diffRows({ name: undefined }, { name: null }, { fields: ['name'] })).toEqual({});
  });
});

describe('actorOf and retentionCutoff', () => {
  it('names the actor or says system', () => {
    expect(actorOf({ id: 3 }, 'admin')).toBe('admin:3');
    expect(actorOf(null, 'user')).toBe('system');
  });

  it('computes the cutoff and refuses nonsense', () => {
    expect(retentionCutoff(new Date('2026-01-31T00:00:00Z'), 30).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(() => retentionCutoff(new Date(), 0)).toThrow(RangeError);
  });
});
