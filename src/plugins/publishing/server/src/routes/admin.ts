import { requireAdminPermission } from '../../../../../lib/admin-permission';

const can = (action: 'read' | 'manage') => requireAdminPermission(`plugin::publishing.${action}`);

/** Served under /publishing for the admin panel. */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/integrations', handler: 'staff.integrations', config: can('read') },
    { method: 'POST', path: '/accounts/:accountId/integrations', handler: 'staff.connect', config: can('manage') },
    { method: 'POST', path: '/integrations/:id/test', handler: 'staff.test', config: can('manage') },
    { method: 'DELETE', path: '/integrations/:id', handler: 'staff.disconnect', config: can('manage') },
    { method: 'POST', path: '/contents/:documentId/publish', handler: 'staff.publish', config: can('manage') },
    { method: 'POST', path: '/contents/:documentId/unpublish', handler: 'staff.unpublish', config: can('manage') },
    { method: 'GET', path: '/records', handler: 'staff.records', config: can('read') },
    { method: 'POST', path: '/records/retry', handler: 'staff.retry', config: can('manage') },
    { method: 'POST', path: '/records/cancel', handler: 'staff.cancel', config: can('manage') },
  ],
};
