import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { getService } from '../utils/get-service';
import { idempotencyKeyOf } from '../utils/idempotency-key';
import { accountIdParam, adjustmentBody, transactionsQuery, usageQuery } from '../validation/schemas';

/** Staff (admin panel) view of any account's credits, and manual adjustments. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async balance(ctx: any) {
    const accountId = validate(accountIdParam, ctx.params.accountId);
    ctx.body = { data: { ...(await getService(strapi, 'ledger').balance(accountId)), forecast: await getService(strapi, 'alerts').forecast(accountId) } };
  },

  async transactions(ctx: any) {
    const accountId = validate(accountIdParam, ctx.params.accountId);
    ctx.body = await getService(strapi, 'ledger').transactions(accountId, validate(transactionsQuery, ctx.query));
  },

  async usage(ctx: any) {
    const accountId = validate(accountIdParam, ctx.params.accountId);
    ctx.body = await getService(strapi, 'ledger').usage(accountId, validate(usageQuery, ctx.query));
  },

  async adjust(ctx: any) {
    const accountId = validate(accountIdParam, ctx.params.accountId);
    const body = validate(adjustmentBody, ctx.request.body ?? {});
    const idempotencyKey = idempotencyKeyOf(ctx);
    const result = await getService(strapi, 'ledger').adjust({ accountId, idempotencyKey, actor: `admin:${ctx.state.user.id}`, ...body });
    ctx.status = result.replayed ? 200 : 201;
    ctx.body = { data: result };
  },

  async lowBalance(ctx: any) {
    ctx.body = { data: await getService(strapi, 'alerts').lowBalanceAccounts() };
  },
});
