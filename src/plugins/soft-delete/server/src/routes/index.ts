export default {
  'content-api': {
    type: 'content-api',
    routes: [
      // Tenants: POST /api/soft-delete/keywords/<documentId>/restore
      { method: 'POST', path: '/:pluralName/:documentId/restore', handler: 'trash.restore' },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'POST',
        path: '/:uid/:documentId/restore',
        handler: 'trash.adminRestore',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  },
};
