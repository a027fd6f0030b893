import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import { retentionCutoff } from './domain/diff';
import { getService } from './utils/get-service';

export const AUDIT_QUEUE = 'audit';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  getQueueService(strapi).define({
    name: AUDIT_QUEUE,
    description: 'Audit trail retention: deletes entries older than the retention period',
    processors: {
      purge: {
        concurrency: 1,
        handler: async () => ({ deleted: await getService(strapi, 'trail').purge(retentionCutoff(new Date(), strapi.config.get('plugin::audit.retentionDays') as number)) }),
      },
    },
  });
};
