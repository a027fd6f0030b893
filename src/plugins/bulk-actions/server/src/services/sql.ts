import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SchemaService } from '../../../../tenancy/server/src/services/schema';
import { getAuditService } from '../../../../audit/server/src/utils/get-service';
import { effectiveUniqueWithinRules } from '../../../../tenancy/server/src/domain/unique-within';
import type { SoftDeleteService } from '../../../../soft-delete/server/src/services/soft-delete';
import type { BatchOutcome, RowFailure } from '../domain/types';
import { uniqueTwinsQuery, type TwinRule } from '../domain/unique-twins';

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

  /**
   * Whether the type keeps a draft and a published row per document. Not `attributes.publishedAt`:
   * Strapi 5 gives every content type that column (types without Draft & Publish keep one row, always
   * published), and testing it sent every type down the per-document and unfused paths.
   */
  const draftAndPublish = (uid: string) => (strapi.getModel(uid as any) as any)?.options?.draftAndPublish === true;

  /** Rows of the batch; for Draft & Publish types every row of the same documents (draft and published stay in step). */
  const rowsClause = (uid: string) =>
    draftAndPublish(uid)
      ? { sql: `document_id IN (SELECT document_id FROM ?? WHERE id = ANY(?::int[]))`, bindings: (ids: number[]) => [meta(uid).tableName, ids] }
      : { sql: `id = ANY(?::int[])`, bindings: (ids: number[]) => [ids] };

  const touch = (uid: string, adminUserId: number) => {
    const updatedBy = meta(uid).attributes.updatedBy?.joinColumn?.name as string | undefined;
    return { sql: `updated_at = now()${updatedBy ? `, ${updatedBy} = ?` : ''}`, bindings: updatedBy ? [adminUserId] : [] };
  };

  const audited = (uid: string) => ((strapi.config.get('plugin::audit.contentTypes') as string[] | undefined) ?? []).includes(uid);

  /** Audited types (accounts, plans...): the rows of the batch as the diff needs them (every row of a D&P document). */
  const auditRows = async (uid: string, ids: number[]) => {
    const { fields } = getAuditService(strapi, 'capture').fieldsOf(uid);
    const where = draftAndPublish(uid) ? { documentId: { $in: (await strapi.db.query(uid as any).findMany({ where: { id: { $in: ids } }, select: ['documentId'] } as any)).map((r: any) => r.documentId) } } : { id: { $in: ids } };
    return (await strapi.db.query(uid as any).findMany({ where, select: ['id', 'documentId', ...fields] } as any)) as any[];
  };

  /** System rows (the IGNY8 system account) are never changed in bulk; they are reported instead. */
  const systemRows = async (trx: Knex, uid: string, ids: number[]): Promise<RowFailure[]> => {
    if (!meta(uid).attributes.isSystem) return [];
    const { rows } = await trx.raw(`SELECT id, document_id FROM ?? WHERE id = ANY(?::int[]) AND is_system IS TRUE`, [meta(uid).tableName, ids]);
    return rows.map((r: any) => ({ id: Number(r.id), documentId: r.document_id, reason: 'the system account is protected' }));
  };

  /** Tenancy's unique-within rules in physical names; a scope that is not a link-table relation cannot be checked in SQL. */
  const twinRules = (uid: string): Array<TwinRule & { field: string; within: string }> =>
    effectiveUniqueWithinRules(strapi.getModel(uid as any) as any).map((rule) => ({
      field: rule.field,
      within: rule.scope.join(' and '),
      table: meta(uid).tableName,
      valueColumn: column(uid, rule.field),
      deletedAtColumn: column(uid, 'deletedAt'),
      scopes: rule.scope.map((field) => {
        const jt = meta(uid).attributes[field]?.joinTable;
        if (!jt) throw new Error(`${uid}: uniqueWithin scope ${field} is not a relation kept in a link table`);
        return { table: jt.name as string, ownColumn: jt.joinColumn.name as string, targetColumn: jt.inverseJoinColumn.name as string };
      }),
    }));

  /** Rows of a restore batch whose unique twin is live (or comes back earlier in the same batch). */
  const liveTwins = async (trx: Knex, uid: string, ids: number[]): Promise<RowFailure[]> => {
    const failures = new Map<number, RowFailure>();
    for (const rule of twinRules(uid)) {
      const q = uniqueTwinsQuery(rule, ids);
      const { rows } = await trx.raw(q.sql, q.bindings);
      for (const r of rows) {
        const id = Number(r.id);
        if (!failures.has(id)) failures.set(id, { id, documentId: r.document_id, reason: `${rule.field}: "${r.v}" already exists (live) for this ${rule.within || 'type'}` });
      }
    }
    return [...failures.values()];
  };

  /**
   * Splits a batch into rows of the same account as the relation target and the others (refused and
   * reported), so a relation never links two accounts. Types without an account link pass through.
   */
  const sameAccount = async (trx: Knex, uid: string, ids: number[], field: string, targetUid: string, targetId: number) => {
    const source = tenancy().table(uid).link;
    const targetLink = tenancy().table(targetUid).link;
    if (!source || !targetLink) return { failures: [] as RowFailure[], target: ids };
    const { rows } = await trx.raw(
      `SELECT r.id, t.document_id FROM unnest(?::int[]) AS r(id)
         JOIN ?? t ON t.id = r.id
         LEFT JOIN ?? sl ON sl.?? = r.id
        WHERE sl.?? IS DISTINCT FROM (SELECT tl.?? FROM ?? tl WHERE tl.?? = ? LIMIT 1)`,
      [ids, meta(uid).tableName, source.table, source.ownerColumn, source.accountColumn, targetLink.accountColumn, targetLink.table, targetLink.ownerColumn, targetId]
    );
    const failures: RowFailure[] = rows.map((r: any) => ({ id: Number(r.id), documentId: r.document_id, reason: `the ${field} belongs to another account` }));
    const refused = new Set(failures.map((f) => f.id));
    return { failures, target: ids.filter((id) => !refused.has(id)) };
  };

  return {
    column,
    liveTwins,
    sameAccount,

    /** Whether `setColumnsBatch` may replace the handler for this type: no rule a per-batch handler re-states applies. */
    fusable: (uid: string) => !meta(uid).attributes.isSystem && !draftAndPublish(uid) && !audited(uid),

    /**
     * The fused path, one statement per batch: takes the next keyset page of the selection (`where`, ids
     * above `after`, up to `limit`), sets `values` on it, adds the batch's counts to the run's progress row
     * and reads its cancel flag. A single statement is its own transaction; no lock outlives it.
     * The page's ids reach the UPDATE as an array (`id = ANY(ARRAY(...))`: one primary-key probe per row),
     * not as a join: joined, PostgreSQL hashes the whole table on every batch (a sequential scan of every
     * row, spilling past work_mem), which made the toggle cost about 1.3x the plain UPDATE's CPU.
     */
    async setColumnsBatch(args: { uid: string; where: Record<string, unknown>; after: number; limit: number; values: Record<string, unknown>; adminUserId: number; runId: number }) {
      const { uid, where, after, limit, values, adminUserId, runId } = args;
      // The Query Engine's SQL for the selection, without order or limit: with them, a filter through a
      // relation (a join, so DISTINCT) selects the order column a second time, and `id` becomes ambiguous.
      const selected = (strapi.db as any).queryBuilder(uid).select('id').where({ $and: [where, { id: { $gt: after } }] }).getKnexQuery();
      const sets = Object.keys(values).map((attribute) => `${column(uid, attribute)} = ?`);
      const t = touch(uid, adminUserId);
      const { rows } = await strapi.db.connection.raw(
        `WITH b AS (SELECT s.id FROM (?) AS s ORDER BY s.id LIMIT ?),
              u AS (UPDATE ?? AS tgt SET ${[...sets, t.sql].join(', ')} WHERE tgt.id = ANY(ARRAY(SELECT id FROM b)) RETURNING 1),
              p AS (UPDATE bulk_action_runs SET processed = processed + (SELECT count(*) FROM b), changed = changed + (SELECT count(*) FROM u) WHERE id = ? RETURNING cancel_requested)
         SELECT (SELECT count(*) FROM b)::int AS n, (SELECT max(id) FROM b)::int AS last, (SELECT count(*) FROM u)::int AS changed, (SELECT cancel_requested FROM p) AS cancel`,
        [selected, limit, meta(uid).tableName, ...Object.values(values), ...t.bindings, runId]
      );
      const r = rows[0];
      return { ids: Number(r.n), last: r.last === null ? after : Number(r.last), changed: Number(r.changed), cancel: r.cancel === true };
    },

    /**
     * Adds one target to a to-many relation for the batch (content taxonomies): one INSERT of the link
     * rows that do not exist yet, appended to each row's order; existing links are kept. Rows of another
     * account than the target's are refused and reported.
     */
    async addToMany(args: { trx: Knex; uid: string; ids: number[]; field: string; targetId: number; adminUserId: number }): Promise<BatchOutcome> {
      const { trx, uid, ids, field, targetId, adminUserId } = args;
      const attribute = meta(uid).attributes[field];
      if (attribute?.type !== 'relation' || !['manyToMany', 'oneToMany'].includes(attribute.relation) || !attribute.joinTable) {
        throw new Error(`${uid}.${field} is not a to-many relation kept in a link table`);
      }
      const jt = attribute.joinTable;
      const own = jt.joinColumn.name as string;
      const other = jt.inverseJoinColumn.name as string;
      const { failures, target } = await sameAccount(trx, uid, ids, field, attribute.target, targetId);
      if (!target.length) return { changed: 0, failures };
      const orders = [jt.orderColumnName, jt.inverseOrderColumnName].filter(Boolean) as string[];
      const orderSql = orders.map((col) => `, COALESCE((SELECT max(??) FROM ?? x WHERE x.?? = ${col === jt.orderColumnName ? 'r.id' : '?'}), 0) + ${col === jt.orderColumnName ? '1' : 'row_number() OVER (ORDER BY r.id)'}`).join('');
      const orderBindings = orders.flatMap((col) => (col === jt.orderColumnName ? [col, jt.name, own] : [col, jt.name, other, targetId]));
      const inserted = await trx.raw(
        `INSERT INTO ?? (??, ??${orders.map(() => ', ??').join('')})
         SELECT r.id, ?::int${orderSql} FROM unnest(?::int[]) AS r(id)
          WHERE NOT EXISTS (SELECT 1 FROM ?? e WHERE e.?? = r.id AND e.?? = ?)`,
        [jt.name, own, other, ...orders, targetId, ...orderBindings, target, jt.name, own, other, targetId]
      );
      const t = touch(uid, adminUserId);
      if (inserted.rowCount) await trx.raw(`UPDATE ?? SET ${t.sql} WHERE id = ANY(?::int[])`, [meta(uid).tableName, ...t.bindings, target]);
      return { changed: inserted.rowCount ?? 0, failures };
    },

    /**
     * Restore from the trash in SQL with the rules a single restore has: rows whose unique-within twin
     * is live are refused and reported (the first of several trashed twins comes back), every soft-delete
     * restore guard runs per document in the batch's transaction (a veto is reported for that row), then
     * one UPDATE clears the stamp of the rest.
     */
    async restore(args: { trx: Knex; uid: string; ids: number[]; adminUserId: number }): Promise<BatchOutcome> {
      const { trx, uid, ids, adminUserId } = args;
      const failures = await liveTwins(trx, uid, ids);
      const refused = new Set(failures.map((f) => f.id));
      let target = ids.filter((id) => !refused.has(id));
      const softDelete = strapi.plugin('soft-delete').service('soft-delete') as SoftDeleteService;
      if (target.length && softDelete.hasRestoreGuards()) {
        const { rows } = await trx.raw(`SELECT id, document_id FROM ?? WHERE id = ANY(?::int[]) ORDER BY id`, [meta(uid).tableName, target]);
        for (const row of rows) {
          try {
            await softDelete.runRestoreGuards({ uid, documentId: row.document_id, trx });
          } catch (error) {
            failures.push({ id: Number(row.id), documentId: row.document_id, reason: (error as Error).message });
            refused.add(Number(row.id));
          }
        }
        target = target.filter((id) => !refused.has(id));
      }
      if (!target.length) return { changed: 0, failures };
      const outcome = await this.setColumns({ trx, uid, ids: target, values: { deletedAt: null }, adminUserId });
      return { changed: outcome.changed, failures: [...failures, ...(outcome.failures ?? [])] };
    },

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
      // Set-based writes skip lifecycles: on audited types, record each row's diff in the same transaction.
      const before = audited(uid) ? await auditRows(uid, target) : null;
      const result = await trx.raw(`UPDATE ?? SET ${[...sets, t.sql].join(', ')} WHERE ${rows.sql}`, [meta(uid).tableName, ...Object.values(values), ...t.bindings, ...rows.bindings(target)]);
      if (before) {
        const after = new Map((await auditRows(uid, target)).map((r) => [Number(r.id), r]));
        const audit = getAuditService(strapi, 'capture');
        await getAuditService(strapi, 'trail').record(audit.diffEntries(uid, 'update', before.map((b) => ({ before: b, after: after.get(Number(b.id)) ?? null }))), trx);
      }
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
      const { failures, target } = targetId === null ? { failures: [] as RowFailure[], target: ids } : await sameAccount(trx, uid, ids, field, attribute.target, targetId);
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
