import type { ComponentType } from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { BulkActionsButton } from './components/BulkActionsButton';
import { PrefetchBulkActions } from './components/PrefetchBulkActions';
import { PLUGIN_ID } from './pluginId';

/**
 * Admin side of the bulk actions: one "Bulk actions…" button in every Content Manager list view
 * (shown when rows are selected and at least one registered action applies to the type and is
 * allowed for the user). Its modal chooses the action, the selection (the selected rows, or all
 * rows matching the current filters, sent as filters), parameters and reason; it shows the dry run
 * first, then the result or the job's progress. The list view header loads the type's actions as the
 * list opens (`PrefetchBulkActions`), so the button is there as soon as rows are selected.
 */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Bulk actions' });
  },
  bootstrap(app: StrapiApp) {
    const cm = app.getPlugin('content-manager') as unknown as {
      apis: { addBulkAction: (actions: unknown[]) => void };
      injectComponent: (view: string, zone: string, component: { name: string; Component: ComponentType }) => void;
    };
    cm.injectComponent('listView', 'actions', { name: `${PLUGIN_ID}-prefetch`, Component: PrefetchBulkActions });
    cm.apis.addBulkAction([BulkActionsButton]);
  },
};
