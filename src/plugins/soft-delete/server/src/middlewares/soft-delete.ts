import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { filterPopulate } from '../../../../../lib/filter-populate';
import { andFilters, mentionsField } from '../../../../../lib/filters';
import { getSoftDeleteService } from '../utils/get-service';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const LIVE = { deletedAt: { $null: true } };

/**
 * Hides stamped rows from reads (and from the relations they populate) and turns `delete` into a
 * stamp. A query that filters on `deletedAt` itself opts out of hiding: that is how the trash is listed.
 */
export const createSoftDeleteMiddleware = (strapi: Core.Strapi) => {
  const service = () => getSoftDeleteService(strapi);
  const lookup = (uid: string) => strapi.getModel(uid as any) as any;
  const liveFilterFor = (target: string) => (service().enabledFor(target) ? LIVE : undefined);

  return async (ctx: any, next: () => Promise<unknown>) => {
    const { uid, action } = ctx;
    const params = (ctx.params ??= {});
    if (READS.has(action)) {
      if (service().enabledFor(uid) && !mentionsField(params.filters, 'deletedAt')) params.filters = andFilters(params.filters, LIVE);
      if (params.populate !== undefined && uid.startsWith('api::')) params.populate = filterPopulate(params.populate, uid, lookup, liveFilterFor);
      return next();
    }
    if (action !== 'delete' || !service().enabledFor(uid) || service().isPurging()) return next();

    const documentId = params.documentId;
    const live = await strapi.documents(uid).findFirst({ filters: { documentId }, fields: ['documentId'] } as any);
    if (!live) throw new errors.NotFoundError('Not Found');
    await strapi.db.query(uid).updateMany({ where: { documentId, deletedAt: null }, data: { deletedAt: new Date() } });
    return { documentId, entries: [] };
  };
};
