import { requireAdminPermission } from '../../../../../lib/admin-permission';
import { actionId, REPORT_ACTIONS, type ActionKey } from '../../../shared/actions';
import { REPORT_NAMES } from '../domain/report-table';

const can = (key: ActionKey) => requireAdminPermission(actionId(key));

const WIDGETS: Array<[string, ActionKey]> = [
  ['accounts', 'widgetAccounts'],
  ['content', 'widgetContent'],
  ['billing', 'widgetBilling'],
  ['health', 'widgetHealth'],
  ['queues', 'widgetQueues'],
  ['activity', 'widgetActivity'],
];

export default {
  /** Served under /api/monitoring. */
  'content-api': {
    type: 'content-api',
    routes: [
      // For load balancers and uptime checks: no auth, statuses only, no detail, no secrets.
      { method: 'GET', path: '/health', handler: 'monitoring.publicHealth', config: { auth: false } },
    ],
  },
  /** Served under /monitoring for the admin panel; every route checks its own action. */
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/health', handler: 'monitoring.health', config: can('healthRead') },
      { method: 'GET', path: '/api-monitor', handler: 'monitoring.apiMonitor', config: can('apiMonitorRead') },
      { method: 'GET', path: '/debug', handler: 'monitoring.debug', config: can('debugRead') },
      { method: 'GET', path: '/alerts', handler: 'monitoring.alerts', config: can('alertsRead') },
      { method: 'POST', path: '/alerts/evaluate', handler: 'monitoring.evaluateAlerts', config: can('alertsEvaluate') },
      { method: 'GET', path: '/jobs', handler: 'monitoring.jobs', config: can('queueConsoleRead') },
      { method: 'POST', path: '/jobs/retry', handler: 'monitoring.retryJobs', config: can('queueConsoleManage') },
      { method: 'POST', path: '/queue-console/session', handler: 'monitoring.queueConsoleSession', config: can('queueConsoleRead') },
      { method: 'POST', path: '/api-monitor/check', handler: 'monitoring.checkEndpoints', config: can('apiMonitorCheck') },
      { method: 'GET', path: '/account-health', handler: 'account-health.list', config: can('accountHealthRead') },
      { method: 'GET', path: '/account-health/:id', handler: 'account-health.one', config: can('accountHealthRead') },
      // One route per report (and its CSV) so each checks its own action.
      ...REPORT_NAMES.flatMap((name) => [
        { method: 'GET', path: `/reports/${name}`, handler: `reports.${name}`, config: can(REPORT_ACTIONS[name]) },
        { method: 'GET', path: `/reports/${name}/csv`, handler: `reports.${name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Csv`, config: can(REPORT_ACTIONS[name]) },
      ]),
      // One route per widget (not a :name param) so each has its own permission.
      ...WIDGETS.map(([name, key]) => ({
        method: 'GET',
        path: `/widgets/${name}`,
        handler: `widgets.${name}`,
        config: can(key),
      })),
    ],
  },
};
