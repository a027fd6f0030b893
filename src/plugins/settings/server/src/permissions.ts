import type { Core } from '@strapi/strapi';
import { TENANT_ROUTES } from './routes/content-api';
import { ACTIONS } from './utils/constants';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/** Admin RBAC actions; Super Admin gets them all at boot, staff roles through the staff plugin. */
export const registerAdminActions = async (strapi: Core.Strapi) => {
  await strapi.admin.services.permission.actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read settings (global, overrides, effective)', uid: 'read', pluginName: 'settings' },
    { section: 'plugins', displayName: 'Change settings, prompts and templates', uid: 'manage', pluginName: 'settings' },
    { section: 'plugins', displayName: 'Write API keys and test connections', uid: 'keys.manage', pluginName: 'settings' },
  ]);
  const roles = strapi.plugin('staff')?.service('roles');
  if (!roles) return;
  roles.grant('igny8-support-agent', [{ action: ACTIONS.read }]);
  roles.grant('igny8-content-manager', [{ action: ACTIONS.read }, { action: ACTIONS.manage }]);
  roles.grant('igny8-billing-admin', [{ action: ACTIONS.read }, { action: ACTIONS.manage }, { action: ACTIONS.manageKeys }]);
};

/**
 * Every /api/settings route is open to the Authenticated role; the controllers check the caller's
 * account role (viewers read, editors change prompts and templates, admins change integration settings).
 * Idempotent, like tenancy's grant.
 */
export const grantTenantRoutes = async (strapi: Core.Strapi) => {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'authenticated' }, select: ['id'] });
  if (!role) return;
  const wanted = [...new Set(TENANT_ROUTES.map((r) => `plugin::settings.${r.handler}`))];
  const existing = await strapi.db.query(PERMISSION_UID).findMany({ where: { role: { id: role.id }, action: { $in: wanted } }, select: ['action'] });
  const have = new Set(existing.map((p: any) => p.action));
  for (const action of wanted) if (!have.has(action)) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
};
