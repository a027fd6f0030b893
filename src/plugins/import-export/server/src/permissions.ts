/** Admin actions this plugin registers (bootstrap). The Content Manager permission on the type applies as well. */
export const PERMISSIONS = {
  export: 'plugin::import-export.export',
  import: 'plugin::import-export.import',
} as const;

export const PERMISSION_DEFINITIONS = [
  { section: 'plugins', displayName: 'Export lists to CSV or XLSX', uid: 'export', pluginName: 'import-export' },
  { section: 'plugins', displayName: 'Import CSV or XLSX (upload, preview, run, rejected rows)', uid: 'import', pluginName: 'import-export' },
];
