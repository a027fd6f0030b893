import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { getService } from '../utils/get-service';
import { entriesQuery } from '../validation/schemas';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async entries(ctx: any) {
    ctx.body = await getService(strapi, 'trail').list(validate(entriesQuery, ctx.query));
  },

  /** The audited content types (for the list's filter and to decide whether the edit view shows a history panel). */
  async contentTypes(ctx: any) {
    const uids = strapi.config.get('plugin::audit.contentTypes') as string[];
    ctx.body = { data: uids.filter((uid) => strapi.getModel(uid as any)).map((uid) => ({ uid, displayName: (strapi.getModel(uid as any) as any).info?.displayName ?? uid })) };
  },
});
