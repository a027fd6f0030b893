/** Admin actions this plugin registers (bootstrap) and that its built-in bulk actions require. */
export const PERMISSIONS = {
  update: 'plugin::bulk-actions.records.update',
  delete: 'plugin::bulk-actions.records.delete',
  credits: 'plugin::bulk-actions.credits.adjust',
  runsRead: 'plugin::bulk-actions.runs.read',
} as const;

export const PERMISSION_DEFINITIONS = [
  { section: 'plugins', displayName: 'Bulk: activate, set status, assign', uid: 'records.update', pluginName: 'bulk-actions' },
  { section: 'plugins', displayName: 'Bulk: soft delete and restore', uid: 'records.delete', pluginName: 'bulk-actions' },
  { section: 'plugins', displayName: 'Bulk: add or subtract credits', uid: 'credits.adjust', pluginName: 'bulk-actions' },
  { section: 'plugins', displayName: 'Bulk: see runs (audit trail)', uid: 'runs.read', pluginName: 'bulk-actions' },
];
