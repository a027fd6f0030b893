import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validate } from '../../../../../lib/validate';
import { ACCOUNT_UID } from '../utils/constants';
import { getService } from '../utils/get-service';
import type { TemplateKind } from '../services/templates';
import { accountIdParam, documentIdParam, globalBody, globalPromptBody, globalTemplateChangeBodies, keyBody, overrideBody, promptTypeParam, providerParam } from '../validation/schemas';

const body = (ctx: any) => ctx.request.body?.data ?? ctx.request.body ?? {};
const kindParam = (ctx: any): TemplateKind => {
  if (ctx.params.kind !== 'author-profiles' && ctx.params.kind !== 'strategies') throw new errors.NotFoundError('Not Found');
  return ctx.params.kind;
};

/** /settings/... (admin API): staff only, each route guarded by an RBAC action. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const accountId = async (ctx: any) => {
    const id = validate(accountIdParam, ctx.params.accountId);
    const row = await strapi.db.query(ACCOUNT_UID).findOne({ where: { id }, select: ['id', 'name', 'slug'] });
    if (!row) throw new errors.NotFoundError(`Account ${id} not found`);
    return row as { id: number; name: string; slug: string };
  };
  return {
    async getGlobal(ctx: any) {
      ctx.body = { data: await getService(strapi, 'integration').getGlobal() };
    },
    async updateGlobal(ctx: any) {
      ctx.body = { data: await getService(strapi, 'integration').updateGlobal(validate(globalBody, body(ctx))) };
    },
    async setGlobalKey(ctx: any) {
      const provider = validate(providerParam, ctx.params.provider);
      const { apiKey } = validate(keyBody, body(ctx));
      ctx.body = { data: await getService(strapi, 'integration').setGlobalKey(provider, apiKey) };
    },
    async clearGlobalKey(ctx: any) {
      ctx.body = { data: await getService(strapi, 'integration').setGlobalKey(validate(providerParam, ctx.params.provider), null) };
    },
    async testConnection(ctx: any) {
      const provider = validate(providerParam, ctx.params.provider);
      const account = ctx.params.accountId ? (await accountId(ctx)).id : undefined;
      ctx.body = { data: await getService(strapi, 'connection-test').test({ provider, accountId: account }) };
    },
    async rotate(ctx: any) {
      ctx.body = { data: await getService(strapi, 'integration').rotate() };
    },
    async accounts(ctx: any) {
      const search = typeof ctx.query?.q === 'string' ? ctx.query.q.slice(0, 100) : '';
      const rows = await strapi.db.query(ACCOUNT_UID).findMany({
        where: search ? { $or: [{ name: { $containsi: search } }, { slug: { $containsi: search } }] } : {},
        select: ['id', 'name', 'slug'],
        populate: { plan: { select: ['slug', 'allowsOwnApiKeys'] } },
        orderBy: { name: 'asc' },
        limit: 50,
      });
      ctx.body = { data: rows };
    },
    async getOverride(ctx: any) {
      const account = await accountId(ctx);
      ctx.body = { data: { account, ...(await getService(strapi, 'integration').getOverride(account.id)) } };
    },
    async updateOverride(ctx: any) {
      const account = await accountId(ctx);
      // Staff may prepare an override, but the resolver still ignores it while the plan does not allow it.
      ctx.body = { data: await getService(strapi, 'integration').updateOverride(account.id, validate(overrideBody, body(ctx)), { staff: true }) };
    },
    async setAccountKey(ctx: any) {
      const account = await accountId(ctx);
      const provider = validate(providerParam, ctx.params.provider);
      const { apiKey } = validate(keyBody, body(ctx));
      ctx.body = { data: await getService(strapi, 'integration').setAccountKey(account.id, provider, apiKey, { staff: true }) };
    },
    async clearAccountKey(ctx: any) {
      const account = await accountId(ctx);
      ctx.body = { data: await getService(strapi, 'integration').setAccountKey(account.id, validate(providerParam, ctx.params.provider), null, { staff: true }) };
    },
    async effective(ctx: any) {
      const account = await accountId(ctx);
      ctx.body = { data: { account, ...(await getService(strapi, 'resolver').effectiveUncached(account.id)) } };
    },
    async listPrompts(ctx: any) {
      ctx.body = { data: await getService(strapi, 'prompts').listGlobal() };
    },
    async updatePrompt(ctx: any) {
      const type = validate(promptTypeParam, ctx.params.promptType);
      ctx.body = { data: await getService(strapi, 'prompts').updateGlobal(type, validate(globalPromptBody, body(ctx))) };
    },
    async listTemplates(ctx: any) {
      ctx.body = { data: await getService(strapi, 'templates').listGlobal(kindParam(ctx)) };
    },
    async updateTemplate(ctx: any) {
      const kind = kindParam(ctx);
      const documentId = validate(documentIdParam, ctx.params.documentId);
      ctx.body = { data: await getService(strapi, 'templates').updateGlobal(kind, documentId, validate(globalTemplateChangeBodies[kind], body(ctx))) };
    },
  };
};
