import type { Core } from '@strapi/strapi';
import { BUCKET_COUNT } from '../domain/histogram';

const BUCKETS = Array.from({ length: BUCKET_COUNT }, (_, i) => `h${i}`);
const H_LIST = BUCKETS.join(', ');
const H_DELTA = BUCKETS.map((h) => `n.${h} - o.${h} AS ${h}`).join(', ');
const H_SUM = BUCKETS.map((h) => `SUM(${h})`).join(', ');
const H_ADD = BUCKETS.map((h) => `${h} = q.${h} + EXCLUDED.${h}`).join(', ');
const histogramColumns = Array.from({ length: BUCKET_COUNT }, (_, i) => `h${i} integer NOT NULL DEFAULT 0`).join(',\n     ');
// The columns the minute and quarter-hour tables share (the triggers copy them one for one).
const API_FIGURES = `method varchar(8) NOT NULL,
     route varchar(300) NOT NULL,
     module varchar(100) NOT NULL,
     count integer NOT NULL,
     client_errors integer NOT NULL,
     server_errors integer NOT NULL,
     duration_sum_ms double precision NOT NULL,
     duration_max_ms double precision NOT NULL,
     ${histogramColumns}`;

/**
 * Plain tables (not content types): written on hot paths by single upserts, never edited by staff.
 * Idempotent; runs at every boot after Strapi's schema sync, which leaves tables it did not create alone.
 */
const DDL = [
  // One row per minute, method and route template; bucket columns h0..hN hold the latency histogram
  // (domain/histogram.ts), so rows from many processes and minutes add up with SUM().
  `CREATE TABLE IF NOT EXISTS monitoring_api_minutes (
     minute timestamptz NOT NULL,
     ${API_FIGURES},
     PRIMARY KEY (minute, method, route)
   )`,
  // The same figures per quarter hour (epoch-aligned, as the day timeline's buckets), kept equal to the
  // minute rows by statement triggers (whoever writes them): the day report reads at most 96 rows per
  // route here, and minute rows only for the partial quarters at both ends of its window.
  `CREATE TABLE IF NOT EXISTS monitoring_api_quarters (
     quarter timestamptz NOT NULL,
     ${API_FIGURES},
     PRIMARY KEY (quarter, method, route, module)
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


/** Quarter-hour sums of the minute rows: new rows add their figures, updated ones their difference. */
const quarterUpsert = (from: string) => `
     INSERT INTO monitoring_api_quarters AS q (quarter, method, route, module, count, client_errors, server_errors, duration_sum_ms, duration_max_ms, ${H_LIST})
     SELECT to_timestamp(floor(extract(epoch FROM minute) / 900) * 900), method, route, module, SUM(count), SUM(client_errors), SUM(server_errors),
            SUM(duration_sum_ms), MAX(duration_max_ms), ${H_SUM}
       FROM (${from}) d GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
     ON CONFLICT (quarter, method, route, module) DO UPDATE SET
       count = q.count + EXCLUDED.count, client_errors = q.client_errors + EXCLUDED.client_errors,
       server_errors = q.server_errors + EXCLUDED.server_errors, duration_sum_ms = q.duration_sum_ms + EXCLUDED.duration_sum_ms,
       duration_max_ms = GREATEST(q.duration_max_ms, EXCLUDED.duration_max_ms), ${H_ADD};`;

/** The triggers that keep `monitoring_api_quarters` equal to the minute rows (statement level: one upsert per flush). */
const QUARTER_DDL = [
  `CREATE OR REPLACE FUNCTION monitoring_api_quarters_add() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP = 'INSERT' THEN
       ${quarterUpsert('SELECT * FROM new_rows')}
     ELSE
       ${quarterUpsert(`SELECT n.minute, n.method, n.route, n.module, n.count - o.count AS count, n.client_errors - o.client_errors AS client_errors,
                n.server_errors - o.server_errors AS server_errors, n.duration_sum_ms - o.duration_sum_ms AS duration_sum_ms, n.duration_max_ms, ${H_DELTA}
           FROM new_rows n JOIN old_rows o ON o.minute = n.minute AND o.method = n.method AND o.route = n.route`)}
     END IF;
     RETURN NULL;
   END $$`,
  `DROP TRIGGER IF EXISTS monitoring_api_quarters_ins ON monitoring_api_minutes`,
  `CREATE TRIGGER monitoring_api_quarters_ins AFTER INSERT ON monitoring_api_minutes REFERENCING NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION monitoring_api_quarters_add()`,
  `DROP TRIGGER IF EXISTS monitoring_api_quarters_upd ON monitoring_api_minutes`,
  `CREATE TRIGGER monitoring_api_quarters_upd AFTER UPDATE ON monitoring_api_minutes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION monitoring_api_quarters_add()`,
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
  // API and workers boot together; concurrent CREATE OR REPLACE FUNCTION fails ("tuple concurrently updated").
  await strapi.db.connection.transaction(async (trx) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('monitoring.ensure-schema'))`);
    for (const statement of QUARTER_DDL) await trx.raw(statement);
    // Minute rows written before the quarter table existed (an upgrade): add them once. The triggers'
    // lock holds concurrent flushes back until this commits, so none is counted twice or missed.
    const { rows } = await trx.raw(`SELECT EXISTS (SELECT 1 FROM monitoring_api_quarters) AS built, EXISTS (SELECT 1 FROM monitoring_api_minutes) AS minutes`);
    if (!rows[0].built && rows[0].minutes) await trx.raw(quarterUpsert('SELECT * FROM monitoring_api_minutes'));
  });
};
