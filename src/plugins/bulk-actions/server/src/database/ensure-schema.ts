import type { Core } from '@strapi/strapi';

/**
 * The audit trail of bulk runs and their failed rows (and the runs' idempotency claims), in plain tables (append-mostly, written by
 * single SQL statements, never edited in the Content Manager). Idempotent; runs at every boot.
 */
const DDL = [
  `CREATE TABLE IF NOT EXISTS bulk_action_runs (
     id bigserial PRIMARY KEY,
     action varchar(100) NOT NULL,
     content_type varchar(255) NOT NULL,
     admin_user_id integer,
     actor varchar(128) NOT NULL,
     actor_email varchar(255),
     selection jsonb NOT NULL,
     resolved jsonb NOT NULL,
     params jsonb NOT NULL,
     reason text,
     mode varchar(8) NOT NULL CHECK (mode IN ('inline', 'job')),
     status varchar(16) NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'cancelled', 'failed')),
     matched integer NOT NULL DEFAULT 0,
     total integer NOT NULL DEFAULT 0,
     processed integer NOT NULL DEFAULT 0,
     changed integer NOT NULL DEFAULT 0,
     failed integer NOT NULL DEFAULT 0,
     job_id varchar(64),
     cancel_requested boolean NOT NULL DEFAULT false,
     error text,
     created_at timestamptz NOT NULL DEFAULT now(),
     started_at timestamptz,
     finished_at timestamptz
   )`,
  `CREATE INDEX IF NOT EXISTS bulk_action_runs_created ON bulk_action_runs (created_at DESC, id DESC)`,
  `CREATE INDEX IF NOT EXISTS bulk_action_runs_type ON bulk_action_runs (content_type, created_at DESC)`,
  `CREATE TABLE IF NOT EXISTS bulk_action_failures (
     id bigserial PRIMARY KEY,
     run_id bigint NOT NULL REFERENCES bulk_action_runs(id) ON DELETE CASCADE,
     record_id integer NOT NULL,
     document_id varchar(64),
     reason text NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS bulk_action_failures_run ON bulk_action_failures (run_id, id)`,
  // Idempotency claims of per-record service calls that take no key of their own (upgrade plan).
  `CREATE TABLE IF NOT EXISTS bulk_action_keys (
     key varchar(200) PRIMARY KEY,
     run_id bigint NOT NULL REFERENCES bulk_action_runs(id) ON DELETE CASCADE,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
];

export const ensureSchema = async (strapi: Core.Strapi) => {
  for (const statement of DDL) await strapi.db.connection.raw(statement);
};
