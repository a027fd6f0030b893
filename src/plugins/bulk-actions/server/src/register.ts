import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import { aiActions } from './actions/ai';
import { assignActions } from './actions/assign';
import { billingActions } from './actions/billing';
import { logActions } from './actions/logs';
import { publishingActions } from './actions/publishing';
import { recordActions } from './actions/records';
import { taxonomyActions } from './actions/taxonomy';
import { templateActions } from './actions/templates';
import { BULK_QUEUE } from './services/runner';
import { getService } from './utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = getService(strapi, 'registry');
  const builtIn = [...recordActions(strapi), ...assignActions(strapi), ...billingActions(strapi), ...taxonomyActions(strapi), ...templateActions(strapi), ...publishingActions(strapi), ...aiActions(strapi), ...logActions(strapi)];
  for (const action of builtIn) registry.register(action);

  getQueueService(strapi).define({
    name: BULK_QUEUE,
    description: 'Bulk action runs of 1,000 rows or more: keyset batches with progress, cancellable',
    // A run records its progress; a blind retry would re-run a half-done selection. Staff re-run instead.
    defaultJobOptions: { attempts: 1 },
    processors: {
      run: {
        concurrency: 2,
        handler: (job) => getService(strapi, 'runner').execute(Number(job.data.runId), { progress: (percent) => job.progress(percent) }),
      },
    },
  });
};
