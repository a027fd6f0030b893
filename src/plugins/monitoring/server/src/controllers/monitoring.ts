import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { validate } from '../../../../../lib/validate';
import { JOB_STATES } from '../services/jobs';
import { getService } from '../utils/get-service';

const windowQuery = z.object({ window: z.enum(['hour', 'day']).default('hour') }).strict();
const jobFilter = {
  queue: z.string().regex(/^[a-z][a-z0-9-]*$/).optional(),
  accountId: z.coerce.number().int().positive().optional(),
  name: z.string().min(1).max(100).optional(),
  record: z.string().min(1).max(100).optional(),
  text: z.string().min(1).max(200).optional(),
};
const jobsQuery = z.object({ ...jobFilter, state: z.enum(JOB_STATES).default('failed'), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();
const retryBody = z.object(jobFilter).strict();
const alertsQuery = z.object({ status: z.enum(['active', 'resolved']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

/** Staff routes (admin) and the public load-balancer health route. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const assertQueue = (name?: string) => {
    if (name && !getQueueService(strapi).definitions().some((d) => d.name === name)) throw new errors.ValidationError(`queue: unknown queue "${name}"`);
  };
  return {
    /** Public: overall and per-component status only; 503 when red so load balancers take the node out. */
    async publicHealth(ctx: any) {
      const view = await getService(strapi, 'health').publicView();
      ctx.status = view.status === 'red' ? 503 : 200;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = view;
    },

    async health(ctx: any) {
      ctx.body = { data: await getService(strapi, 'health').sample() };
    },

    async apiMonitor(ctx: any) {
      const { window } = validate(windowQuery, ctx.query);
      ctx.body = { data: await getService(strapi, 'api-monitor').report(window) };
    },

    async debug(ctx: any) {
      ctx.body = { data: getService(strapi, 'debug').snapshot() };
    },

    async alerts(ctx: any) {
      ctx.body = { data: await getService(strapi, 'alerts').list(validate(alertsQuery, ctx.query)), rules: getService(strapi, 'alerts').rules() };
    },

    async evaluateAlerts(ctx: any) {
      ctx.body = { data: await getService(strapi, 'alerts').evaluate() };
    },

    /** Opens a queue console session (cookie) for this admin: manage if allowed, read-only otherwise. */
    async queueConsoleSession(ctx: any) {
      const canManage = Boolean(ctx.state.userAbility?.can('plugin::monitoring.queue-console.manage'));
      ctx.body = { data: getService(strapi, 'queue-console').openSession(ctx, canManage) };
    },

    async jobs(ctx: any) {
      const filter = validate(jobsQuery, ctx.query);
      assertQueue(filter.queue);
      ctx.body = { data: await getService(strapi, 'jobs').list(filter) };
    },

    /** Real requests to the critical endpoints, each against the status it should answer. */
    async checkEndpoints(ctx: any) {
      ctx.body = { data: await getService(strapi, 'endpoint-check').run() };
    },

    async retryJobs(ctx: any) {
      const filter = validate(retryBody, ctx.request.body ?? {});
      assertQueue(filter.queue);
      ctx.body = { data: await getService(strapi, 'jobs').retryFailed(filter) };
    },
  };
};
