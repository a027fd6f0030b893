import { requireAdminPermission } from '../../../../../lib/admin-permission';

const can = (action: 'read' | 'manage') => requireAdminPermission(`plugin::ai.runs.${action}`);

/** Served under /ai for the admin panel. */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/runs', handler: 'staff.list', config: can('read') },
    { method: 'GET', path: '/runs/:id', handler: 'staff.get', config: can('read') },
    { method: 'POST', path: '/accounts/:accountId/runs', handler: 'staff.start', config: can('manage') },
    { method: 'POST', path: '/runs/:id/cancel', handler: 'staff.cancel', config: can('manage') },
    { method: 'POST', path: '/runs/:id/retry', handler: 'staff.retry', config: can('manage') },
  ],
};
