import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { andFilters, mentionsField } from '../../../../../lib/filters';
import type { CmAction, ResolvedSelection, SelectionInput } from '../domain/types';

const LIVE = { deletedAt: { $null: true } };
const TRASH = { deletedAt: { $notNull: true } };

/**
 * Turns what the list view sent into a server-side selection, and reads ids out of it in keyset
 * batches. "All matching" is the Content Manager's own query (filters and `_q`), validated and
 * combined with the user's RBAC conditions by the Content Manager's permission checker, then
 * converted to a Query Engine `where` exactly as the Document Service would. An explicit page
 * selection becomes a `documentId $in` filter that goes through the same checks.
 */
export const createSelectionService = ({ strapi }: { strapi: Core.Strapi }) => {
  const softDeletes = (uid: string) => (strapi.plugin('soft-delete').service('soft-delete') as any).enabledFor(uid) as boolean;

  const model = (uid: string) => {
    const m = strapi.getModel(uid as any) as any;
    if (!m || m.kind !== 'collectionType' || !(uid.startsWith('api::') || uid.startsWith('plugin::'))) {
      throw new errors.NotFoundError(`No collection type ${uid}`);
    }
    return m;
  };

  /** Draft & Publish types: work on the draft rows (what the list view shows); writes then sync siblings by documentId. */
  const hasDraftAndPublish = (uid: string) => model(uid).options?.draftAndPublish === true;

  return {
    model,
    hasDraftAndPublish,

    async resolve(args: { input: SelectionInput; userAbility: any; cmAction: CmAction; scope?: 'live' | 'trash' }): Promise<ResolvedSelection> {
      const { input, userAbility, cmAction } = args;
      const uid = input.uid;
      model(uid);
      const checker = (strapi.plugin('content-manager').service('permission-checker') as any).create({ userAbility, model: uid });
      if (checker.cannot[cmAction]()) throw new errors.ForbiddenError(`You may not ${cmAction} ${uid} in the Content Manager`);

      const byIds = 'documentIds' in input;
      const query: Record<string, unknown> = byIds ? { filters: { documentId: { $in: input.documentIds } } } : { ...(input.query.filters ? { filters: input.query.filters } : {}), ...(input.query._q ? { _q: input.query._q } : {}) };
      // Validate, never silently sanitize: a dropped filter would widen "all matching" to everything.
      await checker.validateQuery(query, { action: `plugin::content-manager.explorer.${cmAction}` });
      const permitted = await checker.sanitizedQuery[cmAction](query);

      let filters = permitted.filters;
      if (softDeletes(uid)) {
        if (args.scope === 'trash') filters = andFilters(filters, TRASH);
        else if (!mentionsField(filters, 'deletedAt')) filters = andFilters(filters, LIVE);
      }
      if (hasDraftAndPublish(uid)) filters = andFilters(filters, { publishedAt: { $null: true } });
      const converted = (strapi.get('query-params') as any).transform(uid, { filters: filters ?? {} });
      return { uid, where: converted.where ?? {}, ...(permitted._q ? { search: String(permitted._q) } : {}), mode: byIds ? 'ids' : 'filter' };
    },

    async count(selection: ResolvedSelection, extra?: Record<string, unknown>) {
      const where = extra ? { $and: [selection.where, extra] } : selection.where;
      return Number(await strapi.db.query(selection.uid as any).count({ where, ...(selection.search ? { _q: selection.search } : {}) } as any));
    },

    /** Up to `limit` ids greater than `after`, ascending: one keyset page of the selection. */
    async nextIds(selection: ResolvedSelection, after: number, limit: number, extra?: Record<string, unknown>) {
      const parts = [selection.where, { id: { $gt: after } }, ...(extra ? [extra] : [])];
      const rows = await strapi.db.query(selection.uid as any).findMany({
        where: { $and: parts },
        select: ['id'],
        orderBy: { id: 'asc' },
        limit,
        ...(selection.search ? { _q: selection.search } : {}),
      } as any);
      // Relation filters join; keep ids unique and ordered whatever the join produced.
      return [...new Set(rows.map((r: any) => Number(r.id)))].sort((a, b) => a - b) as number[];
    },
  };
};

export type SelectionService = ReturnType<typeof createSelectionService>;
