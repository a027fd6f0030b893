import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PublicForbiddenError } from '../utils/public-forbidden';
import { ACCOUNT_UID, USER_UID } from '../domain/constants';
import { countReferences, relationReferences } from '../domain/relation-references';
import { canWriteContent } from '../domain/roles';
import { andFilters, MATCH_NOTHING, scopeFilterFor } from '../domain/scope-filter';
import { filterPopulate } from '../../../../../lib/filter-populate';
import type { Tenant } from '../domain/tenant';
import { getService } from '../utils/get-service';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const WRITES_BY_ID = new Set(['update', 'delete', 'publish', 'unpublish', 'discardDraft']);

const fieldError = (field: string, message: string) =>
  new errors.ValidationError(`${field}: ${message}`, { errors: [{ path: [field], message, name: 'ValidationError' }] });

/**
 * The Document Service middleware that makes every REST, GraphQL and Content Manager access to a
 * tenant-owned type see only the caller's account. Reads get the account filter (and so do the
 * relations they populate); writes by id are refused with 404 unless the record is the caller's;
 * creates are stamped with the caller's account; every relation a write links must belong to the
 * same account as the record. Staff and system code are unscoped but still may not link across accounts.
 */
export const createDocumentScopeMiddleware = (strapi: Core.Strapi) => {
  const context = () => getService(strapi, 'tenant-context');
  const schema = () => getService(strapi, 'schema');
  const ownership = () => getService(strapi, 'ownership');

  const filterFor = (tenant: Tenant) => (targetUid: string) => {
    if (!schema().isScoped(targetUid)) return undefined;
    return tenant.kind === 'tenant' ? scopeFilterFor(targetUid, tenant.accountId) : MATCH_NOTHING;
  };

  const refuseSystemManaged = (uid: string, data: Record<string, unknown> | undefined) => {
    if (!data) return;
    for (const field of schema().systemManagedFields(uid)) {
      if (field in data) throw fieldError(field, 'is managed by the system and cannot be set');
    }
  };

  const assertOwnedDocument = async (uid: string, documentId: unknown) => {
    if (typeof documentId !== 'string') throw new errors.NotFoundError('Not Found');
    // Re-enters this middleware (and soft delete's) as a read, so "owned" means exactly "visible".
    const found = await strapi.documents(uid as any).findFirst({ filters: { documentId }, fields: ['documentId'] } as any);
    if (!found) throw new errors.NotFoundError('Not Found');
  };

  return async (ctx: any, next: () => Promise<unknown>) => {
    const { uid, action } = ctx;
    const params = (ctx.params ??= {});
    const scoped = schema().isScoped(uid);
    const isDomainType = uid.startsWith('api::');
    if (!context().isEnforced() || (!scoped && !isDomainType)) return next();

    const tenant = await context().current();

    if (tenant.kind === 'staff' || tenant.kind === 'system') {
      if (uid === ACCOUNT_UID && (action === 'delete' || (action === 'update' && params.data?.deletedAt))) {
        await assertNotSystemAccount(params.documentId);
      }
      if (schema().isTenantOwned(uid) && (action === 'create' || action === 'update') && params.data) {
        await assertStaffWrite(uid, action, params);
      }
      return next();
    }

    if (READS.has(action)) {
      if (scoped) params.filters = andFilters(params.filters, filterFor(tenant)(uid) ?? MATCH_NOTHING);
      if (params.populate !== undefined) params.populate = filterPopulate(params.populate, uid, schema().lookup, filterFor(tenant));
      return next();
    }

    // Users: users-permissions' own flows (register, reset password, email confirmation) write them
    // without credentials; tenants change users only through the members API, which runs as system.
    if (uid === USER_UID) {
      refuseSystemManaged(uid, params.data);
      if (tenant.kind === 'tenant' && WRITES_BY_ID.has(action)) await assertOwnedDocument(uid, params.documentId);
      return next();
    }

    if (tenant.kind !== 'tenant' || !scoped || uid === ACCOUNT_UID) {
      throw new PublicForbiddenError('This record cannot be changed through the API');
    }
    if (!canWriteContent(tenant.role)) {
      throw new PublicForbiddenError('Viewers can read but not change content; ask an account admin for the editor role');
    }
    if (params.populate !== undefined) params.populate = filterPopulate(params.populate, uid, schema().lookup, filterFor(tenant));

    if (action === 'create') {
      refuseSystemManaged(uid, params.data);
      await ownership().assertRelationsOwned({ uid, data: params.data ?? {}, accountId: tenant.accountId, refuseMedia: true });
      params.data = { ...params.data, account: tenant.accountDocumentId };
      if (!getService(strapi, 'plan-limits').get(uid)) return next();
      return strapi.db.transaction(async ({ trx }) => {
        await getService(strapi, 'plan-limits').assertRoom({ uid, accountId: tenant.accountId, trx });
        return next();
      });
    }

    if (WRITES_BY_ID.has(action)) {
      await assertOwnedDocument(uid, params.documentId);
      if (action === 'update') {
        refuseSystemManaged(uid, params.data);
        await ownership().assertRelationsOwned({ uid, data: params.data ?? {}, accountId: tenant.accountId, refuseMedia: true });
      }
      return next();
    }

    return next();
  };

  async function assertNotSystemAccount(documentId: unknown) {
    const row = await strapi.db.query(ACCOUNT_UID).findOne({ where: { documentId, isSystem: true }, select: ['id'] });
    if (row) throw new PublicForbiddenError('The system account cannot be deleted or soft-deleted');
  }

  async function assertStaffWrite(uid: string, action: string, params: any) {
    if (uid === USER_UID) return;
    const value = params.data.account;
    const refs = value === undefined ? null : relationReferences(value);
    const disconnecting = value === null || (typeof value === 'object' && Array.isArray(value?.disconnect) && value.disconnect.length > 0);
    let accountId: number | null;
    if (refs && countReferences(refs) > 0) {
      accountId = await ownership().resolveAccountId(value);
      if (accountId === null) throw fieldError('account', 'must name one existing account');
    } else if (action === 'create' || disconnecting) {
      throw fieldError('account', 'is required: every record of this type belongs to an account');
    } else {
      accountId = await ownership().accountOf(uid, params.documentId);
    }
    if (accountId !== null) {
      await ownership().assertRelationsOwned({ uid, data: params.data, accountId, refuseMedia: false });
    }
  }
};
