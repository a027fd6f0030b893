/**
 * Route config for an admin-panel route: the caller must be a signed-in admin user holding `action`
 * (e.g. `plugin::billing.payments.approve`). Super Admin holds every registered action.
 */
export const requireAdminPermission = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});
