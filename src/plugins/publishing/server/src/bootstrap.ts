import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import type { RolesService } from '../../../staff/server/src/services/roles';
import { ensureRolePermissions } from '../../../tenancy/server/src/permissions';
import { ensureSchema } from './database/ensure-schema';
import { QUEUE, UID } from './utils/constants';

const CM = 'plugin::content-manager.explorer';
export const TENANT_ACTIONS = ['integrations', 'connect', 'test', 'disconnect', 'publish', 'unpublish', 'status', 'records', 'retry', 'cancel'].map((a) => `plugin::publishing.tenant.${a}`);

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureSchema(strapi);

  await strapi.admin.services.permission.actionProvider.registerMany([
    { section: 'plugins', displayName: 'View site integrations and publishing history', uid: 'read', pluginName: 'publishing' },
    { section: 'plugins', displayName: 'Connect sites, publish, retry and cancel', uid: 'manage', pluginName: 'publishing' },
  ]);
  const read = Object.values(UID).map((subject) => ({
    action: `${CM}.read`,
    subject,
    properties: { fields: Object.keys((strapi.getModel(subject as any) as any).attributes).filter((f) => f !== 'credentials') },
  }));
  const roles = strapi.plugin('staff').service('roles') as RolesService;
  roles.grant('igny8-content-manager', [{ action: 'plugin::publishing.read' }, { action: 'plugin::publishing.manage' }, ...read]);
  roles.grant('igny8-support-agent', [{ action: 'plugin::publishing.read' }, ...read]);

  await ensureRolePermissions(strapi, 'authenticated', TENANT_ACTIONS);

  const queues = getQueueService(strapi);
  if (queues.isAvailable()) {
    const every = strapi.config.get('plugin::publishing.scheduleEveryMs') as number;
    await queues.add(QUEUE, 'schedule', {}, { repeat: { every }, jobId: 'publishing-schedule', removeOnComplete: 100, removeOnFail: 100, attempts: 1 });
  } else {
    strapi.log.warn('[publishing] Redis unavailable at boot: scheduled content is published once a process boots with Redis');
  }
};
