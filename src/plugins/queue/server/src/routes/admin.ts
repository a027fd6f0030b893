import { requireAdminPermission } from '../../../../../lib/admin-permission';

export default {
  type: 'admin',
  routes: [
    {
      method: 'GET',
      path: '/status',
      handler: 'status.show',
      config: requireAdminPermission('plugin::queue.status.read'),
    },
  ],
};
