import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { getService } from '../utils/get-service';
import { requireTenant } from '../utils/require-tenant';
import { updateAccountBody } from '../validation/schemas';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = { data: await getService(strapi, 'accounts').get(await requireTenant(strapi)) };
  },
  async update(ctx: any) {
    const tenant = await requireTenant(strapi);
    const body = validate(updateAccountBody, ctx.request.body?.data ?? ctx.request.body);
    await getService(strapi, 'accounts').update(tenant, body);
    ctx.body = { data: await getService(strapi, 'accounts').get(tenant) };
  },
});
