import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import { IMPORT_QUEUE } from './services/runner';
import { getService } from './utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  getQueueService(strapi).define({
    name: IMPORT_QUEUE,
    description: 'Confirmed imports: streamed rows upserted in batches of 5,000, with progress and a rejected-rows report',
    // An import records its progress and upserts by natural key, but a blind retry of a half-written file
    // would double its rejected rows; staff re-upload instead.
    defaultJobOptions: { attempts: 1 },
    processors: {
      run: {
        concurrency: 1,
        handler: (job) => getService(strapi, 'runner').execute(Number(job.data.importId), { progress: (percent) => job.progress(percent) }),
      },
    },
  });
};
