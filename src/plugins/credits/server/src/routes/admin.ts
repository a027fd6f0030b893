import { requireAdminPermission } from '../../../../../lib/admin-permission';

const can = (action: string) => requireAdminPermission(`plugin::credits.${action}`);

/** Served under /credits for the admin panel. */
export default {
  type: 'admin',
  routes: [
    { method: 'GET', path: '/accounts/:accountId/balance', handler: 'staff.balance', config: can('ledger.read') },
    { method: 'GET', path: '/accounts/:accountId/transactions', handler: 'staff.transactions', config: can('ledger.read') },
    { method: 'GET', path: '/accounts/:accountId/usage', handler: 'staff.usage', config: can('ledger.read') },
    { method: 'POST', path: '/accounts/:accountId/adjustments', handler: 'staff.adjust', config: can('ledger.adjust') },
    { method: 'GET', path: '/alerts/low-balance', handler: 'staff.lowBalance', config: can('ledger.read') },
  ],
};
