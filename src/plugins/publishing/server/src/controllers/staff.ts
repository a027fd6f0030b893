import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { getService } from '../utils/get-service';
import { accountIdParam, connectBody, documentIdParam, idsBody, publishBody, recordsQuery } from '../validation/schemas';

/** Staff (admin panel): the tenant operations for any account, and bulk retry / cancel. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async integrations(ctx: any) {
    const accountId = ctx.query.accountId ? validate(accountIdParam, ctx.query.accountId) : null;
    ctx.body = { data: await getService(strapi, 'integrations').list(accountId) };
  },
  async connect(ctx: any) {
    const accountId = validate(accountIdParam, ctx.params.accountId);
    const input = validate(connectBody, ctx.request.body ?? {});
    ctx.status = 201;
    ctx.body = { data: await getService(strapi, 'integrations').connect({ accountId, siteDocumentId: input.site, baseUrl: input.baseUrl, username: input.username, applicationPassword: input.applicationPassword }) };
  },
  async test(ctx: any) {
    ctx.body = { data: await getService(strapi, 'integrations').test(null, validate(documentIdParam, ctx.params.id)) };
  },
  async disconnect(ctx: any) {
    ctx.body = { data: await getService(strapi, 'integrations').disconnect(null, validate(documentIdParam, ctx.params.id)) };
  },
  async publish(ctx: any) {
    const input = validate(publishBody, ctx.request.body ?? {});
    const result = await getService(strapi, 'records').request({ accountId: null, contentDocumentId: validate(documentIdParam, ctx.params.documentId), action: 'publish', scheduledAt: input.scheduledAt ?? null, requestedBy: `admin:${ctx.state.user.id}` });
    ctx.status = 202;
    ctx.body = { data: result.record, meta: { replayed: result.replayed } };
  },
  async unpublish(ctx: any) {
    const result = await getService(strapi, 'records').request({ accountId: null, contentDocumentId: validate(documentIdParam, ctx.params.documentId), action: 'unpublish', requestedBy: `admin:${ctx.state.user.id}` });
    ctx.status = 202;
    ctx.body = { data: result.record, meta: { replayed: result.replayed } };
  },
  async records(ctx: any) {
    const query = validate(recordsQuery, ctx.query);
    ctx.body = await getService(strapi, 'records').list({ accountId: query.accountId ?? null, status: query.status }, query.page, query.pageSize);
  },
  async retry(ctx: any) {
    ctx.body = { data: await getService(strapi, 'records').retry(validate(idsBody, ctx.request.body ?? {}).ids) };
  },
  async cancel(ctx: any) {
    ctx.body = { data: await getService(strapi, 'records').cancel(validate(idsBody, ctx.request.body ?? {}).ids) };
  },
});
