import type { Core } from '@strapi/strapi';
import { getMonitoringService } from '../../../monitoring/server/src';

/**
 * What the publishing plugin tells the monitoring plugin: failed WordPress syncs today (homepage
 * "activity" widget) and an alert when there are more than `publishing.alertFailedSyncsToday` of them.
 * Registered only when the monitoring plugin is installed.
 */
export const registerMonitoringFigures = (strapi: Core.Strapi) => {
  if (!strapi.plugin('monitoring')) return;
  const registry = getMonitoringService(strapi, 'registry');
  const failedToday = async () =>
    Number((await strapi.db.connection.raw(`SELECT count(*)::int AS n FROM publishing_sync_events WHERE success = false AND created_at >= date_trunc('day', now())`)).rows[0].n);
  const link = '/admin/plugins/publishing';

  registry.addWidgetMetric({ id: 'wp-syncs-failed-today', label: 'WordPress syncs failed today', permission: 'plugin::publishing.read', link, value: failedToday });
  registry.addAlertRule({
    id: 'wp-syncs-failed',
    description: 'More than publishing.alertFailedSyncsToday failed WordPress syncs today',
    async evaluate() {
      const threshold = strapi.config.get('plugin::publishing.alertFailedSyncsToday') as number;
      const failed = await failedToday();
      if (failed <= threshold) return [];
      const day = new Date().toISOString().slice(0, 10);
      return [{ key: `wp-syncs-failed:${day}`, rule: 'wp-syncs-failed', severity: 'warning', title: `${failed} failed WordPress syncs today`, message: `${failed} WordPress sync attempts failed since midnight UTC (threshold ${threshold}); each record's history says why.`, link, details: { failed, threshold } }];
    },
  });
};
