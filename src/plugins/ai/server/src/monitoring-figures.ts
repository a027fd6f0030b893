import type { Core } from '@strapi/strapi';
import { getMonitoringService } from '../../../monitoring/server/src';
import type { AiConfig } from './config';

/**
 * What the AI plugin tells the monitoring plugin: runs in progress and failed runs (homepage "activity"
 * widget), and an alert when runs failed today (once per day's condition, as the alerts service fires
 * each condition once). Registered only when the monitoring plugin is installed.
 */
export const registerMonitoringFigures = (strapi: Core.Strapi) => {
  if (!strapi.plugin('monitoring')) return;
  const registry = getMonitoringService(strapi, 'registry');
  const knex = () => strapi.db.connection;
  const count = async (where: string) => Number((await knex().raw(`SELECT count(*)::int AS n FROM ai_task_logs WHERE ${where}`)).rows[0].n);
  const link = '/admin/plugins/ai';

  registry.addWidgetMetric({ id: 'ai-runs-running', label: 'AI runs running or queued', permission: 'plugin::ai.runs.read', link, value: () => count(`status IN ('queued', 'running')`) });
  registry.addWidgetMetric({ id: 'ai-runs-failed-7d', label: 'AI runs failed (7 days)', permission: 'plugin::ai.runs.read', link, value: () => count(`status = 'failed' AND created_at >= now() - interval '7 days'`) });
  registry.addAlertRule({
    id: 'ai-runs-failed',
    description: 'AI runs failed today (at least ai.alertFailedRunsToday)',
    async evaluate() {
      const threshold = (strapi.config.get('plugin::ai') as AiConfig).alertFailedRunsToday;
      if (!threshold) return [];
      const failed = await count(`status = 'failed' AND created_at >= date_trunc('day', now())`);
      if (failed < threshold) return [];
      const day = new Date().toISOString().slice(0, 10);
      return [{ key: `ai-runs-failed:${day}`, rule: 'ai-runs-failed', severity: 'warning', title: `${failed} AI run(s) failed today`, message: `${failed} AI run(s) failed since midnight UTC; their errors say what to do next.`, link, details: { failed, threshold } }];
    },
  });
};
