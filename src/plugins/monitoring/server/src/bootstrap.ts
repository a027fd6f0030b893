import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import type { RolesService } from '../../../staff/server/src/services/roles';
import { ACTION_NAMES, ACTION_UIDS, actionId, PLUGIN_ID, type ActionKey } from '../../shared/actions';
import { ensureSchema } from './database/ensure-schema';
import { MONITORING_QUEUE } from './register';
import { getConfig } from './utils/config';
import { getService } from './utils/get-service';

/** What each staff role gets. Super Admin has every action; the debug console stays Super Admin only. */
const GRANTS: Record<string, ActionKey[]> = {
  'igny8-content-manager': ['widgetContent', 'widgetHealth', 'widgetQueues', 'widgetActivity', 'reportContent', 'reportDataQuality'],
  'igny8-billing-admin': ['widgetAccounts', 'widgetBilling', 'widgetHealth', 'widgetActivity', 'alertsRead', 'reportRevenue', 'reportCredits', 'accountHealthRead'],
  'igny8-support-agent': [
    'widgetAccounts', 'widgetContent', 'widgetBilling', 'widgetHealth', 'widgetQueues', 'widgetActivity',
    'healthRead', 'apiMonitorRead', 'apiMonitorCheck', 'alertsRead', 'queueConsoleRead',
    'reportCredits', 'reportContent', 'reportDataQuality', 'accountHealthRead',
  ],
};

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureSchema(strapi);
  await getService(strapi, 'rollups').ensureSchema();

  await strapi.admin.services.permission.actionProvider.registerMany(
    (Object.keys(ACTION_UIDS) as ActionKey[]).map((key) => ({
      section: 'plugins',
      displayName: ACTION_NAMES[key],
      uid: ACTION_UIDS[key],
      pluginName: PLUGIN_ID,
      subCategory: key.startsWith('widget') ? 'widgets' : key.startsWith('report') ? 'reports' : 'general',
    }))
  );
  const roles = strapi.plugin('staff')?.service('roles') as RolesService | undefined;
  for (const [code, keys] of Object.entries(GRANTS)) roles?.grant(code as any, keys.map((key) => ({ action: actionId(key) })));

  getService(strapi, 'api-monitor').start();
  getService(strapi, 'health').start();

  // One repeatable job per cluster (Bull keys it by name and interval).
  const every = getConfig(strapi).alerts.everyMs;
  const queues = getQueueService(strapi);
  if (every > 0 && queues.isAvailable()) {
    await queues.add(MONITORING_QUEUE, 'evaluate-alerts', {}, { repeat: { every }, jobId: 'evaluate-alerts', removeOnComplete: 100, removeOnFail: 100 });
  } else if (every > 0) {
    strapi.log.warn('[monitoring] Redis unavailable at boot: alerts are evaluated once a process boots with Redis (or on demand)');
  }
  // Report rollups: the first run builds them (backfill); readers also bring them up to date on use.
  const rollupEvery = getConfig(strapi).reports.rollupEveryMs;
  if (rollupEvery > 0 && queues.isAvailable()) {
    await queues.add(MONITORING_QUEUE, 'refresh-rollups', {}, { repeat: { every: rollupEvery }, jobId: 'refresh-rollups', removeOnComplete: 100, removeOnFail: 100 });
  }
};
