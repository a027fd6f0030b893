import type { Core } from '@strapi/strapi';
import { ACCOUNT_UID, USER_UID } from './domain/constants';
import { getService } from './utils/get-service';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';
const CRUD = ['find', 'findOne', 'create', 'update', 'delete'];
const READ = ['find', 'findOne'];
/** Reference data every signed-in tenant reads; plans are also public (pricing pages). */
const REFERENCE_TYPES = ['api::industry.industry', 'api::industry-sector.industry-sector', 'api::seed-keyword.seed-keyword'];
/**
 * users-permissions' user routes use the Query Engine directly, past tenant scoping: granting them
 * would let a tenant list every user of every account. Members are managed through /api/tenancy.
 */
const FORBIDDEN_FOR_TENANTS = ['find', 'findOne', 'count', 'create', 'update', 'destroy'].map((a) => `plugin::users-permissions.user.${a}`);

const hasRoutes = (strapi: Core.Strapi, uid: string) => {
  const [, rest] = uid.split('::');
  const apiName = rest.split('.')[0];
  return uid.startsWith('api::') && Object.keys((strapi.apis as any)[apiName]?.routes ?? {}).length > 0;
};

/**
 * The Authenticated role's permissions are code, not clicks: every tenant-owned type with REST routes
 * gets CRUD, reference data is readable, and our own tenancy endpoints are open to members (the
 * service checks their account role). Idempotent; runs on every boot.
 */
/**
 * Adds (never removes) content-API permissions to the users-permissions role of the given type
 * ('authenticated' for account members, 'public' for anyone). For other plugins' tenant routes.
 */
export const ensureRolePermissions = async (strapi: Core.Strapi, type: 'authenticated' | 'public', actions: string[]) => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type }, select: ['id'] });
  if (!role) return;
  const existing = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: { id: role.id } }, select: ['action'] });
  const have = new Set(existing.map((p: any) => p.action));
  for (const action of actions) {
    if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
};

export const grantTenantPermissions = async (strapi: Core.Strapi) => {
  const roles = await strapi.db.query(ROLE_UID).findMany({ where: { type: { $in: ['authenticated', 'public'] } }, select: ['id', 'type'] });
  const roleId = (type: string) => roles.find((r: any) => r.type === type)?.id;

  const tenancyActions = Object.entries({ account: ['show', 'update'], members: ['find', 'create', 'update', 'delete'], 'api-keys': ['find', 'create', 'revoke'] })
    .flatMap(([controller, actions]) => actions.map((a) => `plugin::tenancy.${controller}.${a}`));
  const tenantOwned = getService(strapi, 'schema').tenantOwnedUids().filter((uid) => uid !== USER_UID && hasRoutes(strapi, uid));

  const wanted: Record<string, string[]> = {
    authenticated: [
      // `pluginOptions.tenancy.access: 'read'` keeps a type read-only for tenants (subscriptions: billing writes them).
      ...tenantOwned.flatMap((uid) => ((strapi.getModel(uid as any) as any).pluginOptions?.tenancy?.access === 'read' ? READ : CRUD).map((a) => `${uid}.${a}`)),
      ...[...REFERENCE_TYPES, 'api::plan.plan', ACCOUNT_UID].flatMap((uid) => READ.map((a) => `${uid}.${a}`)),
      ...tenancyActions,
      'plugin::soft-delete.trash.restore',
    ],
    public: READ.map((a) => `api::plan.plan.${a}`),
  };

  for (const [type, actions] of Object.entries(wanted)) {
    const role = roleId(type);
    if (!role) continue;
    const existing = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: { id: role } }, select: ['id', 'action'] });
    const have = new Set(existing.map((p: any) => p.action));
    for (const action of actions) {
      if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role } });
    }
    const readOnly = tenantOwned
      .filter((uid) => (strapi.getModel(uid as any) as any).pluginOptions?.tenancy?.access === 'read')
      .flatMap((uid) => ['create', 'update', 'delete'].map((a) => `${uid}.${a}`));
    const leaks = existing.filter((p: any) => FORBIDDEN_FOR_TENANTS.includes(p.action) || readOnly.includes(p.action));
    if (leaks.length) {
      strapi.log.warn(`[tenancy] removing ${leaks.map((p: any) => p.action).join(', ')} from the ${type} role: they bypass account isolation`);
      await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: leaks.map((p: any) => p.id) } } });
    }
  }
};
