/** Served under /api/tenancy; each route's permission is granted to the Authenticated role at bootstrap. */
export default {
  type: 'content-api',
  routes: [
    { method: 'GET', path: '/account', handler: 'account.show' },
    { method: 'PUT', path: '/account', handler: 'account.update' },
    { method: 'GET', path: '/members', handler: 'members.find' },
    { method: 'POST', path: '/members', handler: 'members.create' },
    { method: 'PUT', path: '/members/:id', handler: 'members.update' },
    { method: 'DELETE', path: '/members/:id', handler: 'members.delete' },
    { method: 'GET', path: '/api-keys', handler: 'api-keys.find' },
    { method: 'POST', path: '/api-keys', handler: 'api-keys.create' },
    { method: 'DELETE', path: '/api-keys/:id', handler: 'api-keys.revoke' },
  ],
};
