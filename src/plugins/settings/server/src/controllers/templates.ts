import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import type { TemplateKind } from '../services/templates';
import { getService } from '../utils/get-service';
import { requireTenant } from '../utils/tenant';
import { cloneBody, documentIdParam, templateBodies, templateChangeBodies } from '../validation/schemas';

const body = (ctx: any) => ctx.request.body?.data ?? ctx.request.body ?? {};

/** /api/settings/<kind>: the global library, and the account's own copies (clone, create, customise, reset, delete). */
export const templatesController = (kind: TemplateKind) => ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'templates');
  const id = (ctx: any) => validate(documentIdParam, ctx.params.documentId ?? '');
  return {
    async library(ctx: any) {
      await requireTenant(strapi);
      const category = typeof ctx.query?.category === 'string' ? ctx.query.category : undefined;
      ctx.body = { data: await service().library(kind, { category }) };
    },
    async find(ctx: any) {
      const t = await requireTenant(strapi);
      ctx.body = { data: await service().list(kind, t.accountId) };
    },
    async clone(ctx: any) {
      const t = await requireTenant(strapi, 'editor');
      const input = validate(cloneBody, body(ctx));
      ctx.status = 201;
      ctx.body = { data: await service().clone(kind, t.accountId, input.templateDocumentId, input.name) };
    },
    async create(ctx: any) {
      const t = await requireTenant(strapi, 'editor');
      const fields = validate(templateBodies[kind], body(ctx));
      ctx.status = 201;
      ctx.body = { data: await service().create(kind, t.accountId, fields) };
    },
    async update(ctx: any) {
      const t = await requireTenant(strapi, 'editor');
      const documentId = id(ctx);
      const changes = validate(templateChangeBodies[kind], body(ctx));
      ctx.body = { data: await service().customise(kind, t.accountId, documentId, changes) };
    },
    async reset(ctx: any) {
      const t = await requireTenant(strapi, 'editor');
      ctx.body = { data: await service().reset(kind, t.accountId, id(ctx)) };
    },
    async delete(ctx: any) {
      const t = await requireTenant(strapi, 'editor');
      ctx.body = { data: await service().remove(kind, t.accountId, id(ctx)) };
    },
  };
};
