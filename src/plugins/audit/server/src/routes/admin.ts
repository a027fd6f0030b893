import { requireAdminPermission } from '../../../../../lib/admin-permission';
import { PERMISSIONS } from '../permissions';

/** Served under /audit. */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/entries', handler: 'audit.entries', config: requireAdminPermission(PERMISSIONS.read) },
    { method: 'GET', path: '/content-types', handler: 'audit.contentTypes', config: requireAdminPermission(PERMISSIONS.read) },
  ],
};
