import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import type { RolesService } from '../../../staff/server/src/services/roles';
import { ensureRolePermissions } from '../../../tenancy/server/src/permissions';
import { ensureSchema } from './database/ensure-schema';
import { DEFAULT_COST_CONFIGS, DEFAULT_MODEL_CONFIGS } from './domain/default-pricing';
import { CREDITS_QUEUE } from './register';

const COST_UID = 'plugin::credits.cost-config';
const MODEL_UID = 'plugin::credits.model-config';
const CM = 'plugin::content-manager.explorer';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureSchema(strapi);

  // Pricing defaults: created when missing, never overwritten (staff own them after install).
  for (const cost of DEFAULT_COST_CONFIGS) {
    if (!(await strapi.db.query(COST_UID).count({ where: { operation: cost.operation } }))) await strapi.documents(COST_UID as any).create({ data: cost as any });
  }
  for (const model of DEFAULT_MODEL_CONFIGS) {
    if (!(await strapi.db.query(MODEL_UID).count({ where: { modelId: model.modelId } }))) await strapi.documents(MODEL_UID as any).create({ data: model as any });
  }

  await strapi.admin.services.permission.actionProvider.registerMany([
    { section: 'plugins', displayName: 'Read credit balances and ledgers', uid: 'ledger.read', pluginName: 'credits' },
    { section: 'plugins', displayName: 'Adjust credits (with a reason)', uid: 'ledger.adjust', pluginName: 'credits' },
  ]);
  const fields = (uid: string) => Object.keys((strapi.getModel(uid as any) as any).attributes);
  const editPricing = [COST_UID, MODEL_UID].flatMap((subject) => [
    { action: `${CM}.read`, subject, properties: { fields: fields(subject) } },
    { action: `${CM}.create`, subject, properties: { fields: fields(subject) } },
    { action: `${CM}.update`, subject, properties: { fields: fields(subject) } },
  ]);
  const roles = strapi.plugin('staff').service('roles') as RolesService;
  roles.grant('igny8-billing-admin', [{ action: 'plugin::credits.ledger.read' }, { action: 'plugin::credits.ledger.adjust' }, ...editPricing]);
  roles.grant('igny8-support-agent', [{ action: 'plugin::credits.ledger.read' }, ...editPricing.filter((p) => p.action.endsWith('.read'))]);

  const tenantActions = ['balance', 'transactions', 'usage', 'estimate', 'forecast', 'setAlerts'].map((a) => `plugin::credits.tenant.${a}`);
  await ensureRolePermissions(strapi, 'authenticated', [...tenantActions, `${COST_UID}.find`, `${COST_UID}.findOne`]);

  // One repeatable job per cluster: Bull keys repeatable jobs by name and interval, so every process
  // adding it at boot leaves a single schedule.
  const queues = getQueueService(strapi);
  if (queues.isAvailable()) {
    const every = strapi.config.get('plugin::credits.expireHoldsEveryMs') as number;
    await queues.add(CREDITS_QUEUE, 'expire-holds', {}, { repeat: { every }, jobId: 'expire-holds', removeOnComplete: 100, removeOnFail: 100 });
  } else {
    strapi.log.warn('[credits] Redis unavailable at boot: expired holds will be released once a process boots with Redis');
  }
};
