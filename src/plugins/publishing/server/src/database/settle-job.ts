import type { Core } from '@strapi/strapi';
import type { Lease } from '../services/post-state';
import { UID } from '../utils/constants';
import { newDocumentId } from '../../../../../lib/document-id';
import { jobTables, physical } from './record-rows';

export interface SettleArgs {
  lease: Lease;
  recordId: number;
  action: 'publish' | 'update' | 'unpublish';
  accountId: number | null;
  attempt: number;
  durationMs: number;
  postId: number;
  /** The post's link as WordPress answered it (record, content). */
  url: string | null;
  /** The link remembered for the pair (unpublish keeps the published one). */
  remoteUrl: string | null;
  details: Record<string, unknown>;
  /** Rewrite the integration's lastSyncAt / connectionStatus / lastError (only when stale or changed). */
  touchIntegration: boolean;
}

const sqlCache = new WeakMap<object, Map<string, string>>();

const settleSql = (strapi: Core.Strapi, unpublish: boolean, touch: boolean) => {
  const key = `${unpublish}:${touch}`;
  const cache = sqlCache.get(strapi) ?? new Map<string, string>();
  sqlCache.set(strapi, cache);
  const cached = cache.get(key);
  if (cached) return cached;
  const { id, r, i, c } = jobTables(strapi);
  const e = physical(strapi, UID.event);
  const set = (p: ReturnType<typeof physical>, pairs: Array<[string, string]>) => pairs.map(([a, v]) => `${id(p.col(a))} = ${v}`).join(', ');
  const eventCols: Array<[string, string]> = [
    ['documentId', '?::text'],
    ['integrationId', '?::int'],
    ['recordId', '?::int'],
    ['contentId', '?::int'],
    ['action', '?::text'],
    ['success', 'true'],
    ['durationMs', '?::int'],
    ['attempt', '?::int'],
    ['details', '?::jsonb'],
    ['createdAt', 'now()'],
    ['updatedAt', 'now()'],
  ];
  let eventLink = '';
  if (e.account) {
    const { table, own, other, order, ownOrder } = e.account;
    const cols = [own, other, ...(ownOrder ? [ownOrder] : []), ...(order ? [order] : [])].map(id).join(', ');
    // Appended to the account's order, as Strapi does when it creates one row at a time.
    const exprs = ['ev.id', 'a.account_id', ...(ownOrder ? ['1'] : []), ...(order ? [`COALESCE((SELECT max(x.${id(order)}) FROM ${id(table)} x WHERE x.${id(other)} = a.account_id), 0) + 1`] : [])];
    eventLink = `, evl AS (
  INSERT INTO ${id(table)} (${cols}) SELECT ${exprs.join(', ')} FROM ev, (SELECT ?::int AS account_id) a WHERE a.account_id IS NOT NULL
)`;
  }
  const contentSet: Array<[string, string]> = unpublish
    ? [['publishingStatus', `'not_published'`]]
    : [['publishingStatus', `'published'`], ['externalId', '?::text'], ['externalUrl', '?::text']];
  const sql = `
WITH fin AS (
  UPDATE publishing_posts
     SET remote_post_id = ?::bigint, remote_url = ?::text, create_started_at = NULL, lease_token = NULL, lease_until = NULL, updated_at = now()
   WHERE integration_id = ? AND content_id = ? AND lease_token = ?
  RETURNING 1
), content AS (
  UPDATE ${id(c.table)} SET ${set(c, contentSet)} WHERE id = ? AND EXISTS (SELECT 1 FROM fin) RETURNING 1
), ev AS (
  INSERT INTO ${id(e.table)} (${eventCols.map(([a]) => id(e.col(a))).join(', ')})
  SELECT ${eventCols.map(([, v]) => v).join(', ')} WHERE EXISTS (SELECT 1 FROM fin)
  RETURNING id
)${eventLink}, rec AS (
  UPDATE ${id(r.table)}
     SET ${set(r, [['status', '?::text'], ['externalId', '?::text'], ['externalUrl', '?::text'], ['publishedAt', 'now()'], ['attempts', '?::int'], ['error', 'NULL'], ['updatedAt', 'now()']])}
   WHERE id = ? AND ${id(r.col('status'))} = 'pending' AND EXISTS (SELECT 1 FROM fin)
  RETURNING 1
)${
    touch
      ? `, integ AS (
  UPDATE ${id(i.table)} SET ${set(i, [['lastSyncAt', 'now()'], ['connectionStatus', `'connected'`], ['lastError', 'NULL']])}
   WHERE id = ? AND EXISTS (SELECT 1 FROM fin)
)`
      : ''
  }
SELECT (SELECT count(*) FROM fin)::int AS finished, (SELECT count(*) FROM rec)::int AS settled`;
  cache.set(key, sql);
  return sql;
};

/**
 * A successful attempt's whole outcome in one statement: the pair's remote id with the lease given up,
 * the content's status and remote id/url, the SyncEvent and its account link, the record, and (when
 * stale) the integration's lastSyncAt. Every part is conditioned on still holding the lease, so an
 * attempt whose lease was taken over writes nothing (and `finished` is 0). One statement is one
 * transaction: whoever sees the record settled sees the rest.
 */
export const settleJob = async (strapi: Core.Strapi, a: SettleArgs): Promise<{ finished: boolean; settled: boolean }> => {
  const unpublish = a.action === 'unpublish';
  const postId = String(a.postId);
  const bindings: unknown[] = [postId, a.remoteUrl, a.lease.integrationId, a.lease.contentId, a.lease.token];
  if (!unpublish) bindings.push(postId, a.url);
  bindings.push(a.lease.contentId);
  bindings.push(newDocumentId(), a.lease.integrationId, a.recordId, a.lease.contentId, a.action, a.durationMs, a.attempt, JSON.stringify(a.details));
  if ((physical(strapi, UID.event) as any).account) bindings.push(a.accountId);
  bindings.push(unpublish ? 'retracted' : 'published', postId, a.url, a.attempt, a.recordId);
  if (a.touchIntegration) bindings.push(a.lease.integrationId);
  const { rows } = await strapi.db.connection.raw(settleSql(strapi, unpublish, a.touchIntegration), bindings);
  return { finished: rows[0].finished === 1, settled: rows[0].settled === 1 };
};
