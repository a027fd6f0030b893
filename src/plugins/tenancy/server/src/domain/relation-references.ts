/** The records a relation write points at, split by how the caller named them. */
export interface RelationReferences {
  documentIds: string[];
  ids: number[];
}

const add = (refs: RelationReferences, item: unknown) => {
  if (typeof item === 'string' && item.length > 0) {
    if (/^\d+$/.test(item)) refs.ids.push(Number(item));
    else refs.documentIds.push(item);
  } else if (typeof item === 'number' && Number.isInteger(item)) {
    refs.ids.push(item);
  } else if (typeof item === 'object' && item !== null) {
    const { documentId, id } = item as { documentId?: unknown; id?: unknown };
    if (typeof documentId === 'string') refs.documentIds.push(documentId);
    else if (id !== undefined) add(refs, id);
  }
};

/**
 * Every record a relation value would link to, in all the shapes Strapi accepts:
 * `"docId"`, `5`, `["a","b"]`, `{ documentId }`, `{ id }`, `{ connect: [...], set: [...] }`.
 * `disconnect` is ignored: it can only remove links the record already has.
 */
export const relationReferences = (value: unknown): RelationReferences => {
  const refs: RelationReferences = { documentIds: [], ids: [] };
  if (value === null || value === undefined) return refs;
  if (Array.isArray(value)) {
    value.forEach((item) => add(refs, item));
  } else if (typeof value === 'object' && ('connect' in value || 'set' in value || 'disconnect' in value)) {
    const { connect, set } = value as { connect?: unknown; set?: unknown };
    for (const list of [connect, set]) {
      if (Array.isArray(list)) list.forEach((item) => add(refs, item));
      else if (list !== undefined && list !== null) add(refs, list);
    }
  } else {
    add(refs, value);
  }
  refs.documentIds = [...new Set(refs.documentIds)];
  refs.ids = [...new Set(refs.ids)];
  return refs;
};

export const countReferences = (refs: RelationReferences) => refs.documentIds.length + refs.ids.length;
