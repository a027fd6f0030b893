import { ClockCounterClockwise } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { HistoryPanel } from './components/HistoryPanel';
import { PERMISSIONS, PLUGIN_ID } from './pluginId';

/** Admin side of the audit trail: the filterable list page and the edit view's history panel. */
export default {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ClockCounterClockwise,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Audit trail' },
      permissions: PERMISSIONS.read,
      Component: () => import('./pages/AuditPage'),
      position: 8,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Audit trail' });
  },
  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis as { addEditViewSidePanel: (panels: unknown[]) => void };
    apis.addEditViewSidePanel([HistoryPanel]);
  },
};
