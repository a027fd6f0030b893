import type { Core } from '@strapi/strapi';
import config from './config';
import status from './controllers/status';
import adminRoutes from './routes/admin';
import { createQueueService } from './services/queues';
import { getQueueService } from './utils/get-service';

export default {
  config,
  services: { queues: createQueueService },
  controllers: { status },
  routes: { admin: adminRoutes },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.admin.services.permission.actionProvider.registerMany([
      { section: 'plugins', displayName: 'View queues and workers', uid: 'status.read', pluginName: 'queue' },
    ]);
    const queues = getQueueService(strapi);
    await queues.connect();
    if (strapi.config.get('plugin::queue.runWorkers')) queues.startWorkers();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getQueueService(strapi).close();
  },
};

export { getQueueService };
export type { QueueDefinition, ProcessorDefinition } from './domain/types';
