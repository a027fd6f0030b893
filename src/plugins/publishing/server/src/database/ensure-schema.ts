import type { Core } from '@strapi/strapi';

/**
 * The exactly-once state of each (integration, content) pair lives in a plain table written by single
 * SQL statements: the remote post id, whether a create was sent (outcome possibly unknown), and a
 * lease so two deliveries of the same job never publish the same content at once. Media uploads are
 * remembered per (integration, image) so an image is uploaded once per site. Idempotent; every boot.
 */
const DDL = [
  `CREATE TABLE IF NOT EXISTS publishing_posts (
     integration_id integer NOT NULL,
     content_id integer NOT NULL,
     remote_post_id bigint,
     remote_url text,
     create_started_at timestamptz,
     lease_token varchar(64),
     lease_until timestamptz,
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (integration_id, content_id)
   )`,
  // The lease token of the attempt that marked the create as started: another token means an earlier
  // attempt may have sent it (search the site before creating); the claim marks and tells in one statement.
  `ALTER TABLE publishing_posts ADD COLUMN IF NOT EXISTS create_started_by varchar(64)`,
  `CREATE TABLE IF NOT EXISTS publishing_media (
     integration_id integer NOT NULL,
     image_id integer NOT NULL,
     media_id bigint NOT NULL,
     source_url text,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (integration_id, image_id)
   )`,
  // At most one open request per content and site: a second publish click joins the first.
  `CREATE UNIQUE INDEX IF NOT EXISTS publishing_records_one_pending ON publishing_records (content_id, integration_id) WHERE status = 'pending'`,
  // Strapi checks `unique` in the application only; concurrent requests with one key need the database to.
  `CREATE UNIQUE INDEX IF NOT EXISTS publishing_records_idempotency_key ON publishing_records (idempotency_key)`,
  `CREATE INDEX IF NOT EXISTS publishing_records_status ON publishing_records (status, id)`,
  `CREATE INDEX IF NOT EXISTS publishing_sync_events_integration ON publishing_sync_events (integration_id, id DESC)`,
];

export const ensureSchema = async (strapi: Core.Strapi) => {
  for (const sql of DDL) await strapi.db.connection.raw(sql);
};
