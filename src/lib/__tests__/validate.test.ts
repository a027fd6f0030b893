import { errors } from '@strapi/utils';
import { z } from 'zod';
import { validate } from '../validate';

const signup = z.strictObject({
  email: z.email(),
  name: z.string().min(2),
  seats: z.number().int().positive().optional(),
  address: z.strictObject({ city: z.string(), zip: z.string().regex(/^\d{5}$/) }).optional(),
  tags: z.array(z.string()).optional(),
});

/** Runs `validate` expecting it to throw, and returns the error. */
const failure = (schema: z.ZodType, input: unknown) => {
  try {
    validate(schema, input);
  } catch (error) {
    return error as InstanceType<typeof errors.ValidationError> & { details: { errors: { path: string[]; message: string; name: string }[] } };
  }
  throw new Error('validate did not throw');
};

describe('validate', () => {
  describe('accepts', () => {
    it('returns the parsed data when the input is valid', () => {
      expect(validate(signup, { email: 'a@b.co', name: 'Ann' })).toEqual({ email: 'a@b.co', name: 'Ann' });
    });

    it('returns zod’s output, with transforms and defaults applied', () => {
      const schema = z.object({ name: z.string().trim(), plan: z.string().default('free'), count: z.coerce.number() });
      expect(validate(schema, { name: '  Ann ', count: '3' })).toEqual({ name: 'Ann', plan: 'free', count: 3 });
    });

    it('strips unknown keys on a non-strict object instead of failing', () => {
      expect(validate(z.object({ a: z.string() }), { a: 'x', b: 1 })).toEqual({ a: 'x' });
    });
  });

  describe('rejects', () => {
    it('throws Strapi’s ValidationError', () => {
      const error = failure(signup, { email: 'nope', name: 'Ann' });
      expect(error).toBeInstanceOf(errors.ValidationError);
      expect(error).toBeInstanceOf(errors.ApplicationError);
      expect(error.name).toBe('ValidationError');
    });

    it('names the offending field and zod’s message', () => {
      const error = failure(signup, { email: 'nope', name: 'Ann' });
      expect(error.message).toBe('email: Invalid email address');
      expect(error.details.errors).toEqual([{ path: ['email'], message: 'Invalid email address', name: 'ValidationError' }]);
    });

    it('reports every offending field, in the message and in details.errors', () => {
      const error = failure(signup, { email: 'nope', name: 'A', seats: -1 });
      expect(error.details.errors.map((e) => e.path)).toEqual([['email'], ['name'], ['seats']]);
      expect(error.details.errors.every((e) => e.name === 'ValidationError' && e.message.length > 0)).toBe(true);
      expect(error.message.split('; ')).toEqual(error.details.errors.map((e) => `${e.path.join('.')}: ${e.message}`));
      expect(error.message).toMatch(/^email: .+; name: .+; seats: .+$/);
    });

    it('reports a missing required field by its name', () => {
      const error = failure(signup, { email: 'a@b.co' });
      expect(error.details.errors).toHaveLength(1);
      expect(error.details.errors[0].path).toEqual(['name']);
      expect(error.message).toMatch(/^name: /);
    });

    it.each<[string, unknown, string[]]>([
      ['a nested object field', { email: 'a@b.co', name: 'Ann', address: { city: 'X', zip: 'abc' } }, ['address', 'zip']],
      ['an array element', { email: 'a@b.co', name: 'Ann', tags: ['ok', 5] }, ['tags', '1']],
    ])('reports %s with its full path as strings', (_label, input, path) => {
      const error = failure(signup, input);
      expect(error.details.errors.map((e) => e.path)).toEqual([path]);
      expect(error.message.startsWith(`${path.join('.')}: `)).toBe(true);
    });

    it('reports an unknown key on a strict object with the key as path', () => {
      const error = failure(signup, { email: 'a@b.co', name: 'Ann', role: 'owner' });
      expect(error.details.errors).toEqual([{ path: ['role'], message: 'is not an accepted field', name: 'ValidationError' }]);
      expect(error.message).toBe('role: is not an accepted field');
    });

    it('reports each unknown key as its own field', () => {
      const error = failure(signup, { email: 'a@b.co', name: 'Ann', role: 'owner', account: 3 });
      expect(error.details.errors).toEqual([
        { path: ['role'], message: 'is not an accepted field', name: 'ValidationError' },
        { path: ['account'], message: 'is not an accepted field', name: 'ValidationError' },
      ]);
      expect(error.message).toBe('role: is not an accepted field; account: is not an accepted field');
    });

    it('reports an unknown key of a nested strict object under its parent path', () => {
      const error = failure(signup, { email: 'a@b.co', name: 'Ann', address: { city: 'X', zip: '12345', street: 'Main' } });
      expect(error.details.errors).toEqual([{ path: ['address', 'street'], message: 'is not an accepted field', name: 'ValidationError' }]);
      expect(error.message).toBe('address.street: is not an accepted field');
    });

    it('reports unknown keys together with other problems', () => {
      const error = failure(signup, { email: 'nope', name: 'Ann', extra: true });
      expect(error.details.errors.map((e) => e.path)).toEqual(expect.arrayContaining([['email'], ['extra']]));
      expect(error.details.errors).toHaveLength(2);
    });

    it.each<[string, z.ZodType, unknown]>([
      ['a non-object body for an object schema', signup, 'not an object'],
      ['a missing body', signup, undefined],
      ['a wrong scalar', z.string(), 5],
    ])('reports %s under the path "body"', (_label, schema, input) => {
      const error = failure(schema, input);
      expect(error.details.errors).toHaveLength(1);
      expect(error.details.errors[0].path).toEqual(['body']);
      expect(error.message).toMatch(/^body: /);
    });

    it('reports a schema-level refinement without a path under "body" with its message', () => {
      const schema = z.object({ from: z.number(), to: z.number() }).refine((v) => v.from <= v.to, { message: 'from must not exceed to' });
      const error = failure(schema, { from: 2, to: 1 });
      expect(error.details.errors).toEqual([{ path: ['body'], message: 'from must not exceed to', name: 'ValidationError' }]);
      expect(error.message).toBe('body: from must not exceed to');
    });
  });
});
