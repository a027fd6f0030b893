import type { Core } from '@strapi/strapi';

/**
 * GET /api/health: 200 while the database answers (Redis down only degrades: the API and admin still
 * work and jobs answer 503), 503 when the database does not. Unlike Strapi's /_health it checks things.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    const database = await strapi.db.connection
      .raw('select 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const redis = (await strapi.plugin('queue').service('queues').health()).status;
    const status = database === 'down' ? 'down' : redis === 'down' ? 'degraded' : 'ok';
    ctx.status = database === 'down' ? 503 : 200;
    ctx.body = { status, components: { database, redis } };
  },
});
