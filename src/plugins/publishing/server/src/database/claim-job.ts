import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Lease, PostState } from '../services/post-state';
import { CONTENT_UID } from '../utils/constants';
import { jobTables } from './record-rows';

export interface JobRecord {
  id: number;
  status: string;
  action: 'publish' | 'update' | 'unpublish';
  contentId: number;
  integrationId: number;
  accountId: number | null;
}

export interface JobIntegration {
  id: number;
  baseUrl: string;
  username: string;
  credentials: { ciphertext?: string } | null;
  isActive: boolean;
  connectionStatus: string | null;
  lastSyncAt: Date | null;
  lastError: string | null;
}

export interface JobContent {
  id: number;
  documentId: string;
  title: string;
  slug: string | null;
  html: string | null;
  excerpt: string | null;
  scheduledAt: Date | null;
  deletedAt: Date | null;
  /** Whether any taxonomy / image is linked: only then does the job load them (through the Query Engine). */
  hasTaxonomies: boolean;
  hasImages: boolean;
}

export interface ClaimedJob {
  record: JobRecord;
  integration: JobIntegration | null;
  content: JobContent | null;
  /** Null when the record is not pending, the site is disconnected, the content is gone, or another attempt holds the lease. */
  lease: Lease | null;
}

const sqlCache = new WeakMap<object, string>();

// Strapi's PostgreSQL dialect turns the driver's JSON parsing off (its json field type parses), so raw
// queries get json columns as text.
const parseJson = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? null));

/**
 * The statement, built once per process from Strapi's metadata (table, column and link-table names).
 * CTEs: the record with its account, the integration, the content with "has taxonomies / images" flags,
 * and the lease on the (integration, content) pair, taken only when the record is pending, the site
 * connected and the content there: the job needs nothing else before talking to WordPress. A publish
 * with no remote post yet also marks its create as started (see publisher: `create_started_by`).
 */
const claimSql = (strapi: Core.Strapi) => {
  const cached = sqlCache.get(strapi);
  if (cached) return cached;
  const { id, r, i, c } = jobTables(strapi);
  const contentMeta = strapi.db.metadata.get(CONTENT_UID) as any;
  const linkOf = (attribute: string) => {
    const jt = contentMeta.attributes[attribute]?.joinTable;
    if (!jt) throw new Error(`publishing: ${CONTENT_UID}.${attribute} has no link table`);
    return { table: id(jt.name), column: id(jt.joinColumn.name) };
  };
  const tax = linkOf('taxonomies');
  const img = linkOf('images');
  const account = r.account
    ? { join: `LEFT JOIN ${id(r.account.table)} l ON l.${id(r.account.own)} = r.id`, column: `l.${id(r.account.other)}` }
    : { join: '', column: 'NULL::int' };
  const rc = (a: string) => `r.${id(r.col(a))}`;
  const ic = (a: string) => `i.${id(i.col(a))}`;
  const cc = (a: string) => `c.${id(c.col(a))}`;
  const sql = `
WITH r AS (
  SELECT r.id, ${rc('status')} AS status, ${rc('action')} AS action, ${rc('contentId')} AS content_id,
         ${rc('integrationId')} AS integration_id, ${account.column} AS account_id
    FROM ${id(r.table)} r ${account.join}
   WHERE r.id = ? LIMIT 1
), i AS (
  SELECT i.id, ${ic('baseUrl')} AS base_url, ${ic('username')} AS username, ${ic('credentials')} AS credentials,
         ${ic('isActive')} AS is_active, ${ic('connectionStatus')} AS connection_status,
         ${ic('lastSyncAt')} AS last_sync_at, ${ic('lastError')} AS last_error
    FROM ${id(i.table)} i WHERE i.id = (SELECT integration_id FROM r)
), c AS (
  SELECT c.id, ${cc('documentId')} AS document_id, ${cc('title')} AS title, ${cc('slug')} AS slug, ${cc('html')} AS html,
         ${cc('excerpt')} AS excerpt, ${cc('scheduledAt')} AS scheduled_at, ${cc('deletedAt')} AS deleted_at,
         EXISTS (SELECT 1 FROM ${tax.table} t WHERE t.${tax.column} = c.id) AS has_taxonomies,
         EXISTS (SELECT 1 FROM ${img.table} m WHERE m.${img.column} = c.id) AS has_images
    FROM ${id(c.table)} c WHERE c.id = (SELECT content_id FROM r)
), lease AS (
  INSERT INTO publishing_posts (integration_id, content_id, lease_token, lease_until, create_started_at, create_started_by)
  SELECT r.integration_id, r.content_id, t.token, now() + (? || ' milliseconds')::interval,
         CASE WHEN r.action <> 'unpublish' THEN now() END, CASE WHEN r.action <> 'unpublish' THEN t.token END
    FROM r JOIN i ON i.id = r.integration_id JOIN c ON c.id = r.content_id, (SELECT ?::varchar AS token) t
   WHERE r.status = 'pending' AND i.is_active AND i.credentials->>'ciphertext' IS NOT NULL AND c.deleted_at IS NULL
  ON CONFLICT (integration_id, content_id) DO UPDATE
    SET lease_token = EXCLUDED.lease_token, lease_until = EXCLUDED.lease_until, updated_at = now(),
        -- No remote post yet: this attempt may create one, so the create counts as started from here
        -- unless an earlier attempt started one (then create_started_by stays that attempt's token).
        create_started_by = CASE WHEN publishing_posts.remote_post_id IS NULL AND publishing_posts.create_started_at IS NULL
                                 THEN EXCLUDED.create_started_by ELSE publishing_posts.create_started_by END,
        create_started_at = CASE WHEN publishing_posts.remote_post_id IS NULL
                                 THEN COALESCE(publishing_posts.create_started_at, EXCLUDED.create_started_at) ELSE publishing_posts.create_started_at END
    WHERE publishing_posts.lease_until IS NULL OR publishing_posts.lease_until < now()
  RETURNING *
)
SELECT r.*,
       i.id AS i_id, i.base_url AS i_base_url, i.username AS i_username, i.credentials AS i_credentials, i.is_active AS i_is_active,
       i.connection_status AS i_connection_status, i.last_sync_at AS i_last_sync_at, i.last_error AS i_last_error,
       c.id AS c_id, c.document_id AS c_document_id, c.title AS c_title, c.slug AS c_slug, c.html AS c_html, c.excerpt AS c_excerpt,
       c.scheduled_at AS c_scheduled_at, c.deleted_at AS c_deleted_at, c.has_taxonomies AS c_has_taxonomies, c.has_images AS c_has_images,
       lease.lease_token AS p_lease_token, lease.remote_post_id AS p_remote_post_id, lease.remote_url AS p_remote_url,
       lease.create_started_at AS p_create_started_at, lease.create_started_by AS p_create_started_by
  FROM r LEFT JOIN i ON true LEFT JOIN c ON true LEFT JOIN lease ON true`;
  sqlCache.set(strapi, sql);
  return sql;
};

/**
 * Everything the publish job reads, and its lease, in one statement (it used to take five to seven
 * through the Query Engine). Undefined when the record does not exist.
 */
export const claimJob = async (strapi: Core.Strapi, recordId: number): Promise<ClaimedJob | undefined> => {
  const token = randomUUID();
  const leaseMs = strapi.config.get('plugin::publishing.leaseMs') as number;
  const { rows } = await strapi.db.connection.raw(claimSql(strapi), [recordId, leaseMs, token]);
  const row = rows[0];
  if (!row) return undefined;
  const record: JobRecord = {
    id: Number(row.id),
    status: row.status,
    action: row.action,
    contentId: Number(row.content_id),
    integrationId: Number(row.integration_id),
    accountId: row.account_id == null ? null : Number(row.account_id),
  };
  const integration: JobIntegration | null =
    row.i_id == null
      ? null
      : {
          id: Number(row.i_id),
          baseUrl: row.i_base_url,
          username: row.i_username,
          credentials: parseJson(row.i_credentials),
          isActive: Boolean(row.i_is_active),
          connectionStatus: row.i_connection_status,
          lastSyncAt: row.i_last_sync_at,
          lastError: row.i_last_error,
        };
  const content: JobContent | null =
    row.c_id == null
      ? null
      : {
          id: Number(row.c_id),
          documentId: row.c_document_id,
          title: row.c_title,
          slug: row.c_slug,
          html: row.c_html,
          excerpt: row.c_excerpt,
          scheduledAt: row.c_scheduled_at,
          deletedAt: row.c_deleted_at,
          hasTaxonomies: Boolean(row.c_has_taxonomies),
          hasImages: Boolean(row.c_has_images),
        };
  let lease: Lease | null = null;
  if (row.p_lease_token === token) {
    const state: PostState = {
      integration_id: record.integrationId,
      content_id: record.contentId,
      remote_post_id: row.p_remote_post_id == null ? null : String(row.p_remote_post_id),
      remote_url: row.p_remote_url,
      create_started_at: row.p_create_started_at,
      create_started_by: row.p_create_started_by,
      lease_token: token,
    };
    lease = { integrationId: record.integrationId, contentId: record.contentId, token, state, renewedAt: Date.now() };
  }
  return { record, integration, content, lease };
};
