import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import { getService } from './utils/get-service';

export const MONITORING_QUEUE = 'monitoring';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Registered before the configured middlewares, so it is the outermost one: it times the whole
  // request, errors middleware included, and sees the final status.
  const apiMonitor = getService(strapi, 'api-monitor');
  strapi.server.use(apiMonitor.middleware);
  // The queue console's boards answer before Strapi's routing (they have their own session check).
  strapi.server.use(getService(strapi, 'queue-console').middleware);

  getQueueService(strapi).define({
    name: MONITORING_QUEUE,
    description: 'Monitoring: evaluates alert rules and refreshes the report rollups on a schedule (once per tick across processes)',
    processors: {
      'evaluate-alerts': { concurrency: 1, handler: async () => getService(strapi, 'alerts').evaluate() },
      'refresh-rollups': {
        concurrency: 1,
        handler: async () => ({ rollups: await getService(strapi, 'rollups').refresh(), dataQuality: await getService(strapi, 'reports').refreshDataQualityIfAging() }),
      },
    },
  });
};
