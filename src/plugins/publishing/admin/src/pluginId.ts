export const PLUGIN_ID = 'publishing';

/** Who sees what on the page; the admin routes enforce the same actions server-side. */
export const PERMISSIONS = {
  /** The menu link, the page, integrations and records (Content Manager, Support Agent). */
  read: [{ action: 'plugin::publishing.read', subject: null }],
  /** Connect, test and disconnect sites, publish and unpublish content, retry failed, cancel pending (Content Manager). */
  manage: [{ action: 'plugin::publishing.manage', subject: null }],
};
