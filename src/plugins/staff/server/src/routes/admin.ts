import { requireAdminPermission } from '../../../../../lib/admin-permission';
import { NAVIGATION_ACTION } from '../services/navigation';

/** Served under /staff (admin API). */
export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/navigation',
      handler: 'navigation.show',
      config: requireAdminPermission(NAVIGATION_ACTION),
    },
  ],
};
