import { requireAdminPermission } from '../../../../../lib/admin-permission';

const can = (action: string) => requireAdminPermission(`plugin::billing.${action}`);

export default {
  /** Served under /api/billing; granted to the Authenticated role at bootstrap (the service checks the member's role). */
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/packages', handler: 'tenant.packages' },
      { method: 'POST', path: '/packages/:documentId/purchase', handler: 'tenant.purchase' },
      { method: 'POST', path: '/plan', handler: 'tenant.changePlan' },
      { method: 'GET', path: '/invoices', handler: 'tenant.invoices' },
      { method: 'GET', path: '/invoices/:documentId', handler: 'tenant.invoice' },
      { method: 'POST', path: '/invoices/:documentId/payments', handler: 'tenant.submitPayment' },
      { method: 'GET', path: '/payments', handler: 'tenant.payments' },
      { method: 'GET', path: '/payment-methods', handler: 'tenant.paymentMethods' },
      { method: 'GET', path: '/monthly-usage', handler: 'tenant.monthlyUsage' },
    ],
  },
  /** Served under /billing for the admin panel's approval desk. */
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/payments', handler: 'staff.list', config: can('payments.read') },
      { method: 'POST', path: '/payments/bulk', handler: 'staff.bulk', config: can('payments.approve') },
      { method: 'POST', path: '/payments/:id/approve', handler: 'staff.approve', config: can('payments.approve') },
      { method: 'POST', path: '/payments/:id/reject', handler: 'staff.reject', config: can('payments.approve') },
    ],
  },
};
