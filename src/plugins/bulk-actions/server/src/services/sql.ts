import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SchemaService } from '../../../../tenancy/server/src/services/schema';
import type { BatchOutcome, RowFailure } from '../domain/types';

type Knex = any;

/**
 * Set-based writes over one keyset batch of row ids, on the physical tables from
 * `strapi.db.metadata`. One statement per batch (plus the link-table pair for relations); no
 * per-document loop. These bypass Document Service middlewares on purpose, so each helper re-states
 * the rules those middlewares enforce that matter for it (system account, account ownership).
 */
export const createSqlService = ({ strapi }: { strapi: Core.Strapi }) => {
  const meta = (uid: string) => strapi.db.metadata.get(uid) as any;
  const tenancy = () => strapi.plugin('tenancy').service('schema') as SchemaService;

  const column = (uid: string, attribute: string) => {
    const a = meta(uid).attributes[attribute];
    if (!a || a.type === 'relation') throw new Error(`${uid} has no scalar attribute ${attribute}`);
    return (a.columnName ?? attribute) as string;
  };

  /** Rows of the batch; for Draft & Publish types every row of the same documents (draft and published stay in step). */
  const rowsClause = (uid: string) =>
    meta(uid).attributes.publishedAt
      ? { sql: `document_id IN (SELECT document_id FROM ?? WHERE id = ANY(?::int[]))`, bindings: (ids: number[]) => [meta(uid).tableName, ids] }
      : { sql: `id = ANY(?::int[])`, bindings: (ids: number[]) => [ids] };

  const touch = (uid: string, adminUserId: number) => {
    const updatedBy = meta(uid).attributes.updatedBy?.joinColumn?.name as string | undefined;
    return { sql: `updated_at = now()${updatedBy ? `, ${updatedBy} = ?` : ''}`, bindings: updatedBy ? [adminUserId] : [] };
  };

  /** System rows (the IGNY8 system account) are never changed in bulk; they are reported instead. */
  const systemRows = async (trx: Knex, uid: string, ids: number[]): Promise<RowFailure[]> => {
    if (!meta(uid).attributes.isSystem) return [];
    const { rows } = await trx.raw(`SELECT id, document_id FROM ?? WHERE id = ANY(?::int[]) AND is_system IS TRUE`, [meta(uid).tableName, ids]);
    return rows.map((r: any) => ({ id: Number(r.id), documentId: r.document_id, reason: 'the system account is protected' }));
  };

  return {
    column,

    /** `UPDATE <table> SET <columns> WHERE <rows of the batch>`: status toggles, mark-as, field assignment. */
    async setColumns(args: { trx: Knex; uid: string; ids: number[]; values: Record<string, unknown>; adminUserId: number }): Promise<BatchOutcome> {
      const { trx, uid, ids, values, adminUserId } = args;
      const failures = await systemRows(trx, uid, ids);
      const excluded = new Set(failures.map((f) => f.id));
      const target = excluded.size ? ids.filter((id) => !excluded.has(id)) : ids;
      if (!target.length) return { changed: 0, failures };
      const sets = Object.keys(values).map((attribute) => `${column(uid, attribute)} = ?`);
      const t = touch(uid, adminUserId);
      const rows = rowsClause(uid);
      const result = await trx.raw(`UPDATE ?? SET ${[...sets, t.sql].join(', ')} WHERE ${rows.sql}`, [meta(uid).tableName, ...Object.values(values), ...t.bindings, ...rows.bindings(target)]);
      return { changed: result.rowCount ?? 0, failures };
    },

    /**
     * Rewrites a to-one relation for the batch in its link table (`<table>_<field>_lnk`): delete the
     * batch's link rows, insert one per row pointing at the target (appended to the target's order).
     * Rows of another account than the target's are refused and reported, never linked across accounts.
     */
    async assignToOne(args: { trx: Knex; uid: string; ids: number[]; field: string; targetId: number | null; adminUserId: number }): Promise<BatchOutcome> {
      const { trx, uid, ids, field, targetId, adminUserId } = args;
      const attribute = meta(uid).attributes[field];
      if (attribute?.type !== 'relation' || !['manyToOne', 'oneToOne'].includes(attribute.relation) || !attribute.joinTable) {
        throw new Error(`${uid}.${field} is not a to-one relation kept in a link table`);
      }
      const jt = attribute.joinTable;
      const own = jt.joinColumn.name as string;
      const other = jt.inverseJoinColumn.name as string;
      let failures: RowFailure[] = [];
      let target = ids;

      if (targetId !== null) {
        const source = tenancy().table(uid).link;
        const targetLink = tenancy().table(attribute.target).link;
        if (source && targetLink) {
          const { rows } = await trx.raw(
            `SELECT r.id, t.document_id FROM unnest(?::int[]) AS r(id)
               JOIN ?? t ON t.id = r.id
               LEFT JOIN ?? sl ON sl.?? = r.id
              WHERE sl.?? IS DISTINCT FROM (SELECT tl.?? FROM ?? tl WHERE tl.?? = ? LIMIT 1)`,
            [ids, meta(uid).tableName, source.table, source.ownerColumn, source.accountColumn, targetLink.accountColumn, targetLink.table, targetLink.ownerColumn, targetId]
          );
          failures = rows.map((r: any) => ({ id: Number(r.id), documentId: r.document_id, reason: `the ${field} belongs to another account` }));
          const refused = new Set(failures.map((f) => f.id));
          target = ids.filter((id) => !refused.has(id));
        }
      }
      if (!target.length) return { changed: 0, failures };

      await trx.raw(`DELETE FROM ?? WHERE ?? = ANY(?::int[])`, [jt.name, own, target]);
      if (targetId !== null) {
        const order = jt.inverseOrderColumnName as string | undefined;
        if (order) {
          await trx.raw(
            `INSERT INTO ?? (??, ??, ??)
             SELECT r.id, ?, COALESCE((SELECT max(??) FROM ?? WHERE ?? = ?), 0) + row_number() OVER (ORDER BY r.id)
               FROM unnest(?::int[]) AS r(id)`,
            [jt.name, own, other, order, targetId, order, jt.name, other, targetId, target]
          );
        } else {
          await trx.raw(`INSERT INTO ?? (??, ??) SELECT r.id, ? FROM unnest(?::int[]) AS r(id)`, [jt.name, own, other, targetId, target]);
        }
      }
      const t = touch(uid, adminUserId);
      const result = await trx.raw(`UPDATE ?? SET ${t.sql} WHERE id = ANY(?::int[])`, [meta(uid).tableName, ...t.bindings, target]);
      return { changed: result.rowCount ?? 0, failures };
    },

    /** Resolves a relation target by documentId to its row id; 400 naming the field when it is missing or in the trash. */
    async targetId(args: { uid: string; field: string; documentId: string }) {
      const attribute = meta(args.uid).attributes[args.field];
      const targetMeta = meta(attribute.target);
      const softDeleted = 'deletedAt' in targetMeta.attributes;
      const row = await strapi.db
        .connection(targetMeta.tableName)
        .select('id')
        .where({ document_id: args.documentId })
        .modify((q: any) => (softDeleted ? q.whereNull('deleted_at') : q))
        .first();
      if (!row) {
        throw new errors.ValidationError(`${args.field}: refers to a record that does not exist`, {
          errors: [{ path: ['params', args.field], message: 'refers to a record that does not exist', name: 'ValidationError' }],
        });
      }
      return Number(row.id);
    },
  };
};

export type SqlService = ReturnType<typeof createSqlService>;
