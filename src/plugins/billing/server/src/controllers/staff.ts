import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { getService } from '../utils/get-service';
import { approveBody, bulkDecisionBody, paymentIdParam, rejectBody, staffListQuery } from '../validation/schemas';

const actorOf = (ctx: any) => `admin:${ctx.state.user.id}`;

/** The approval desk's API (admin panel; permissions on the routes). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    ctx.body = await getService(strapi, 'payments').list(validate(staffListQuery, ctx.query));
  },

  async approve(ctx: any) {
    const paymentId = validate(paymentIdParam, ctx.params.id);
    const body = validate(approveBody, ctx.request.body ?? {});
    ctx.body = { data: await getService(strapi, 'payments').approve({ paymentId, actor: actorOf(ctx), notes: body.notes }) };
  },

  async reject(ctx: any) {
    const paymentId = validate(paymentIdParam, ctx.params.id);
    const body = validate(rejectBody, ctx.request.body ?? {});
    ctx.body = { data: await getService(strapi, 'payments').reject({ paymentId, actor: actorOf(ctx), reason: body.reason }) };
  },

  async bulk(ctx: any) {
    const body = validate(bulkDecisionBody, ctx.request.body ?? {});
    ctx.body = { data: await getService(strapi, 'payments').decideMany({ action: body.action, paymentIds: body.ids, actor: actorOf(ctx), reason: body.reason, notes: body.notes }) };
  },
});
