import { SealCheck } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS, PLUGIN_ID } from './pluginId';

/**
 * Admin side of the billing plugin: the payment approval desk (queue of manual payments, approve or
 * reject one or many) and staff credit adjustments, on one main-menu page.
 */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: SealCheck,
      intlLabel: { id: `${PLUGIN_ID}.desk.menu`, defaultMessage: 'Payment approvals' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/ApprovalDeskPage'),
      position: 3,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Billing' });
  },
};
