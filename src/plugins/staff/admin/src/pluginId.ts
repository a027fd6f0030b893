export const PLUGIN_ID = 'staff';

/** Who sees the menu link and the page; the admin route enforces the same action server-side. */
export const PERMISSIONS = {
  navigation: [{ action: 'plugin::staff.navigation.read', subject: null }],
};
