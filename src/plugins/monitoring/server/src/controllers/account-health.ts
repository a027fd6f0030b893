import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { validate } from '../../../../../lib/validate';
import { getService } from '../utils/get-service';

const idsQuery = z
  .object({
    ids: z
      .string()
      .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of account ids')
      .transform((s) => [...new Set(s.split(',').map(Number))])
      .refine((ids) => ids.length <= 100, 'at most 100 ids'),
  })
  .strict();
const idParam = z.object({ id: z.union([z.string().regex(/^\d+$/).transform(Number), z.string().regex(/^[a-z0-9]{10,40}$/)]) });

/** Account health for the Content Manager's accounts list (a page of ids) and account view (one). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const { ids } = validate(idsQuery, ctx.query);
    ctx.body = { data: await getService(strapi, 'account-health').forAccounts(ids) };
  },

  async one(ctx: any) {
    const { id } = validate(idParam, ctx.params);
    const health = await getService(strapi, 'account-health').forAccount(id);
    if (!health) return ctx.notFound('account not found');
    ctx.body = { data: health };
  },
});
