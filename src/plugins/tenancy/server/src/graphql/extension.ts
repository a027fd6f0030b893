import type { Core } from '@strapi/strapi';
import { API_KEY_UID, ACCOUNT_UID } from '../domain/constants';
import { isRelation } from '../domain/schema';
import { getService } from '../utils/get-service';

/**
 * GraphQL's nested relation resolvers load rows with `strapi.db.query().load`, past every Document
 * Service middleware. For each relation field that reaches a scoped type we add a resolver middleware
 * that ANDs the caller's account into the field's filters (which the resolver honours for to-one and
 * to-many fields alike). Internal types and system-managed inputs are taken out of the schema.
 */
export const registerGraphqlExtension = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');

  extension.shadowCRUD(API_KEY_UID).disable();

  extension.use(({ strapi: s }: { strapi: Core.Strapi }) => {
    const schema = getService(s, 'schema');
    const context = getService(s, 'tenant-context');
    const naming = s.plugin('graphql').service('utils').naming;
    const resolversConfig: Record<string, unknown> = {};
    const softDeleted = (uid: string): boolean => Boolean(s.plugin('soft-delete')?.service('soft-delete').enabledFor(uid));

    for (const contentType of Object.values(s.contentTypes) as any[]) {
      // Our API types, users, and any plugin type that is tenant-owned (billing's invoices and payments).
      const exposed = contentType.uid.startsWith('api::') || contentType.uid === 'plugin::users-permissions.user' || schema.isTenantOwned(contentType.uid);
      if (contentType.uid === API_KEY_UID || !exposed) continue;
      for (const field of schema.systemManagedFields(contentType.uid)) {
        extension.shadowCRUD(contentType.uid).field(field).disableInput();
      }
      const typeName = naming.getTypeName(contentType);
      for (const [field, attribute] of Object.entries(contentType.attributes) as Array<[string, any]>) {
        if (!isRelation(attribute)) continue;
        const target = attribute.target as string;
        const scoped = schema.isScoped(target);
        // Soft-deleted targets stay hidden behind nested fields too, as REST populate hides them.
        const trashed = softDeleted(target);
        if (!scoped && !trashed) continue;
        resolversConfig[`${typeName}.${field}`] = {
          middlewares: [
            async (next: any, parent: any, args: any, graphqlContext: any, info: any) => {
              const conditions: unknown[] = trashed ? [{ deletedAt: { null: true } }] : [];
              if (scoped && context.isEnforced()) {
                const tenant = await context.fromGraphqlContext(graphqlContext);
                if (tenant.kind === 'anonymous') conditions.push({ documentId: { eq: '__none__' } });
                else if (tenant.kind === 'tenant') {
                  conditions.push(target === ACCOUNT_UID ? { documentId: { eq: tenant.accountDocumentId } } : { account: { documentId: { eq: tenant.accountDocumentId } } });
                }
              }
              if (!conditions.length) return next(parent, args, graphqlContext, info);
              const filters = args?.filters ? { and: [args.filters, ...conditions] } : conditions.length === 1 ? conditions[0] : { and: conditions };
              return next(parent, { ...args, filters }, graphqlContext, info);
            },
          ],
        };
      }
    }
    return { resolversConfig };
  });
};
