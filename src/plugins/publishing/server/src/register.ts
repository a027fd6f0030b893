import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import { nextDelay } from './domain/backoff';
import { registerMonitoringFigures } from './monitoring-figures';
import { QUEUE, UID } from './utils/constants';
import { getService } from './utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cfg = (k: string) => strapi.config.get(`plugin::publishing.${k}`) as number;
  getQueueService(strapi).define({
    name: QUEUE,
    description: 'Publishes content to tenant WordPress sites (exactly once per content and site), and due scheduled content',
    defaultJobOptions: { attempts: cfg('attempts'), backoff: { type: 'wordpress' } as any },
    settings: {
      // Retry-After from the site wins; permanent failures stop (-1).
      backoffStrategies: {
        wordpress: (attemptsMade: number, err: any) =>
          nextDelay({ attemptsMade, kind: err?.kind, retryAfterMs: err?.retryAfterMs, baseMs: cfg('backoffBaseMs'), maxMs: cfg('backoffMaxMs') }),
      },
    },
    processors: {
      publish: { concurrency: cfg('workerConcurrency'), handler: (job) => getService(strapi, 'publisher').run(job) },
      schedule: { concurrency: 1, handler: () => getService(strapi, 'scheduler').tick() },
    },
  });

  registerMonitoringFigures(strapi);

  // Never through shadow CRUD: integrations hold credentials; history is served by our own resolvers.
  const graphql = strapi.plugin('graphql');
  if (graphql) for (const uid of Object.values(UID)) graphql.service('extension').shadowCRUD(uid).disable();
};
