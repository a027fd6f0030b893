import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { runView } from '../services/runs';
import { getService } from '../utils/get-service';
import { accountIdParam, idempotencyKeyHeader, listQuery, runIdParam, startBody } from '../validation/schemas';

/** Staff (admin panel): any account's runs; start for an account, cancel, retry failed. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const actor = (ctx: any) => `admin:${ctx.state.user.id}`;
  return {
    async list(ctx: any) {
      const query = validate(listQuery, ctx.query);
      ctx.body = await getService(strapi, 'runs').list({ ...query, accountId: query.accountId ?? null });
    },
    async get(ctx: any) {
      ctx.body = { data: runView(await getService(strapi, 'runs').get(validate(runIdParam, ctx.params.id), null), true) };
    },
    async start(ctx: any) {
      const accountId = validate(accountIdParam, ctx.params.accountId);
      const input = validate(startBody, ctx.request.body ?? {});
      const result = await getService(strapi, 'runs').start({ ...input, accountId, idempotencyKey: validate(idempotencyKeyHeader, ctx.get('idempotency-key') || undefined), requestedBy: actor(ctx) });
      // Synchronous operations are done already: 200 with the finished run; the rest are accepted: 202,
      // by the operation's kind, not the run's status (a replayed key whose run a worker already finished is still 202).
      ctx.status = getService(strapi, 'registry').operations.get(result.run.function).kind === 'none' ? 200 : 202;
      ctx.body = { data: { runId: result.run.id, status: result.run.status, estimate: { credits: result.run.estimatedCredits ?? 0 }, run: runView(result.run) }, meta: { replayed: result.replayed } };
    },
    async cancel(ctx: any) {
      ctx.body = { data: runView(await getService(strapi, 'runs').cancel(validate(runIdParam, ctx.params.id), null, actor(ctx))) };
    },
    async retry(ctx: any) {
      ctx.status = 202;
      ctx.body = { data: runView(await getService(strapi, 'runs').retry(validate(runIdParam, ctx.params.id), null, actor(ctx))) };
    },
  };
};
