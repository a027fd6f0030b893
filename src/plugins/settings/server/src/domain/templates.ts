/**
 * Template libraries (author profiles, strategies): the platform keeps global templates, an account
 * keeps its own copies. A copy is either cloned from a template (`clonedFrom`, may be customised, may
 * drift when the template moves on, may be reset) or made from scratch (`isCustom`, no template).
 */
export interface TemplateData<F extends Record<string, unknown>> {
  id: number;
  version: number;
  fields: F;
}

export interface AccountCopy<F extends Record<string, unknown>> {
  fields: F;
  clonedFrom: number | null;
  isCustom: boolean;
  isCustomized: boolean;
  baseVersion: number | null;
}

export class TemplateError extends Error {
  name = 'TemplateError';
}

export const cloneTemplate = <F extends Record<string, unknown>>(template: TemplateData<F>): AccountCopy<F> => ({
  fields: { ...template.fields },
  clonedFrom: template.id,
  isCustom: false,
  isCustomized: false,
  baseVersion: template.version,
});

export const createFromScratch = <F extends Record<string, unknown>>(fields: F): AccountCopy<F> => ({
  fields: { ...fields },
  clonedFrom: null,
  isCustom: true,
  isCustomized: false,
  baseVersion: null,
});

/** Applies changes; a clone that now differs from what it was cloned as is marked customised. */
export const customiseCopy = <F extends Record<string, unknown>>(copy: AccountCopy<F>, changes: Partial<F>): AccountCopy<F> => {
  const fields = { ...copy.fields, ...changes };
  const changed = Object.keys(changes).some((k) => JSON.stringify(copy.fields[k]) !== JSON.stringify(changes[k]));
  return { ...copy, fields, isCustomized: copy.isCustom ? false : copy.isCustomized || changed };
};

/** The template has a newer version than the one this copy was cloned or reset from. */
export const hasDrifted = (copy: AccountCopy<Record<string, unknown>>, template: { version: number } | null): boolean =>
  !!template && copy.clonedFrom !== null && (copy.baseVersion ?? 0) < template.version;

/** Back to the template's current content. A copy made from scratch has nothing to reset to. */
export const resetCopy = <F extends Record<string, unknown>>(copy: AccountCopy<F>, template: TemplateData<F> | null): AccountCopy<F> => {
  if (copy.isCustom || copy.clonedFrom === null) throw new TemplateError('was created from scratch and has no template to reset to');
  if (!template || template.id !== copy.clonedFrom) throw new TemplateError('its template no longer exists');
  return cloneTemplate(template);
};
