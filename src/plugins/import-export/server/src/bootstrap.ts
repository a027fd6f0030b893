import type { Core } from '@strapi/strapi';
import type { RolesService } from '../../../staff/server/src/services/roles';
import { ensureSchema } from './database/ensure-schema';
import { PERMISSION_DEFINITIONS, PERMISSIONS } from './permissions';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureSchema(strapi);
  await strapi.admin.services.permission.actionProvider.registerMany(PERMISSION_DEFINITIONS as any);

  // Derive every dataset now: a natural key that names a missing column fails the boot, naming it.
  for (const definition of getService(strapi, 'datasets').definitions()) getService(strapi, 'datasets').get(definition.uid);

  const roles = strapi.plugin('staff').service('roles') as RolesService;
  roles.grant('igny8-content-manager', [{ action: PERMISSIONS.export }, { action: PERMISSIONS.import }]);
  roles.grant('igny8-billing-admin', [{ action: PERMISSIONS.export }]);
  roles.grant('igny8-support-agent', [{ action: PERMISSIONS.export }]);
};
