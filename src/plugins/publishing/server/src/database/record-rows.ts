import type { Core } from '@strapi/strapi';
import { newDocumentId } from '../../../../../lib/document-id';
import type { PlannedRecord } from '../domain/request-plan';
import { CONTENT_UID, UID } from '../utils/constants';

type Knex = Core.Strapi['db']['connection'];

/** Physical table, attribute→column names and the `account` link table of one of our types. */
export const physical = (strapi: Core.Strapi, uid: string) => {
  const meta = strapi.db.metadata.get(uid) as any;
  const col = (attribute: string) => (meta.attributes[attribute]?.columnName ?? attribute) as string;
  const jt = meta.attributes.account?.joinTable;
  return {
    table: meta.tableName as string,
    col,
    account: jt ? { table: jt.name as string, own: jt.joinColumn.name as string, other: jt.inverseJoinColumn.name as string, order: jt.inverseOrderColumnName as string | undefined, ownOrder: jt.orderColumnName as string | undefined } : undefined,
  };
};

/**
 * What the job statements (claim, settle) are built from: an identifier quoter and the physical names
 * of the record, integration and content tables.
 */
export const jobTables = (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  return {
    id: (name: string) => knex.raw('??', [name]).toQuery(),
    r: physical(strapi, UID.record),
    i: physical(strapi, UID.integration),
    c: physical(strapi, CONTENT_UID),
  };
};

/** Links new rows to their accounts in the type's `account` link table, in one statement. */
const linkAccounts = async (trx: Knex, p: ReturnType<typeof physical>, links: Array<{ id: number; accountId: number | null }>) => {
  const rows = links.filter((l) => l.accountId);
  if (!p.account || !rows.length) return;
  const { table, own, other, order, ownOrder } = p.account;
  // Appended to each account's order, as Strapi does when it creates one row at a time.
  const cols = [own, other, ...(ownOrder ? [ownOrder] : []), ...(order ? [order] : [])];
  const exprs = ['r.id', 'r.account', ...(ownOrder ? ['1'] : []), ...(order ? [`COALESCE((SELECT max(l.??) FROM ?? l WHERE l.?? = r.account), 0) + row_number() OVER (PARTITION BY r.account ORDER BY r.id)`] : [])];
  const bindings = order ? [order, table, other] : [];
  await trx.raw(
    `INSERT INTO ?? (${cols.map(() => '??').join(', ')}) SELECT ${exprs.join(', ')} FROM unnest(?::int[], ?::int[]) AS r(id, account)`,
    [table, ...cols, ...bindings, rows.map((r) => r.id), rows.map((r) => r.accountId)]
  );
};

/**
 * Inserts pending PublishingRecords for many contents in one statement (plus one for their account
 * links), in a transaction. A pair that already has a pending record is skipped by the partial unique
 * index (`ON CONFLICT DO NOTHING`), as is a reused idempotency key: the caller joins those.
 * Returns the ids of the rows inserted, keyed by `contentId:integrationId`.
 */
export const insertPendingRecords = async (
  strapi: Core.Strapi,
  rows: Array<PlannedRecord & { idempotencyKey: string; requestedBy: string }>
): Promise<Map<string, number>> => {
  const inserted = new Map<string, number>();
  if (!rows.length) return inserted;
  const p = physical(strapi, UID.record);
  const now = new Date();
  await strapi.db.connection.transaction(async (trx) => {
    const returned: Array<{ id: number; content_id: number; integration_id: number }> = await trx(p.table)
      .insert(
        rows.map((r) => ({
          [p.col('documentId')]: newDocumentId(),
          [p.col('contentId')]: r.contentId,
          [p.col('contentDocumentId')]: r.contentDocumentId,
          [p.col('siteId')]: r.siteId,
          [p.col('integrationId')]: r.integrationId,
          [p.col('action')]: r.action,
          [p.col('destination')]: 'wordpress',
          [p.col('status')]: 'pending',
          [p.col('idempotencyKey')]: r.idempotencyKey,
          [p.col('scheduledFor')]: r.scheduledFor,
          [p.col('attempts')]: 0,
          [p.col('requestedBy')]: r.requestedBy,
          [p.col('createdAt')]: now,
          [p.col('updatedAt')]: now,
        }))
      )
      .onConflict()
      .ignore()
      .returning(['id', p.col('contentId'), p.col('integrationId')]);
    const accountOf = new Map(rows.map((r) => [`${r.contentId}:${r.integrationId}`, r.accountId]));
    const links = returned.map((row: any) => {
      const key = `${row[p.col('contentId')]}:${row[p.col('integrationId')]}`;
      inserted.set(key, Number(row.id));
      return { id: Number(row.id), accountId: accountOf.get(key) ?? null };
    });
    await linkAccounts(trx, p, links);
  });
  return inserted;
};

/** One SyncEvent row and its account link in a single round trip (a CTE), for the publish job's hot path. */
export const insertSyncEvent = async (strapi: Core.Strapi, event: Record<string, unknown> & { accountId?: number | null }) => {
  const p = physical(strapi, UID.event);
  const { accountId, ...fields } = event;
  const now = new Date();
  const values: Record<string, unknown> = { [p.col('documentId')]: newDocumentId(), [p.col('createdAt')]: now, [p.col('updatedAt')]: now };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) values[p.col(k)] = k === 'details' && v !== null ? JSON.stringify(v) : v;
  const knex = strapi.db.connection;
  const insert = knex(p.table).insert(values).returning('id');
  if (!accountId || !p.account) return void (await insert);
  const { table, own, other, order, ownOrder } = p.account;
  const cols = [own, other, ...(ownOrder ? [ownOrder] : []), ...(order ? [order] : [])];
  const exprs = ['e.id', '?', ...(ownOrder ? ['1'] : []), ...(order ? ['COALESCE((SELECT max(l.??) FROM ?? l WHERE l.?? = ?), 0) + 1'] : [])];
  const bindings = [accountId, ...(order ? [order, table, other, accountId] : [])];
  const sql = insert.toSQL();
  await knex.raw(`WITH e AS (${sql.sql}) INSERT INTO ?? (${cols.map(() => '??').join(', ')}) SELECT ${exprs.join(', ')} FROM e`, [...sql.bindings, table, ...cols, ...bindings]);
};
