import type { Core } from '@strapi/strapi';
import type { RolesService } from '../../../staff/server/src/services/roles';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import { ensureSchema } from './database/ensure-schema';
import { PERMISSION_DEFINITIONS, PERMISSIONS } from './permissions';
import { AUDIT_QUEUE } from './register';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureSchema(strapi);
  getService(strapi, 'capture').subscribe(strapi.config.get('plugin::audit.contentTypes') as string[]);
  await strapi.admin.services.permission.actionProvider.registerMany(PERMISSION_DEFINITIONS as any);
  const roles = strapi.plugin('staff').service('roles') as RolesService;
  for (const role of ['igny8-content-manager', 'igny8-billing-admin', 'igny8-support-agent'] as const) roles.grant(role, [{ action: PERMISSIONS.read }]);

  // One repeatable job per cluster: Bull keys repeatable jobs by name and interval.
  const queues = getQueueService(strapi);
  if (queues.isAvailable()) {
    const every = strapi.config.get('plugin::audit.purgeEveryMs') as number;
    await queues.add(AUDIT_QUEUE, 'purge', {}, { repeat: { every }, jobId: 'audit-purge', removeOnComplete: 100, removeOnFail: 100 });
  } else {
    strapi.log.warn('[audit] Redis unavailable at boot: the retention purge is scheduled once a process boots with Redis');
  }
};
