import { requireAdminPermission } from '../../../../../lib/admin-permission';

const authenticated = { policies: ['admin::isAuthenticatedAdmin'] };
const can = requireAdminPermission;
const RUNS = 'plugin::bulk-actions.runs.read';

/**
 * Served under /bulk-actions. Listing, dry runs and runs only need an admin session at the route:
 * the permission depends on the action and the type, so the runner checks the action's permission
 * and the Content Manager permission with the user's ability on every call.
 */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/actions', handler: 'bulk.actions', config: authenticated },
    { method: 'POST', path: '/dry-run', handler: 'bulk.dryRun', config: authenticated },
    { method: 'POST', path: '/run', handler: 'bulk.run', config: authenticated },
    { method: 'GET', path: '/runs', handler: 'bulk.listRuns', config: can(RUNS) },
    { method: 'GET', path: '/runs/:id', handler: 'bulk.getRun', config: can(RUNS) },
    { method: 'GET', path: '/runs/:id/failures.csv', handler: 'bulk.failureReport', config: can(RUNS) },
    { method: 'POST', path: '/runs/:id/cancel', handler: 'bulk.cancelRun', config: can(RUNS) },
  ],
};
