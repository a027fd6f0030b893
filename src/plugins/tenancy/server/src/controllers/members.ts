import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { getService } from '../utils/get-service';
import { requireTenant } from '../utils/require-tenant';
import { addMemberBody, memberIdParam, updateMemberBody } from '../validation/schemas';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: any) {
    ctx.body = { data: await getService(strapi, 'accounts').listMembers(await requireTenant(strapi)) };
  },
  async create(ctx: any) {
    const tenant = await requireTenant(strapi);
    const body = validate(addMemberBody, ctx.request.body?.data ?? ctx.request.body);
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'accounts').addMember(tenant, body) };
  },
  async update(ctx: any) {
    const tenant = await requireTenant(strapi);
    const id = validate(memberIdParam, ctx.params.id);
    const { role } = validate(updateMemberBody, ctx.request.body?.data ?? ctx.request.body);
    ctx.body = { data: await getService(strapi, 'accounts').updateMember(tenant, id, role) };
  },
  async delete(ctx: any) {
    const tenant = await requireTenant(strapi);
    await getService(strapi, 'accounts').removeMember(tenant, validate(memberIdParam, ctx.params.id));
    ctx.status = 204;
  },
});
