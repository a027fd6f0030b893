import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { failureReportCsv } from '../domain/csv';
import { getService } from '../utils/get-service';
import { actionsQuery, runBody, runId, runsQuery } from '../validation/schemas';

const request = (ctx: any) => {
  const body = validate(runBody, ctx.request.body ?? {});
  return { actionId: body.action, input: body.selection, params: body.params, reason: body.reason, user: ctx.state.user, userAbility: ctx.state.userAbility };
};

/** Admin routes of the bulk actions (policies on the routes; the runner re-checks every permission). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async actions(ctx: any) {
    const { uid } = validate(actionsQuery, ctx.query);
    ctx.body = { data: getService(strapi, 'registry').forUser(uid, ctx.state.userAbility) };
  },

  async dryRun(ctx: any) {
    ctx.body = { data: await getService(strapi, 'runner').dryRun(request(ctx)) };
  },

  async run(ctx: any) {
    const run = await getService(strapi, 'runner').run(request(ctx));
    ctx.status = run.mode === 'job' ? 202 : 200;
    ctx.body = { data: run };
  },

  async listRuns(ctx: any) {
    ctx.body = await getService(strapi, 'runs').list(validate(runsQuery, ctx.query));
  },

  async getRun(ctx: any) {
    ctx.body = { data: await getService(strapi, 'runs').get(validate(runId, ctx.params.id)) };
  },

  async cancelRun(ctx: any) {
    ctx.body = { data: await getService(strapi, 'runner').cancel(validate(runId, ctx.params.id)) };
  },

  async failureReport(ctx: any) {
    const id = validate(runId, ctx.params.id);
    await getService(strapi, 'runs').get(id);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="bulk-run-${id}-failures.csv"`);
    ctx.body = failureReportCsv(await getService(strapi, 'runs').failures(id));
  },
});
