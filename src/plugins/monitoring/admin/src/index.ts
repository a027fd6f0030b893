import { Briefcase, ChartPie, Files, Lightning, Monitor, Stack, User } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { REPORT_ACTIONS } from '../../shared/actions';
import { registerAccountHealth } from './account-health/register';
import { permission, PLUGIN_ID } from './pluginId';

const w = (name: keyof typeof import('./widgets/Widgets')) => () => import('./widgets/Widgets').then((m) => m[name] as React.ComponentType);

/**
 * Admin side: homepage widgets (each with the action its data route checks) and the Monitoring page
 * (health, API monitor, alerts, debug console).
 */
export default {
  bootstrap(app: StrapiApp) {
    registerAccountHealth(app);
  },
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Monitoring' });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Monitor,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'Monitoring' },
      permissions: permission('healthRead'),
      // The overview, and the job list under plugins/monitoring/jobs.
      Component: () => import('./pages/App'),
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}-reports`,
      icon: ChartPie,
      intlLabel: { id: `${PLUGIN_ID}.reports.menu`, defaultMessage: 'Reports' },
      // Shown with any report's action; the page shows the tabs the admin may read.
      permissions: Object.values(REPORT_ACTIONS).flatMap((key) => permission(key)),
      Component: () => import('./reports/ReportsPage'),
    });
    // Guard: the widgets API exists since 5.13; older admins would crash on it.
    if (!('widgets' in app)) return;
    app.widgets.register([
      { id: 'accounts', pluginId: PLUGIN_ID, icon: User, title: { id: `${PLUGIN_ID}.widget.accounts`, defaultMessage: 'Accounts' }, component: w('AccountsWidget'), permissions: permission('widgetAccounts') },
      { id: 'content', pluginId: PLUGIN_ID, icon: Files, title: { id: `${PLUGIN_ID}.widget.content`, defaultMessage: 'Content production' }, component: w('ContentWidget'), permissions: permission('widgetContent') },
      { id: 'billing', pluginId: PLUGIN_ID, icon: Briefcase, title: { id: `${PLUGIN_ID}.widget.billing`, defaultMessage: 'Billing' }, component: w('BillingWidget'), permissions: permission('widgetBilling') },
      {
        id: 'health',
        pluginId: PLUGIN_ID,
        icon: Monitor,
        title: { id: `${PLUGIN_ID}.widget.health`, defaultMessage: 'System health' },
        component: w('HealthWidget'),
        permissions: permission('widgetHealth'),
        link: { label: { id: `${PLUGIN_ID}.widget.health.link`, defaultMessage: 'Details' }, href: `/plugins/${PLUGIN_ID}` },
      },
      { id: 'queues', pluginId: PLUGIN_ID, icon: Stack, title: { id: `${PLUGIN_ID}.widget.queues`, defaultMessage: 'Queue backlog' }, component: w('QueuesWidget'), permissions: permission('widgetQueues') },
      { id: 'activity', pluginId: PLUGIN_ID, icon: Lightning, title: { id: `${PLUGIN_ID}.widget.activity`, defaultMessage: 'Automation and publishing' }, component: w('ActivityWidget'), permissions: permission('widgetActivity') },
    ]);
  },
};
