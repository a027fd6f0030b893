import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { BulkActionDefinition, RowFailure } from '../domain/types';
import { getService } from '../utils/get-service';
import { PERMISSIONS } from './permissions';

const CONTENT = 'api::content.content';
const TAXONOMY = 'api::content-taxonomy.content-taxonomy';
const documentId = z.string().regex(/^[a-z0-9]{24}$/, 'must be a documentId');

/** Add a taxonomy to content: link rows appended in SQL (existing links kept), other accounts refused. */
const addTaxonomy = (strapi: Core.Strapi): BulkActionDefinition<{ taxonomy: string }> => ({
  id: 'add-taxonomy',
  label: 'Add taxonomy',
  description: 'Adds one category or tag to every selected content (kept if already there); content of another account is refused.',
  contentTypes: [CONTENT],
  params: z.object({ taxonomy: documentId.describe('taxonomy documentId') }).strict(),
  reasonRequired: false,
  permission: PERMISSIONS.update,
  cmAction: 'update',
  undoable: false,
  validate: async ({ uid, params }) => void (await getService(strapi, 'sql').targetId({ uid, field: 'taxonomies', documentId: params.taxonomy })),
  handler: async ({ trx, uid, ids, params, ctx }) => {
    const sql = getService(strapi, 'sql');
    const targetId = await sql.targetId({ uid, field: 'taxonomies', documentId: params.taxonomy });
    return sql.addToMany({ trx, uid, ids, field: 'taxonomies', targetId, adminUserId: ctx.adminUserId });
  },
});

/**
 * Merge taxonomies into one: every content linked to a selected taxonomy is linked to the target
 * instead (no duplicate links), then the merged taxonomies are deleted. Only taxonomies of the target's
 * account and type merge; others are refused and reported. One transaction per batch.
 */
const mergeTaxonomies = (strapi: Core.Strapi): BulkActionDefinition<{ into: string }> => {
  const target = async (trx: any, into: string) => {
    const table = (strapi.db.metadata.get(TAXONOMY) as any).tableName;
    const row = await (trx ?? strapi.db.connection)(table).select('id', 'taxonomy_type').where({ document_id: into }).first();
    if (!row) throw new errors.ValidationError('params.into: refers to a taxonomy that does not exist', { errors: [{ path: ['params', 'into'], message: 'refers to a taxonomy that does not exist', name: 'ValidationError' }] });
    return { id: Number(row.id), type: row.taxonomy_type as string | null };
  };
  return {
    id: 'merge-taxonomies',
    label: 'Merge into…',
    description: "Moves every content of the selected taxonomies to one target taxonomy, then deletes the merged ones (same account and type only).",
    contentTypes: [TAXONOMY],
    params: z.object({ into: documentId.describe('target taxonomy documentId') }).strict(),
    reasonRequired: true,
    permission: PERMISSIONS.delete,
    cmAction: 'delete',
    undoable: false,
    variant: 'danger',
    validate: async ({ params }) => void (await target(null, params.into)),
    where: ({ into }) => ({ documentId: { $ne: into } }),
    handler: async ({ trx, ids, params }) => {
      const into = await target(trx, params.into);
      const meta = strapi.db.metadata.get(TAXONOMY) as any;
      const sql = getService(strapi, 'sql');
      const split = await sql.sameAccount(trx, TAXONOMY, ids, 'target taxonomy', TAXONOMY, into.id);
      const failures: RowFailure[] = [...split.failures];
      const { rows: typed } = await trx.raw(`SELECT id, document_id FROM ?? WHERE id = ANY(?::int[]) AND taxonomy_type IS DISTINCT FROM ?`, [meta.tableName, split.target, into.type]);
      for (const r of typed) failures.push({ id: Number(r.id), documentId: r.document_id, reason: 'is of another taxonomy type than the target' });
      const refused = new Set(failures.map((f) => f.id));
      const merged = split.target.filter((id) => !refused.has(id) && id !== into.id);
      if (!merged.length) return { changed: 0, failures };

      const link = (strapi.db.metadata.get(CONTENT) as any).attributes.taxonomies.joinTable;
      const own = link.joinColumn.name;
      const other = link.inverseJoinColumn.name;
      const order = link.orderColumnName as string | undefined;
      await trx.raw(
        `INSERT INTO ?? (??, ??${order ? ', ??' : ''})
         SELECT DISTINCT l.??, ?::int${order ? ', 1' : ''} FROM ?? l
          WHERE l.?? = ANY(?::int[]) AND NOT EXISTS (SELECT 1 FROM ?? e WHERE e.?? = l.?? AND e.?? = ?)`,
        [link.name, own, other, ...(order ? [order] : []), own, into.id, link.name, other, merged, link.name, own, own, other, into.id]
      );
      await trx.raw(`DELETE FROM ?? WHERE ?? = ANY(?::int[])`, [link.name, other, merged]);
      const deleted = await trx.raw(`DELETE FROM ?? WHERE id = ANY(?::int[])`, [meta.tableName, merged]);
      return { changed: deleted.rowCount ?? 0, failures };
    },
  };
};

export const taxonomyActions = (strapi: Core.Strapi): BulkActionDefinition<any>[] => [addTaxonomy(strapi), mergeTaxonomies(strapi)];
