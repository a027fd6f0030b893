import { errors } from '@strapi/utils';
import type { z } from 'zod';

/**
 * Parses `input` with a zod schema or throws Strapi's ValidationError (HTTP 400). The message names
 * every offending field ("email: Invalid email address") and `details.errors` carries one entry per
 * field with its path, the shape Strapi's own validation errors use.
 */
export const validate = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    // One issue lists every unknown key of one object (nested or not): one entry per key, under that object's path.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key], message: 'is not an accepted field', name: 'ValidationError' }));
    }
    return [{ path: path.length ? path : ['body'], message: issue.message, name: 'ValidationError' }];
  });
  const summary = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new errors.ValidationError(summary, { errors: issues });
};
