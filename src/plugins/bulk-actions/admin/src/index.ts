import type { StrapiApp } from '@strapi/strapi/admin';
import { BulkActionsButton } from './components/BulkActionsButton';
import { PLUGIN_ID } from './pluginId';

/**
 * Admin side of the bulk actions: one "Bulk actions…" button in every Content Manager list view
 * (shown when rows are selected and at least one registered action applies to the type and is
 * allowed for the user). Its modal chooses the action, the selection (the selected rows, or all
 * rows matching the current filters, sent as filters), parameters and reason; it shows the dry run
 * first, then the result or the job's progress.
 */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Bulk actions' });
  },
  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis as { addBulkAction: (actions: unknown[]) => void };
    apis.addBulkAction([BulkActionsButton]);
  },
};
