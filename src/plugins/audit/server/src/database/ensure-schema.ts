import type { Core } from '@strapi/strapi';

/**
 * The audit trail in a plain table: append-only (rows are written by the capture hooks and bulk runs,
 * removed only by the retention purge), never edited in the Content Manager. Idempotent; every boot.
 */
const DDL = [
  `CREATE TABLE IF NOT EXISTS audit_entries (
     id bigserial PRIMARY KEY,
     occurred_at timestamptz NOT NULL DEFAULT now(),
     actor varchar(128) NOT NULL,
     actor_email varchar(255),
     source varchar(16) NOT NULL CHECK (source IN ('document', 'bulk', 'service')),
     action varchar(100) NOT NULL,
     content_type varchar(255) NOT NULL,
     record_id integer,
     document_id varchar(64),
     changes jsonb NOT NULL DEFAULT '{}'::jsonb,
     reason text,
     details jsonb
   )`,
  `CREATE INDEX IF NOT EXISTS audit_entries_occurred ON audit_entries (occurred_at DESC, id DESC)`,
  `CREATE INDEX IF NOT EXISTS audit_entries_document ON audit_entries (content_type, document_id, occurred_at DESC)`,
  `CREATE INDEX IF NOT EXISTS audit_entries_actor ON audit_entries (actor, occurred_at DESC)`,
];

export const ensureSchema = async (strapi: Core.Strapi) => {
  for (const statement of DDL) await strapi.db.connection.raw(statement);
};
