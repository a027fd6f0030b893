import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { canManageMembers, canWriteContent } from '../../../../tenancy/server/src/domain/roles';
import { requireTenant } from '../../../../tenancy/server/src/utils/require-tenant';
import { PublicForbiddenError } from '../../../../tenancy/server/src/utils/public-forbidden';
import { getService } from '../utils/get-service';
import { connectBody, documentIdParam, idempotencyKeyHeader, idsBody, publishBody, recordsQuery } from '../validation/schemas';

const body = (ctx: any) => ctx.request.body?.data ?? ctx.request.body ?? {};

/** The calling account's sites and publishing. Owners/admins manage integrations; editors publish. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const manager = async () => {
    const t = await requireTenant(strapi);
    if (!canManageMembers(t.role)) throw new PublicForbiddenError('Only the account owner or an admin can manage site connections');
    return t;
  };
  const writer = async () => {
    const t = await requireTenant(strapi);
    if (!canWriteContent(t.role)) throw new PublicForbiddenError('Viewers cannot publish');
    return t;
  };
  return {
    async integrations(ctx: any) {
      const t = await requireTenant(strapi);
      ctx.body = { data: await getService(strapi, 'integrations').list(t.accountId) };
    },
    async connect(ctx: any) {
      const t = await manager();
      const input = validate(connectBody, body(ctx));
      const result = await getService(strapi, 'integrations').connect({ accountId: t.accountId, siteDocumentId: input.site, baseUrl: input.baseUrl, username: input.username, applicationPassword: input.applicationPassword });
      ctx.status = 201;
      ctx.body = { data: result };
    },
    async test(ctx: any) {
      const t = await manager();
      ctx.body = { data: await getService(strapi, 'integrations').test(t.accountId, validate(documentIdParam, ctx.params.id)) };
    },
    async disconnect(ctx: any) {
      const t = await manager();
      ctx.body = { data: await getService(strapi, 'integrations').disconnect(t.accountId, validate(documentIdParam, ctx.params.id)) };
    },
    async publish(ctx: any) {
      const t = await writer();
      const input = validate(publishBody, body(ctx));
      const result = await getService(strapi, 'records').request({
        accountId: t.accountId,
        contentDocumentId: validate(documentIdParam, ctx.params.documentId),
        action: 'publish',
        scheduledAt: input.scheduledAt ?? null,
        idempotencyKey: validate(idempotencyKeyHeader, ctx.get('idempotency-key') || undefined),
        requestedBy: `user:${t.userId ?? 'key'}`,
      });
      ctx.status = 202;
      ctx.body = { data: result.record, meta: { replayed: result.replayed } };
    },
    async unpublish(ctx: any) {
      const t = await writer();
      const result = await getService(strapi, 'records').request({
        accountId: t.accountId,
        contentDocumentId: validate(documentIdParam, ctx.params.documentId),
        action: 'unpublish',
        idempotencyKey: validate(idempotencyKeyHeader, ctx.get('idempotency-key') || undefined),
        requestedBy: `user:${t.userId ?? 'key'}`,
      });
      ctx.status = 202;
      ctx.body = { data: result.record, meta: { replayed: result.replayed } };
    },
    async status(ctx: any) {
      const t = await requireTenant(strapi);
      ctx.body = { data: await getService(strapi, 'records').statusOf(t.accountId, validate(documentIdParam, ctx.params.documentId)) };
    },
    async records(ctx: any) {
      const t = await requireTenant(strapi);
      const query = validate(recordsQuery.omit({ accountId: true }), ctx.query);
      ctx.body = await getService(strapi, 'records').list({ accountId: t.accountId, status: query.status }, query.page, query.pageSize);
    },
    async retry(ctx: any) {
      const t = await writer();
      ctx.body = { data: await getService(strapi, 'records').retry(validate(idsBody, body(ctx)).ids, t.accountId) };
    },
    async cancel(ctx: any) {
      const t = await writer();
      ctx.body = { data: await getService(strapi, 'records').cancel(validate(idsBody, body(ctx)).ids, t.accountId) };
    },
  };
};
