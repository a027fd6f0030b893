/** Served under /api/publishing; every route is granted to the Authenticated role at bootstrap. */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/integrations', handler: 'tenant.integrations' },
    { method: 'POST', path: '/integrations', handler: 'tenant.connect' },
    { method: 'POST', path: '/integrations/:id/test', handler: 'tenant.test' },
    { method: 'DELETE', path: '/integrations/:id', handler: 'tenant.disconnect' },
    { method: 'POST', path: '/contents/:documentId/publish', handler: 'tenant.publish' },
    { method: 'POST', path: '/contents/:documentId/unpublish', handler: 'tenant.unpublish' },
    { method: 'GET', path: '/contents/:documentId/status', handler: 'tenant.status' },
    { method: 'GET', path: '/records', handler: 'tenant.records' },
    { method: 'POST', path: '/records/retry', handler: 'tenant.retry' },
    { method: 'POST', path: '/records/cancel', handler: 'tenant.cancel' },
  ],
};
