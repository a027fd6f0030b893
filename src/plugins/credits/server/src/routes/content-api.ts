/** Served under /api/credits; every route is granted to the Authenticated role at bootstrap. */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/balance', handler: 'tenant.balance' },
    { method: 'GET', path: '/transactions', handler: 'tenant.transactions' },
    { method: 'GET', path: '/usage', handler: 'tenant.usage' },
    { method: 'POST', path: '/estimate', handler: 'tenant.estimate' },
    { method: 'GET', path: '/forecast', handler: 'tenant.forecast' },
    { method: 'PUT', path: '/alerts', handler: 'tenant.setAlerts' },
  ],
};
