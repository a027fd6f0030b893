/** Served under /api/settings; each action is granted to the Authenticated role at bootstrap (permissions.ts). */
const templateRoutes = (kind: 'author-profiles' | 'strategies') => [
  { method: 'GET', path: `/${kind}/library`, handler: `${kind}.library` },
  { method: 'GET', path: `/${kind}`, handler: `${kind}.find` },
  { method: 'POST', path: `/${kind}/clone`, handler: `${kind}.clone` },
  { method: 'POST', path: `/${kind}`, handler: `${kind}.create` },
  { method: 'PUT', path: `/${kind}/:documentId`, handler: `${kind}.update` },
  { method: 'POST', path: `/${kind}/:documentId/reset`, handler: `${kind}.reset` },
  { method: 'DELETE', path: `/${kind}/:documentId`, handler: `${kind}.delete` },
];

export const TENANT_ROUTES = [
  { method: 'GET', path: '/effective', handler: 'tenant.effective' },
  { method: 'GET', path: '/override', handler: 'tenant.getOverride' },
  { method: 'PUT', path: '/override', handler: 'tenant.updateOverride' },
  { method: 'PUT', path: '/override/keys/:provider', handler: 'tenant.setKey' },
  { method: 'DELETE', path: '/override/keys/:provider', handler: 'tenant.clearKey' },
  { method: 'GET', path: '/prompts', handler: 'tenant.prompts' },
  { method: 'PUT', path: '/prompts/:promptType', handler: 'tenant.customisePrompt' },
  { method: 'POST', path: '/prompts/:promptType/reset', handler: 'tenant.resetPrompt' },
  { method: 'GET', path: '/account', handler: 'tenant.getAccountSettings' },
  { method: 'PUT', path: '/account', handler: 'tenant.updateAccountSettings' },
  { method: 'GET', path: '/preferences', handler: 'tenant.getPreferences' },
  { method: 'PUT', path: '/preferences', handler: 'tenant.updatePreferences' },
  ...templateRoutes('author-profiles'),
  ...templateRoutes('strategies'),
];

export default { type: 'content-api', routes: TENANT_ROUTES };
