import type { Core } from '@strapi/strapi';
import { getQueueService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    const queues = getQueueService(strapi);
    const redis = await queues.health();
    if (redis.status === 'down') {
      ctx.body = { redis, queues: [], workers: [] };
      return;
    }
    const [counts, workers] = await Promise.all([queues.counts(), queues.workers()]);
    ctx.body = { redis, queues: counts, workers };
  },
});
