import * as React from 'react';
import type { StrapiApp } from '@strapi/strapi/admin';
import { useRBAC } from '@strapi/strapi/admin';
import { permission } from '../pluginId';
import { AccountHealthBadge, AccountHealthDetails } from './AccountHealth';

const ACCOUNT = 'api::account.account';

/** Edit view side panel of an account (Content Manager API); only for admins with `account-health.read`. */
const AccountHealthPanel = ({ model, document }: { model: string; document?: { id?: number } | null }) => {
  const { allowedActions } = useRBAC({ read: permission('accountHealthRead') });
  if (model !== ACCOUNT || !document?.id || !allowedActions.canRead) return null;
  return { title: 'Account health', content: <AccountHealthDetails id={document.id} /> };
};
AccountHealthPanel.type = 'account-health';

/**
 * Account health in the Content Manager: a "Health" column in the accounts list (the predefined list-view
 * hook) and a side panel in the account view. The data route checks `account-health.read`; admins
 * without it see the column empty and no panel.
 */
export const registerAccountHealth = (app: StrapiApp) => {
  const cm = app.getPlugin('content-manager') as any;
  cm?.apis?.addEditViewSidePanel?.([AccountHealthPanel]);
  app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', ({ displayedHeaders, layout }: any) => {
    // The hook's arguments do not name the content type (the list layout carries no uid); the list view
    // runs it while rendering its own route, so the path does.
    if (!window.location.pathname.includes(`/collection-types/${ACCOUNT}`)) return { displayedHeaders, layout };
    return {
      layout,
      displayedHeaders: [
        ...displayedHeaders,
        {
          attribute: { type: 'custom' },
          label: { id: 'monitoring.account-health.column', defaultMessage: 'Health' },
          name: 'monitoringHealth',
          searchable: false,
          sortable: false,
          cellFormatter: (row: { id: number }) => <AccountHealthBadge id={row.id} />,
        },
      ],
    };
  });
};
