import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { columnsOf } from '../utils/rows';
import { newDocumentId } from '../../../../../lib/document-id';
import { ident, runNamed } from '../utils/statement';

export interface RawPart {
  sql: string;
  bindings: unknown[];
}

/** Whether writes to `uid` must go through lifecycles (the audit plugin records them there). */
export const hasLifecycleReaders = (strapi: Core.Strapi, uid: string) => ((strapi.config.get('plugin::audit.contentTypes') as string[] | undefined) ?? []).includes(uid);

/**
 * Inserts `records` of `uid` and their to-one relation links in ONE statement (a data-modifying CTE),
 * with what the Document Service would write for a new document of a type without Draft & Publish:
 * a fresh `documentId` (Strapi's shape, `newDocumentId`), attribute defaults,
 * `createdAt` = `updatedAt` = `publishedAt` = now, `locale` null, and one link row per set relation in
 * Strapi 5's link tables. `also` are further data-modifying CTEs run in the same statement (e.g. the
 * task status). The Query Engine needs an insert, one insert per relation and a re-read per record.
 * Lifecycles do not run: callers fall back to the Query Engine for types someone listens to
 * (`hasLifecycleReaders`). Returns `{ id, documentId }` in the order of `records`.
 */
export const insertWithLinks = async (
  strapi: Core.Strapi,
  trx: Knex | Knex.Transaction,
  uid: string,
  records: Array<{ data: Record<string, unknown>; links: Record<string, number | null> }>,
  also: RawPart[] = []
): Promise<Array<{ id: number; documentId: string }>> => {
  const { ctes, bindings, documentIds, documentIdColumn } = insertWithLinksParts(strapi, uid, records);
  also.forEach((part, i) => {
    ctes.push(`x${i} AS (${part.sql})`);
    bindings.push(...part.bindings);
  });
  const { rows: inserted } = await runNamed(trx, `WITH ${ctes.join(', ')} SELECT id, ${documentIdColumn} AS document_id FROM ins`, bindings);
  const byDocument = new Map<string, number>(inserted.map((r: any) => [r.document_id, Number(r.id)]));
  return documentIds.map((documentId) => ({ id: byDocument.get(documentId)!, documentId }));
};

/**
 * The CTEs of `insertWithLinks` for a caller's own statement: `ins` (id and documentId of the new
 * rows, in the order of `records`) and one link insert per relation. With `when` (a SQL condition
 * on the statement's other CTEs, e.g. `EXISTS (SELECT 1 FROM chk)`), nothing is inserted unless it
 * holds: each row is then its own `INSERT … SELECT … WHERE when` (a VALUES list cannot carry a
 * condition, and in a one-row SELECT PostgreSQL still types the parameters from the target columns).
 */
export const insertWithLinksParts = (
  strapi: Core.Strapi,
  uid: string,
  records: Array<{ data: Record<string, unknown>; links: Record<string, number | null> }>,
  { when }: { when?: string } = {}
) => {
  const meta = strapi.db.metadata.get(uid as any) as any;
  const columns = columnsOf(strapi, uid);
  const now = new Date();
  const rows = records.map(({ data }) => {
    const full: Record<string, unknown> = { ...data };
    for (const [name, attribute] of Object.entries<any>(meta.attributes)) {
      if (attribute.type === 'relation' || full[name] !== undefined || attribute.default === undefined) continue;
      if (name === 'documentId') full[name] = newDocumentId();
      else full[name] = typeof attribute.default === 'function' ? attribute.default() : attribute.default;
    }
    Object.assign(full, { createdAt: now, updatedAt: now });
    if (meta.attributes.publishedAt) full.publishedAt = now;
    return columns.toRow(full);
  });
  const documentIds = rows.map((row) => row[columns.column('documentId')] as string);
  // Hand-built text (fixed per shape, so it runs as a named prepared statement; knex's builder costs more than the rest of the save).
  const bindings: unknown[] = [];
  const documentId = ident(columns.column('documentId'));
  const ctes: string[] = [];
  if (when) {
    rows.forEach((row, i) => {
      const names = Object.keys(row);
      bindings.push(...Object.values(row));
      ctes.push(`${rows.length === 1 ? 'ins' : `ins${i}`} AS (INSERT INTO ${ident(columns.table)} (${names.map(ident).join(', ')}) SELECT ${names.map(() => '?').join(', ')} WHERE ${when} RETURNING id, ${documentId})`);
    });
    if (rows.length > 1) ctes.push(`ins AS (${rows.map((_, i) => `SELECT * FROM ins${i}`).join(' UNION ALL ')})`);
  } else {
    const names = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    const values = rows.map((row) => `(${names.map((name) => (name in row ? (bindings.push(row[name]), '?') : 'DEFAULT')).join(', ')})`);
    ctes.push(`ins AS (INSERT INTO ${ident(columns.table)} (${names.map(ident).join(', ')}) VALUES ${values.join(', ')} RETURNING id, ${documentId})`);
  }
  const relationNames = [...new Set(records.flatMap((r) => Object.keys(r.links)))];
  relationNames.forEach((name, i) => {
    const link = meta.attributes[name]?.joinTable;
    if (!link || link.orderColumnName || link.inverseOrderColumnName) throw new Error(`${uid}.${name} is not a plain to-one link`);
    ctes.push(
      `l${i} AS (INSERT INTO ${ident(link.name)} (${ident(link.joinColumn.name)}, ${ident(link.inverseJoinColumn.name)}) ` +
        `SELECT ins.id, v.ref FROM ins JOIN unnest(?::text[], ?::integer[]) AS v(doc, ref) ON v.doc = ins.${documentId} WHERE v.ref IS NOT NULL)`
    );
    bindings.push(documentIds, records.map((r) => r.links[name] ?? null));
  });
  return { ctes, bindings, documentIds, documentIdColumn: documentId };
};
