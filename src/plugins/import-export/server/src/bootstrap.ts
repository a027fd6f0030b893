import type { Core } from '@strapi/strapi';
import type { RolesService } from '../../../staff/server/src/services/roles';
import { ensureKeyIndexes, ensureSchema } from './database/ensure-schema';
import { PERMISSION_DEFINITIONS, PERMISSIONS } from './permissions';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureSchema(strapi);
  await strapi.admin.services.permission.actionProvider.registerMany(PERMISSION_DEFINITIONS as any);

  // Derive every dataset now: a natural key that names a missing column fails the boot, naming it.
  const datasets = getService(strapi, 'datasets');
  const keys: Array<{ table: string; column: string }> = [];
  for (const definition of datasets.definitions()) {
    const dataset = datasets.get(definition.uid);
    const first = dataset.naturalKey.map((n) => dataset.columns.find((c) => c.name === n)).find((c) => c?.kind === 'scalar');
    if (dataset.import && first?.kind === 'scalar') keys.push({ table: dataset.table, column: first.dbColumn });
  }
  await ensureKeyIndexes(strapi, keys);

  const roles = strapi.plugin('staff').service('roles') as RolesService;
  roles.grant('igny8-content-manager', [{ action: PERMISSIONS.export }, { action: PERMISSIONS.import }]);
  roles.grant('igny8-billing-admin', [{ action: PERMISSIONS.export }]);
  roles.grant('igny8-support-agent', [{ action: PERMISSIONS.export }]);
};
