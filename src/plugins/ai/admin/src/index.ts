import { Sparkle } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';

export const PLUGIN_ID = 'ai';

/** Admin side: the "AI runs" page (list any account's runs, cancel, retry failed ones). */
export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'AI runs' });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Sparkle,
      intlLabel: { id: `${PLUGIN_ID}.menu`, defaultMessage: 'AI runs' },
      permissions: [{ action: 'plugin::ai.runs.read', subject: null }],
      Component: () => import('./pages/RunsPage'),
    });
  },
};
