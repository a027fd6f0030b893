import { Earth } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS, PLUGIN_ID } from './pluginId';

/**
 * Admin side of the publishing plugin: one main-menu page for staff with every account's site
 * integrations (doctor results, test connection) and publishing records (filters, bulk retry of
 * failed records, bulk cancel of pending ones).
 */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Earth,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Publishing' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/PublishingPage'),
      position: 4,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Publishing' });
  },
};
