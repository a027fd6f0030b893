import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validate } from '../../../../../lib/validate';
import { getService } from '../utils/get-service';
import { requireTenant } from '../utils/tenant';
import { accountSettingsBody, keyBody, overrideBody, preferencesBody, promptBody, promptTypeParam, providerParam } from '../validation/schemas';

const body = (ctx: any) => ctx.request.body?.data ?? ctx.request.body ?? {};
const param = <T>(schema: { safeParse: (v: unknown) => any }, ctx: any, name: string): T => validate(schema as any, ctx.params[name] ?? '') as T;

/** /api/settings: the caller's account only. Secrets go in through their own endpoints and never come out. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async effective(ctx: any) {
    const t = await requireTenant(strapi);
    ctx.body = { data: await getService(strapi, 'resolver').effective(t.accountId) };
  },
  async getOverride(ctx: any) {
    const t = await requireTenant(strapi);
    ctx.body = { data: await getService(strapi, 'integration').getOverride(t.accountId) };
  },
  async updateOverride(ctx: any) {
    const t = await requireTenant(strapi, 'admin');
    const values = validate(overrideBody, body(ctx));
    ctx.body = { data: await getService(strapi, 'integration').updateOverride(t.accountId, values) };
  },
  async setKey(ctx: any) {
    const t = await requireTenant(strapi, 'admin');
    const provider = param<any>(providerParam, ctx, 'provider');
    const { apiKey } = validate(keyBody, body(ctx));
    ctx.body = { data: await getService(strapi, 'integration').setAccountKey(t.accountId, provider, apiKey) };
  },
  async clearKey(ctx: any) {
    const t = await requireTenant(strapi, 'admin');
    const provider = param<any>(providerParam, ctx, 'provider');
    ctx.body = { data: await getService(strapi, 'integration').setAccountKey(t.accountId, provider, null) };
  },
  async prompts(ctx: any) {
    const t = await requireTenant(strapi);
    ctx.body = { data: await getService(strapi, 'prompts').listEffective(t.accountId) };
  },
  async customisePrompt(ctx: any) {
    const t = await requireTenant(strapi, 'editor');
    const type = param<string>(promptTypeParam, ctx, 'promptType');
    const { value } = validate(promptBody, body(ctx));
    ctx.body = { data: await getService(strapi, 'prompts').customise(t.accountId, type, value) };
  },
  async resetPrompt(ctx: any) {
    const t = await requireTenant(strapi, 'editor');
    const type = param<string>(promptTypeParam, ctx, 'promptType');
    ctx.body = { data: await getService(strapi, 'prompts').reset(t.accountId, type) };
  },
  async getAccountSettings(ctx: any) {
    const t = await requireTenant(strapi);
    const e = await getService(strapi, 'resolver').effective(t.accountId);
    ctx.body = { data: { modules: e.modules, publishing: e.publishing } };
  },
  async updateAccountSettings(ctx: any) {
    const t = await requireTenant(strapi, 'admin');
    const changes = validate(accountSettingsBody, body(ctx));
    ctx.body = { data: await getService(strapi, 'preferences').updateAccountSettings(t.accountId, changes as any) };
  },
  async getPreferences(ctx: any) {
    const t = await requireTenant(strapi);
    if (!t.userId) throw new errors.ForbiddenError('Preferences belong to a user; an account API key has none');
    ctx.body = { data: await getService(strapi, 'preferences').getUserPreferences(t.userId) };
  },
  async updatePreferences(ctx: any) {
    const t = await requireTenant(strapi);
    if (!t.userId) throw new errors.ForbiddenError('Preferences belong to a user; an account API key has none');
    const changes = validate(preferencesBody, body(ctx));
    ctx.body = { data: await getService(strapi, 'preferences').updateUserPreferences(t.userId, changes as any) };
  },
});
