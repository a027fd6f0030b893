import { Stack } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS, PLUGIN_ID } from './pluginId';

/**
 * Admin side of the staff plugin: a main-menu page listing content types by seed 002's sidebar groups,
 * because the Content Manager's own sidebar cannot be grouped.
 */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Stack,
      intlLabel: { id: `${PLUGIN_ID}.navigation.menu`, defaultMessage: 'Content by group' },
      permissions: PERMISSIONS.navigation,
      Component: () => import('./pages/NavigationPage'),
      position: 2,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Staff' });
  },
};
