import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { canManageMembers } from '../../../../tenancy/server/src/domain/roles';
import { requireTenant } from '../../../../tenancy/server/src/utils/require-tenant';
import { PublicForbiddenError } from '../../../../tenancy/server/src/utils/public-forbidden';
import { getService } from '../utils/get-service';
import { alertsBody, estimateBody, transactionsQuery, usageQuery } from '../validation/schemas';

/** The calling account's credits: balance, history, usage, estimates and alert settings. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async balance(ctx: any) {
    const tenant = await requireTenant(strapi);
    ctx.body = { data: await getService(strapi, 'ledger').balance(tenant.accountId) };
  },

  async transactions(ctx: any) {
    const tenant = await requireTenant(strapi);
    ctx.body = await getService(strapi, 'ledger').transactions(tenant.accountId, validate(transactionsQuery, ctx.query));
  },

  async usage(ctx: any) {
    const tenant = await requireTenant(strapi);
    ctx.body = await getService(strapi, 'ledger').usage(tenant.accountId, validate(usageQuery, ctx.query));
  },

  async estimate(ctx: any) {
    const tenant = await requireTenant(strapi);
    const body = validate(estimateBody, ctx.request.body?.data ?? ctx.request.body ?? {});
    ctx.body = { data: await getService(strapi, 'pricing').estimateBatch({ accountId: tenant.accountId, ...body }) };
  },

  async forecast(ctx: any) {
    const tenant = await requireTenant(strapi);
    ctx.body = { data: await getService(strapi, 'alerts').forecast(tenant.accountId) };
  },

  async setAlerts(ctx: any) {
    const tenant = await requireTenant(strapi);
    if (!canManageMembers(tenant.role)) throw new PublicForbiddenError('Only the account owner or an admin can change credit alerts');
    const body = validate(alertsBody, ctx.request.body?.data ?? ctx.request.body ?? {});
    await getService(strapi, 'alerts').setThreshold(tenant.accountId, body.lowBalanceThreshold);
    ctx.body = { data: await getService(strapi, 'alerts').forecast(tenant.accountId) };
  },
});
