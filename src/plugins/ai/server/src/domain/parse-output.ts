import type { z } from 'zod';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Models sometimes wrap JSON in a Markdown fence or add a sentence around it: take the outermost object. */
const extractJson = (text: string): string => {
  const fenced = text.match(/```(?:json)?\s*([\s\S]*?)```/i);
  const body = (fenced ? fenced[1] : text).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
};

/**
 * A model's answer checked against the operation's output schema. A failure says what was wrong in
 * words the model can act on (it is sent back in the re-ask) and the run log can show.
 */
export const parseOutput = <S extends z.ZodType>(schema: S, text: string): ParseResult<z.infer<S>> => {
  let json: unknown;
  try {
    json = JSON.parse(extractJson(text));
  } catch (error) {
    return { ok: false, problem: `the answer is not valid JSON (${(error as Error).message})` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 8).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return { ok: false, problem: `the JSON does not match the required shape (${issues.join('; ')})` };
};
