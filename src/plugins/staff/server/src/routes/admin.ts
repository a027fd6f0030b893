import { NAVIGATION_ACTION } from '../services/navigation';

/** Served under /staff (admin API). */
export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/navigation',
      handler: 'navigation.show',
      config: {
        policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [NAVIGATION_ACTION] } }],
      },
    },
  ],
};
