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
  const issues = result.error.issues.map((issue) => {
    const path = issue.path.length ? issue.path.map(String) : issue.code === 'unrecognized_keys' ? (issue as any).keys : ['body'];
    const message = issue.code === 'unrecognized_keys' ? `is not an accepted field` : issue.message;
    return { path, message, name: 'ValidationError' };
  });
  const summary = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new errors.ValidationError(summary, { errors: issues });
};
