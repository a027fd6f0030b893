import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clashWhere, effectiveUniqueWithinRules, scopeRef, type ScopeRef } from '../domain/unique-within';

/**
 * Enforces `pluginOptions.tenancy.uniqueWithin` on Document Service creates and updates (REST,
 * GraphQL, Content Manager): a clash is a 400 naming the field. Two concurrent writes of the same
 * value can still both pass; bulk imports should dedupe on the same rule.
 */
export const createUniqueWithinMiddleware = (strapi: Core.Strapi) => async (context: any, next: () => Promise<unknown>) => {
  if (context.action !== 'create' && context.action !== 'update') return next();
  const model = strapi.getModel(context.uid) as any;
  // Per account, always. By the time this runs the scope middleware has stamped `account` on a tenant's create.
  const rules = effectiveUniqueWithinRules(model);
  const data = context.params?.data;
  if (!rules.length || !data) return next();

  const relevant = rules.filter((r) => r.field in data || r.scope.some((f) => f in data));
  if (!relevant.length) return next();
  const selfId: string | undefined = context.action === 'update' ? context.params.documentId : undefined;
  const existing = selfId
    ? await strapi.db.query(context.uid).findOne({
        where: { documentId: selfId },
        select: ['documentId', ...new Set(relevant.map((r) => r.field))],
        populate: Object.fromEntries([...new Set(relevant.flatMap((r) => r.scope))].map((f) => [f, { select: ['documentId'] }])),
      })
    : null;

  for (const rule of relevant) {
    const value = rule.field in data ? data[rule.field] : existing?.[rule.field];
    if (typeof value !== 'string' || !value.trim()) continue;
    const scope: Record<string, ScopeRef> = {};
    for (const field of rule.scope) {
      const written = scopeRef(data[field]);
      scope[field] = written !== undefined ? written : existing?.[field]?.documentId ? { documentId: existing[field].documentId } : null;
    }
    const clashes = await strapi.db.query(context.uid).count({ where: clashWhere(rule, value, scope, selfId, Boolean(model.attributes.deletedAt)) });
    if (clashes) {
      const within = rule.scope.join(' and ');
      throw new errors.ValidationError(`${rule.field}: "${value.trim()}" already exists for this ${within}`, {
        errors: [{ path: [rule.field], message: `already exists for this ${within}`, name: 'ValidationError' }],
      });
    }
  }
  return next();
};
