import { requireAdminPermission } from '../../../../../lib/admin-permission';
import { PERMISSIONS } from '../permissions';

const can = requireAdminPermission;

/**
 * Served under /import-export. Each route needs the plugin's admin action; the services then check
 * the Content Manager permission on the content type with the user's ability (read for an export,
 * create and update for an import).
 */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/datasets', handler: 'importExport.datasets', config: { policies: ['admin::isAuthenticatedAdmin'] } },
    { method: 'POST', path: '/export', handler: 'importExport.export', config: can(PERMISSIONS.export) },
    // The same with the body as JSON in `?request=`: the admin's fetch client only returns a Blob for GET.
    { method: 'GET', path: '/export', handler: 'importExport.export', config: can(PERMISSIONS.export) },
    { method: 'POST', path: '/imports', handler: 'importExport.upload', config: can(PERMISSIONS.import) },
    { method: 'GET', path: '/imports', handler: 'importExport.listImports', config: can(PERMISSIONS.import) },
    { method: 'GET', path: '/imports/:id', handler: 'importExport.getImport', config: can(PERMISSIONS.import) },
    { method: 'POST', path: '/imports/:id/preview', handler: 'importExport.preview', config: can(PERMISSIONS.import) },
    { method: 'POST', path: '/imports/:id/run', handler: 'importExport.run', config: can(PERMISSIONS.import) },
    { method: 'GET', path: '/imports/:id/rejected.csv', handler: 'importExport.rejected', config: can(PERMISSIONS.import) },
  ],
};
