import { requireAdminPermission as guard } from '../../../../../lib/admin-permission';
import { ACTIONS } from '../utils/constants';

const read = guard(ACTIONS.read);
const manage = guard(ACTIONS.manage);
const keys = guard(ACTIONS.manageKeys);

/** Served under /settings (admin API, admin JWT). */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/global', handler: 'admin.getGlobal', config: read },
    { method: 'PUT', path: '/global', handler: 'admin.updateGlobal', config: manage },
    { method: 'PUT', path: '/global/keys/:provider', handler: 'admin.setGlobalKey', config: keys },
    { method: 'DELETE', path: '/global/keys/:provider', handler: 'admin.clearGlobalKey', config: keys },
    { method: 'POST', path: '/global/test/:provider', handler: 'admin.testConnection', config: keys },
    { method: 'POST', path: '/keys/rotate', handler: 'admin.rotate', config: keys },
    { method: 'GET', path: '/accounts', handler: 'admin.accounts', config: read },
    { method: 'GET', path: '/accounts/:accountId/override', handler: 'admin.getOverride', config: read },
    { method: 'PUT', path: '/accounts/:accountId/override', handler: 'admin.updateOverride', config: manage },
    { method: 'PUT', path: '/accounts/:accountId/override/keys/:provider', handler: 'admin.setAccountKey', config: keys },
    { method: 'DELETE', path: '/accounts/:accountId/override/keys/:provider', handler: 'admin.clearAccountKey', config: keys },
    { method: 'POST', path: '/accounts/:accountId/test/:provider', handler: 'admin.testConnection', config: keys },
    { method: 'GET', path: '/accounts/:accountId/effective', handler: 'admin.effective', config: read },
    { method: 'GET', path: '/prompts', handler: 'admin.listPrompts', config: read },
    { method: 'PUT', path: '/prompts/:promptType', handler: 'admin.updatePrompt', config: manage },
    { method: 'GET', path: '/templates/:kind', handler: 'admin.listTemplates', config: read },
    { method: 'PUT', path: '/templates/:kind/:documentId', handler: 'admin.updateTemplate', config: manage },
  ],
};
