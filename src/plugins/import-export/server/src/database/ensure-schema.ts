import type { Core } from '@strapi/strapi';

/**
 * Imports and their rejected rows, in plain tables (written by the pipeline, never edited in the
 * Content Manager). The uploaded file is kept in the row (bytea) so any worker can read it; it is
 * dropped when the import finishes. Idempotent; runs at every boot.
 */
const DDL = [
  `CREATE TABLE IF NOT EXISTS import_export_imports (
     id bigserial PRIMARY KEY,
     content_type varchar(255) NOT NULL,
     admin_user_id integer,
     actor_email varchar(255),
     filename varchar(255) NOT NULL,
     format varchar(8) NOT NULL CHECK (format IN ('csv', 'xlsx')),
     file bytea,
     headers jsonb NOT NULL,
     rows_in_file integer NOT NULL DEFAULT 0,
     mapping jsonb,
     status varchar(16) NOT NULL CHECK (status IN ('uploaded', 'previewed', 'queued', 'running', 'completed', 'cancelled', 'failed')),
     phase varchar(8),
     counts jsonb NOT NULL DEFAULT '{}'::jsonb,
     job_id varchar(64),
     error text,
     created_at timestamptz NOT NULL DEFAULT now(),
     started_at timestamptz,
     finished_at timestamptz
   )`,
  `CREATE INDEX IF NOT EXISTS import_export_imports_created ON import_export_imports (created_at DESC, id DESC)`,
  `CREATE TABLE IF NOT EXISTS import_export_rejections (
     id bigserial PRIMARY KEY,
     import_id bigint NOT NULL REFERENCES import_export_imports(id) ON DELETE CASCADE,
     phase varchar(8) NOT NULL CHECK (phase IN ('preview', 'run')),
     line integer NOT NULL,
     cells jsonb NOT NULL,
     errors jsonb NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS import_export_rejections_import ON import_export_rejections (import_id, phase, line)`,
];

export const ensureSchema = async (strapi: Core.Strapi) => {
  for (const statement of DDL) await strapi.db.connection.raw(statement);
};

/**
 * An expression index on the first natural-key column of each importable table,
 * `lower(trim(column::text))`: the importer finds the existing records of a 5,000-row batch with
 * `WHERE lower(trim(column::text)) = ANY(keys)`, which would otherwise scan the whole table per batch.
 * Built once (IF NOT EXISTS); the expression must stay identical to the importer's.
 */
export const ensureKeyIndexes = async (strapi: Core.Strapi, keys: Array<{ table: string; column: string }>) => {
  for (const { table, column } of keys) {
    const name = `${table}_${column}_ie_key`.slice(0, 63);
    await strapi.db.connection.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? ((lower(trim(??::text))))`, [name, table, column]);
  }
};
