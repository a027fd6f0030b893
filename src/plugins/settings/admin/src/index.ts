import { Cog } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PERMISSIONS, PLUGIN_ID } from './constants';

export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Cog,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Platform settings' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/HomePage'),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Platform settings' });
  },
  bootstrap() {},
  async registerTrads() {
    return [];
  },
};
