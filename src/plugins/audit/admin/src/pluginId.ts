export const PLUGIN_ID = 'audit';

/** The menu link, the page and the edit-view panel; the admin routes enforce the same action. */
export const PERMISSIONS = { read: [{ action: 'plugin::audit.entries.read', subject: null }] };
