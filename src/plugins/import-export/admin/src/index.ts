import { Upload } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { ExportBulkAction, ExportListButton } from './components/ExportButtons';
import { PERMISSIONS, PLUGIN_ID } from './pluginId';

/**
 * Admin side of import and export: an "Export" button in every Content Manager list view header
 * (the whole filtered list) and an "Export…" bulk action (the ticked rows), both shown only for types
 * the server says this admin may export; and an "Import" page (upload, map, preview, confirm,
 * progress, rejected rows).
 */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Upload,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Import' },
      permissions: PERMISSIONS.import,
      Component: () => import('./pages/ImportPage'),
      position: 4,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Import and export' });
  },
  bootstrap(app: StrapiApp) {
    const cm = app.getPlugin('content-manager') as any;
    cm.injectComponent('listView', 'actions', { name: `${PLUGIN_ID}-export`, Component: ExportListButton });
    cm.apis.addBulkAction([ExportBulkAction]);
  },
};
