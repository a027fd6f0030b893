export const PLUGIN_ID = 'bulk-actions';
