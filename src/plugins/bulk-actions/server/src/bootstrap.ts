import type { Core } from '@strapi/strapi';
import type { RolesService } from '../../../staff/server/src/services/roles';
import { PERMISSION_DEFINITIONS, PERMISSIONS } from './actions/permissions';
import { ensureSchema } from './database/ensure-schema';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureSchema(strapi);
  await strapi.admin.services.permission.actionProvider.registerMany(PERMISSION_DEFINITIONS as any);

  // An action whose permission does not exist could never be run; say so at boot, naming it.
  const known = new Set(strapi.admin.services.permission.actionProvider.keys());
  for (const action of getService(strapi, 'registry').all()) {
    if (!known.has(action.permission)) strapi.log.warn(`[bulk-actions] action "${action.id}" needs unknown permission ${action.permission}`);
  }

  const roles = strapi.plugin('staff').service('roles') as RolesService;
  const p = (action: string) => ({ action });
  roles.grant('igny8-content-manager', [p(PERMISSIONS.update), p(PERMISSIONS.delete), p(PERMISSIONS.runsRead)]);
  roles.grant('igny8-billing-admin', [p(PERMISSIONS.update), p(PERMISSIONS.delete), p(PERMISSIONS.credits), p(PERMISSIONS.runsRead)]);
  roles.grant('igny8-support-agent', [p(PERMISSIONS.runsRead)]);
};
