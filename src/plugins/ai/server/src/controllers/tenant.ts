import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { canWriteContent } from '../../../../tenancy/server/src/domain/roles';
import { tenantActor as actor } from '../../../../tenancy/server/src/domain/tenant';
import { PublicForbiddenError } from '../../../../tenancy/server/src/utils/public-forbidden';
import { requireTenant } from '../../../../tenancy/server/src/utils/require-tenant';
import { runView } from '../services/runs';
import { getService } from '../utils/get-service';
import { idempotencyKeyHeader, listQuery, runIdParam, startBody } from '../validation/schemas';

const body = (ctx: any) => ctx.request.body?.data ?? ctx.request.body ?? {};

/** The calling account's AI runs. Editors and above start and cancel; every member reads. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const writer = async () => {
    const t = await requireTenant(strapi);
    if (!canWriteContent(t.role)) throw new PublicForbiddenError('Viewers cannot start or cancel AI runs');
    return t;
  };
  return {
    async start(ctx: any) {
      const t = await writer();
      const input = validate(startBody, body(ctx));
      const result = await getService(strapi, 'runs').start({
        ...input,
        accountId: t.accountId,
        idempotencyKey: validate(idempotencyKeyHeader, ctx.get('idempotency-key') || undefined),
        requestedBy: actor(t),
      });
      // Synchronous operations are done already: 200 with the finished run; the rest are accepted: 202,
      // by the operation's kind, not the run's status (a replayed key whose run a worker already finished is still 202).
      ctx.status = getService(strapi, 'registry').operations.get(result.run.function).kind === 'none' ? 200 : 202;
      ctx.body = { data: { runId: result.run.id, status: result.run.status, estimate: { credits: result.run.estimatedCredits ?? 0 }, run: runView(result.run) }, meta: { replayed: result.replayed } };
    },
    async list(ctx: any) {
      const t = await requireTenant(strapi);
      const query = validate(listQuery.omit({ accountId: true }), ctx.query);
      ctx.body = await getService(strapi, 'runs').list({ ...query, accountId: t.accountId });
    },
    async get(ctx: any) {
      const t = await requireTenant(strapi);
      ctx.body = { data: runView(await getService(strapi, 'runs').get(validate(runIdParam, ctx.params.id), t.accountId), true) };
    },
    async cancel(ctx: any) {
      const t = await writer();
      ctx.body = { data: runView(await getService(strapi, 'runs').cancel(validate(runIdParam, ctx.params.id), t.accountId, actor(t))) };
    },
  };
};
