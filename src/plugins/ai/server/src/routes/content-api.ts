/** Served under /api/ai; every route is granted to the Authenticated role at bootstrap. */
export default {
  type: 'content-api',
  routes: [
    { method: 'POST', path: '/runs', handler: 'tenant.start' },
    { method: 'GET', path: '/runs', handler: 'tenant.list' },
    { method: 'GET', path: '/runs/:id', handler: 'tenant.get' },
    { method: 'POST', path: '/runs/:id/cancel', handler: 'tenant.cancel' },
  ],
};
