import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { getService } from '../utils/get-service';
import { requireTenant } from '../utils/require-tenant';
import { apiKeyIdParam, createApiKeyBody } from '../validation/schemas';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    ctx.body = { data: await getService(strapi, 'api-keys').list(await requireTenant(strapi)) };
  },
  async create(ctx: any) {
    const tenant = await requireTenant(strapi);
    const body = validate(createApiKeyBody, ctx.request.body?.data ?? ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'api-keys').create(tenant, body) };
  },
  async revoke(ctx: any) {
    const tenant = await requireTenant(strapi);
    ctx.body = { data: await getService(strapi, 'api-keys').revoke(tenant, validate(apiKeyIdParam, ctx.params.id)) };
  },
});
