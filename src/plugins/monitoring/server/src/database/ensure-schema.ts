import type { Core } from '@strapi/strapi';
import { BUCKET_COUNT } from '../domain/histogram';

const histogramColumns = Array.from({ length: BUCKET_COUNT }, (_, i) => `h${i} integer NOT NULL DEFAULT 0`).join(',\n     ');

/**
 * Plain tables (not content types): written on hot paths by single upserts, never edited by staff.
 * Idempotent; runs at every boot after Strapi's schema sync, which leaves tables it did not create alone.
 */
const DDL = [
  // One row per minute, method and route template; bucket columns h0..hN hold the latency histogram
  // (domain/histogram.ts), so rows from many processes and minutes add up with SUM().
  `CREATE TABLE IF NOT EXISTS monitoring_api_minutes (
     minute timestamptz NOT NULL,
     method varchar(8) NOT NULL,
     route varchar(300) NOT NULL,
     module varchar(100) NOT NULL,
     count integer NOT NULL,
     client_errors integer NOT NULL,
     server_errors integer NOT NULL,
     duration_sum_ms double precision NOT NULL,
     duration_max_ms double precision NOT NULL,
     ${histogramColumns},
     PRIMARY KEY (minute, method, route)
   )`,
  // Alert conditions: one row per key. Fires when it becomes active; stays quiet until it resolves.
  `CREATE TABLE IF NOT EXISTS monitoring_alerts (
     key varchar(200) PRIMARY KEY,
     rule varchar(64) NOT NULL,
     severity varchar(10) NOT NULL,
     title text NOT NULL,
     message text NOT NULL,
     link text,
     details jsonb,
     status varchar(10) NOT NULL CHECK (status IN ('active', 'resolved')),
     fired_at timestamptz NOT NULL,
     last_seen_at timestamptz NOT NULL,
     resolved_at timestamptz,
     fire_count integer NOT NULL DEFAULT 1,
     notified jsonb
   )`,
  // The last data-quality result (services/reports.ts), shared by processes.
  `CREATE TABLE IF NOT EXISTS monitoring_data_quality (
     id integer PRIMARY KEY CHECK (id = 1),
     computed_at timestamptz NOT NULL,
     report jsonb NOT NULL
   )`,
  `CREATE INDEX IF NOT EXISTS monitoring_alerts_status ON monitoring_alerts (status, fired_at DESC)`,
  // Widget counts by period on large tables.
  // Partial on live rows, so "this week / this month" counts are index-only scans.
  `DROP INDEX IF EXISTS monitoring_contents_created_at`,
  // Also covers the content report (type and words per created day), so both are index-only scans.
  `DROP INDEX IF EXISTS monitoring_contents_live_created_at`,
  `CREATE INDEX IF NOT EXISTS monitoring_contents_live_created_at_v2 ON contents (created_at) INCLUDE (content_type, word_count) WHERE deleted_at IS NULL`,
  // Data quality: content missing SEO fields is the exception, so its count reads only those rows.
  // The predicate is the report's own (services/reports.ts), which lets the planner use the index.
  `CREATE INDEX IF NOT EXISTS monitoring_contents_missing_seo ON contents (id)
     WHERE deleted_at IS NULL AND ((meta_title IS NULL OR btrim(meta_title) = '') OR (meta_description IS NULL OR btrim(meta_description) = '') OR (primary_keyword IS NULL OR btrim(primary_keyword) = ''))`,
  // Tasks created per day (content report: today live, and the rollup's rewrite of a day).
  `CREATE INDEX IF NOT EXISTS monitoring_tasks_live_created_at ON tasks (created_at) INCLUDE (status) WHERE deleted_at IS NULL`,
  `CREATE INDEX IF NOT EXISTS monitoring_tasks_pending ON tasks (status) WHERE status IN ('queued', 'in_progress') AND deleted_at IS NULL`,
  `CREATE INDEX IF NOT EXISTS monitoring_invoices_paid_at ON billing_invoices (paid_at) INCLUDE (currency, total) WHERE status = 'paid'`,
  `CREATE INDEX IF NOT EXISTS monitoring_payments_pending ON billing_payments (created_at) WHERE status = 'pending_approval'`,
  // Covers the billing widget (credits, cost this month) and the credit report's groupings, so both
  // read only the window's index entries (one index on the ledger's hot insert path, not two).
  `DROP INDEX IF EXISTS monitoring_usage_created_at`,
  `CREATE INDEX IF NOT EXISTS monitoring_usage_report ON credit_usage_logs (created_at) INCLUDE (operation, provider, model, account_id, key_source, credits, usd_cost)`,
];

export const ensureSchema = async (strapi: Core.Strapi) => {
  for (const statement of DDL) {
    try {
      await strapi.db.connection.raw(statement);
    } catch (error) {
      // An index on another plugin's table or column that is not installed: nothing to speed up.
      if (!['42P01', '42703'].includes((error as any).code) || !statement.includes('CREATE INDEX')) throw error;
    }
  }
};
