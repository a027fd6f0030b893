import type { Core } from '@strapi/strapi';
import config from './config';
import status from './controllers/status';
import type { QueuePluginConfig } from './domain/types';
import adminRoutes from './routes/admin';
import { createQueueService } from './services/queues';
import { createRecoveryService, RECOVERY_QUEUE, SWEEP_JOB } from './services/recovery';
import { getQueueService, getRecoveryService } from './utils/get-service';

export default {
  config,
  services: { queues: createQueueService, recovery: createRecoveryService },
  controllers: { status },
  routes: { admin: adminRoutes },

  register({ strapi }: { strapi: Core.Strapi }) {
    getQueueService(strapi).define({
      name: RECOVERY_QUEUE,
      description: 'Adds back the jobs Redis lost for rows that still wait for one (every plugin registers its job sources)',
      // A missed pass is made up by the next one.
      defaultJobOptions: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
      processors: { [SWEEP_JOB]: { concurrency: 1, handler: () => getRecoveryService(strapi).sweep() } },
    });
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.admin.services.permission.actionProvider.registerMany([
      { section: 'plugins', displayName: 'View queues and workers', uid: 'status.read', pluginName: 'queue' },
    ]);
    const queues = getQueueService(strapi);
    await queues.connect();
    const { recoverEveryMs } = strapi.config.get('plugin::queue') as QueuePluginConfig;
    if (queues.isAvailable() && recoverEveryMs > 0) {
      await queues.add(RECOVERY_QUEUE, SWEEP_JOB, {}, { repeat: { every: recoverEveryMs }, jobId: 'queue-recovery-sweep' });
    }
    if (strapi.config.get('plugin::queue.runWorkers')) queues.startWorkers();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getQueueService(strapi).close();
  },
};

export { getQueueService, getRecoveryService };
export type { QueueDefinition, ProcessorDefinition } from './domain/types';
export type { JobSource, ExpectedJob, SweepOutcome } from './domain/job-source';
