type Filters = Record<string, unknown>;

/** ANDs `extra` into a caller's filters; the caller's keys can never override it. */
export const andFilters = (filters: unknown, extra: Filters): Filters => {
  if (filters === undefined || filters === null || (typeof filters === 'object' && Object.keys(filters as object).length === 0)) {
    return extra;
  }
  return { $and: [filters, extra] };
};

/** Whether a (possibly nested, $and/$or/$not) filter object names `field` at its top level of attributes. */
export const mentionsField = (filters: unknown, field: string): boolean => {
  if (Array.isArray(filters)) return filters.some((f) => mentionsField(f, field));
  if (typeof filters !== 'object' || filters === null) return false;
  return Object.entries(filters).some(([key, value]) => key === field || (key.startsWith('$') && mentionsField(value, field)));
};
