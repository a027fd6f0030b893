import { relationReferences } from './relation-references';

/**
 * "Unique within": a field's value must be unique among records sharing the same related records,
 * e.g. a keyword per (site, sector). Declared on the content type:
 * `pluginOptions.tenancy.uniqueWithin: [{ field: 'keyword', scope: ['site', 'sector'] }]`.
 * Strings compare case-insensitively and trimmed. Relations live in link tables, so PostgreSQL cannot
 * hold the constraint; the tenancy middleware checks it before the write.
 */
export interface UniqueWithinRule {
  field: string;
  scope: string[];
}

export const uniqueWithinRules = (contentType: { pluginOptions?: any } | undefined): UniqueWithinRule[] => {
  const rules = contentType?.pluginOptions?.tenancy?.uniqueWithin;
  return Array.isArray(rules) ? rules.filter((r) => typeof r?.field === 'string' && Array.isArray(r.scope)) : [];
};

/**
 * The rules as enforced: on a tenant-owned type every rule is also per account (two accounts may each
 * have a "garden tools" keyword with no site). Writers outside the Document Service (bulk restore)
 * check the same rules.
 */
export const effectiveUniqueWithinRules = (contentType: { pluginOptions?: any; attributes?: Record<string, unknown> } | undefined): UniqueWithinRule[] =>
  uniqueWithinRules(contentType).map((r) => (contentType?.attributes?.account && !r.scope.includes('account') ? { ...r, scope: [...r.scope, 'account'] } : r));

/** A to-one relation value as written (`"docId"`, `{ connect: [...] }`, null...) -> documentId, id, or null. */
export type ScopeRef = { documentId: string } | { id: number } | null;

export const scopeRef = (value: unknown): ScopeRef | undefined => {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value === 'object' && value !== null && 'disconnect' in value && !('connect' in value) && !('set' in value)) return null;
  const refs = relationReferences(value);
  if (refs.documentIds.length) return { documentId: refs.documentIds[refs.documentIds.length - 1] };
  if (refs.ids.length) return { id: refs.ids[refs.ids.length - 1] };
  return null;
};

/** The Query Engine `where` finding other records that would clash. */
export const clashWhere = (rule: UniqueWithinRule, value: string, scope: Record<string, ScopeRef>, selfDocumentId?: string, softDeletes = false) => ({
  [rule.field]: { $eqi: value.trim() },
  ...Object.fromEntries(rule.scope.map((field) => [field, scope[field] === null ? { id: { $null: true } } : scope[field]])),
  ...(selfDocumentId ? { documentId: { $ne: selfDocumentId } } : {}),
  ...(softDeletes ? { deletedAt: { $null: true } } : {}),
});
