import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { validate } from '../../../../../lib/validate';
import { canWriteContent } from '../../../../tenancy/server/src/domain/roles';
import { tenantActor } from '../../../../tenancy/server/src/domain/tenant';
import { PublicForbiddenError } from '../../../../tenancy/server/src/utils/public-forbidden';
import { requireTenant } from '../../../../tenancy/server/src/utils/require-tenant';
import { getService } from '../utils/get-service';

const params = z.object({ documentId: z.string().min(1).max(64) });
const fields = z.object({ alternativeText: z.string().max(250).optional() });

/** POST /api/media/images/:documentId/file (multipart, field `file`): the tenant's own file on its image. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async attachFile(ctx: any) {
    const t = await requireTenant(strapi);
    if (!canWriteContent(t.role)) throw new PublicForbiddenError('Viewers cannot change images');
    const { documentId } = validate(params, ctx.params);
    const { alternativeText } = validate(fields, ctx.request.body ?? {});
    const part = ctx.request.files?.file;
    ctx.body = {
      data: await getService(strapi, 'attach').toImage({ documentId, part: Array.isArray(part) ? part[0] : part, alternativeText, actor: tenantActor(t) }),
    };
  },
});
