/**
 * Admin action UIDs of the monitoring plugin (`plugin::monitoring.<uid>`), shared by the server (route
 * policies, registration, staff grants) and the admin (widget and page permissions).
 */
export const PLUGIN_ID = 'monitoring';

export const ACTION_UIDS = {
  healthRead: 'health.read',
  apiMonitorRead: 'api-monitor.read',
  debugRead: 'debug.read',
  alertsRead: 'alerts.read',
  alertsEvaluate: 'alerts.evaluate',
  widgetAccounts: 'widgets.accounts',
  widgetContent: 'widgets.content',
  widgetBilling: 'widgets.billing',
  widgetHealth: 'widgets.health',
  widgetQueues: 'widgets.queues',
  widgetActivity: 'widgets.activity',
  queueConsoleRead: 'queue-console.read',
  queueConsoleManage: 'queue-console.manage',
  apiMonitorCheck: 'api-monitor.check',
  reportRevenue: 'reports.revenue',
  reportCredits: 'reports.credits',
  reportContent: 'reports.content',
  reportDataQuality: 'reports.data-quality',
  accountHealthRead: 'account-health.read',
} as const;

export type ActionKey = keyof typeof ACTION_UIDS;

export const actionId = (key: ActionKey) => `plugin::${PLUGIN_ID}.${ACTION_UIDS[key]}`;

export const ACTION_NAMES: Record<ActionKey, string> = {
  healthRead: 'System health (full detail)',
  apiMonitorRead: 'API monitor',
  debugRead: 'Debug console (effective configuration, secrets redacted)',
  alertsRead: 'Read alerts',
  alertsEvaluate: 'Evaluate alerts now',
  widgetAccounts: 'Homepage widget: accounts',
  widgetContent: 'Homepage widget: content',
  widgetBilling: 'Homepage widget: billing',
  widgetHealth: 'Homepage widget: system health',
  widgetQueues: 'Homepage widget: queue backlog',
  widgetActivity: 'Homepage widget: activity from other plugins',
  queueConsoleRead: 'Queue console (read only)',
  queueConsoleManage: 'Queue console: retry, remove and clean jobs',
  apiMonitorCheck: 'API monitor: check the critical endpoints now',
  reportRevenue: 'Report: revenue',
  reportCredits: 'Report: credit usage and margin',
  reportContent: 'Report: content production',
  reportDataQuality: 'Report: data quality',
  accountHealthRead: 'Account health (score and reasons)',
};

/** The action guarding each report (its data route, its CSV and its tab on the Reports page). */
export const REPORT_ACTIONS = {
  revenue: 'reportRevenue',
  credits: 'reportCredits',
  content: 'reportContent',
  'data-quality': 'reportDataQuality',
} as const satisfies Record<string, ActionKey>;
