import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { ACCOUNT_UID, USER_UID } from '../domain/constants';
import { isAccountRole } from '../domain/roles';
import type { Tenant } from '../domain/tenant';
import { getService } from '../utils/get-service';

const TENANT_STRATEGIES = new Set(['users-permissions', 'account-key']);
const CONTENT_API_PATH = /^\/(api|graphql)(\/|$|\?)/;

/**
 * Answers "whose data may this code see?" for the Document Service middleware, the GraphQL guards and
 * any query helper. An explicit scope (`runAs`, `runAsSystem`) wins; otherwise the current request
 * decides, and code without a request (workers, bootstrap) is `system`.
 */
export const createTenantContextService = ({ strapi }: { strapi: Core.Strapi }) => {
  const storage = new AsyncLocalStorage<Tenant>();
  let enforced = true;

  const resolveUser = async (userId: number): Promise<Tenant> => {
    const { tableName, link } = getService(strapi, 'schema').table(USER_UID);
    const row = await strapi.db
      .connection(`${tableName} as u`)
      .leftJoin(`${link!.table} as l`, `l.${link!.ownerColumn}`, 'u.id')
      .leftJoin(`${strapi.db.metadata.get(ACCOUNT_UID).tableName} as a`, 'a.id', `l.${link!.accountColumn}`)
      .where('u.id', userId)
      .first('a.id as accountId', 'u.account_role as role', 'a.document_id as accountDocumentId', 'a.deleted_at as accountDeletedAt', 'a.status as accountStatus');
    // A user with no live account (signup half-done, account soft-deleted or suspended) sees nothing.
    if (!row?.accountId || row.accountDeletedAt || ['suspended', 'cancelled'].includes(row.accountStatus) || !isAccountRole(row.role)) {
      return { kind: 'anonymous' };
    }
    return { kind: 'tenant', accountId: row.accountId, accountDocumentId: row.accountDocumentId, role: row.role, userId };
  };

  const fromRequest = async (ctx: any): Promise<Tenant> => {
    const auth = ctx.state?.auth;
    const strategy: string | undefined = auth?.strategy?.name;
    if (strategy === 'admin') return { kind: 'staff' };
    // Strapi API tokens are created by staff in the admin panel: they act as staff, across accounts.
    if (strategy === 'api-token') return { kind: 'staff' };
    if (strategy && TENANT_STRATEGIES.has(strategy) && auth.credentials) {
      if (strategy === 'account-key') return auth.credentials.tenant as Tenant;
      return resolveUser(auth.credentials.id);
    }
    const url: string = ctx.request?.url ?? ctx.url ?? '';
    if (CONTENT_API_PATH.test(url)) return { kind: 'anonymous' };
    // Admin routes authenticate as `admin`; anything else with a request but no auth is internal.
    return { kind: 'system' };
  };

  return {
    /** Runs `fn` as the given account (workers use this so their queries are scoped like the tenant's). */
    runAs<T>(tenant: Tenant, fn: () => Promise<T>) {
      return storage.run(tenant, fn);
    },
    /** Runs `fn` unscoped, even inside a tenant request: for platform code such as signup. */
    runAsSystem<T>(fn: () => Promise<T>) {
      return storage.run({ kind: 'system' }, fn);
    },
    async current(): Promise<Tenant> {
      const explicit = storage.getStore();
      if (explicit) return explicit;
      const ctx = strapi.requestContext.get() as any;
      if (!ctx) return { kind: 'system' };
      if (!ctx.state.tenant) ctx.state.tenant = await fromRequest(ctx);
      return ctx.state.tenant as Tenant;
    },
    /** The tenant of a GraphQL resolver's context (it carries the Koa ctx as `http`). */
    async fromGraphqlContext(context: any): Promise<Tenant> {
      const explicit = storage.getStore();
      if (explicit) return explicit;
      const ctx = context?.http ?? context?.koaContext;
      if (!ctx) return { kind: 'system' };
      if (!ctx.state.tenant) ctx.state.tenant = await fromRequest(ctx);
      return ctx.state.tenant as Tenant;
    },
    /** Only the benchmark turns scoping off, to measure what it costs. Refused in production. */
    setEnforced(value: boolean) {
      if (!value && process.env.NODE_ENV === 'production') throw new Error('Tenant scoping cannot be disabled in production');
      enforced = value;
    },
    isEnforced: () => enforced,
  };
};

export type TenantContextService = ReturnType<typeof createTenantContextService>;
