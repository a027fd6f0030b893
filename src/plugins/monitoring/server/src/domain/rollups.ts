/**
 * Daily pre-aggregates ("rollups") of the large tables the reports and widgets read. A rollup holds,
 * per calendar day (database time zone) before today, the sums of one source table grouped by a few
 * columns. Readers add today's rows live from the source (an index range scan), so a figure is the
 * same as the one the raw rows give.
 *
 * Pure SQL text from definitions; services/rollups.ts runs it.
 */

export interface RollupColumn {
  /** Column of the rollup table. */
  column: string;
  /** Its SQL type. */
  type: string;
  /** What it holds, over the source rows of the group (a column for dimensions, an aggregate for measures). */
  expr: string;
}

export interface RollupTable {
  table: string;
  /** Column lists of further indexes (besides `(day)`). */
  indexes?: string[];
  dimensions: RollupColumn[];
  measures: RollupColumn[];
}

/** One source table and the rollups computed from it (they are refreshed together, in one transaction). */
export interface RollupSource {
  /** Key in the state and dirty-days tables. */
  name: string;
  /** Source table. */
  source: string;
  /** Extra condition on the source rows, e.g. `AND deleted_at IS NULL` (soft-deleted rows never count). */
  live: string;
  /** Source columns whose change on a past day's row changes the rollups (the update trigger watches them). */
  watch: string[];
  tables: RollupTable[];
}

const dim = (column: string, type: string): RollupColumn => ({ column, type, expr: column });

/** Sources and rollups; `live` is filled at boot from the content types (soft-delete may be absent). */
export const rollupSources = (live: { contents: string; tasks: string }): RollupSource[] => [
  {
    name: 'usage',
    source: 'credit_usage_logs',
    live: '',
    watch: ['created_at', 'account_id', 'operation', 'provider', 'model', 'key_source', 'credits', 'usd_cost'],
    tables: [
      // Credit report by operation and by model, billing widget: a few dozen rows per day.
      {
        table: 'monitoring_usage_daily',
        dimensions: [dim('operation', 'varchar(64)'), dim('provider', 'varchar(32)'), dim('model', 'varchar(128)'), dim('key_source', 'varchar(8)')],
        measures: [
          { column: 'operations', type: 'integer', expr: 'count(*)' },
          { column: 'credits', type: 'bigint', expr: 'SUM(credits)' },
          { column: 'usd', type: 'numeric', expr: 'SUM(usd_cost)' },
        ],
      },
      // Top accounts: one row per account active that day.
      {
        table: 'monitoring_usage_accounts_daily',
        // The report ranks accounts by credits over the window, then reads the figures of the ten.
        indexes: ['account_id, day'],
        dimensions: [dim('account_id', 'integer')],
        measures: [
          { column: 'operations', type: 'integer', expr: 'count(*)' },
          { column: 'credits', type: 'bigint', expr: 'SUM(credits)' },
          { column: 'usd', type: 'numeric', expr: 'SUM(usd_cost)' },
          { column: 'platform_usd', type: 'numeric', expr: `COALESCE(SUM(usd_cost) FILTER (WHERE key_source IS DISTINCT FROM 'account'), 0)` },
        ],
      },
    ],
  },
  {
    name: 'contents',
    source: 'contents',
    live: live.contents,
    watch: ['created_at', 'deleted_at', 'content_type', 'word_count'],
    tables: [
      {
        table: 'monitoring_content_daily',
        dimensions: [dim('content_type', 'varchar(255)')],
        measures: [
          { column: 'contents', type: 'integer', expr: 'count(*)' },
          { column: 'words_sum', type: 'bigint', expr: 'SUM(word_count)' },
          { column: 'words_n', type: 'integer', expr: 'count(word_count)' },
        ],
      },
    ],
  },
  {
    name: 'tasks',
    source: 'tasks',
    live: live.tasks,
    watch: ['created_at', 'deleted_at', 'status'],
    tables: [{ table: 'monitoring_task_daily', dimensions: [dim('status', 'varchar(255)')], measures: [{ column: 'tasks', type: 'integer', expr: 'count(*)' }] }],
  },
];

/** The calendar day of a timestamp in the session's time zone, as the reports count days. */
const DAY = `(created_at)::date`;
const TODAY = `date_trunc('day', now())`;

export const rollupTableDdl = (t: RollupTable) => [
  `CREATE TABLE IF NOT EXISTS ${t.table} (
     day date NOT NULL,
     ${[...t.dimensions, ...t.measures].map((c) => `${c.column} ${c.type}`).join(',\n     ')}
   )`,
  // Readers take a range of days; refresh deletes and rewrites whole days (the backfill writes in day
  // order, so a range of days is a few contiguous pages).
  `CREATE INDEX IF NOT EXISTS ${t.table}_day ON ${t.table} (day)`,
  ...(t.indexes ?? []).map((cols) => `CREATE INDEX IF NOT EXISTS ${t.table}_${cols.replace(/[^a-z0-9]+/g, '_')} ON ${t.table} (${cols})`),
];

/**
 * Triggers that note which past days of a source changed after they may have been rolled up (rows
 * of today are read live and need nothing). Row triggers with a WHEN clause: an ordinary insert of a
 * new row (created now) costs only the test, not a function call.
 */
export const sourceTriggerDdl = (s: RollupSource) => {
  const changed = `(${s.watch.map((c) => `OLD.${c}`).join(', ')}) IS DISTINCT FROM (${s.watch.map((c) => `NEW.${c}`).join(', ')})`;
  const prefix = `monitoring_rollup_${s.name}`;
  const fn = `EXECUTE FUNCTION monitoring_rollup_touch('${s.name}')`;
  return [
    `DROP TRIGGER IF EXISTS ${prefix}_ins ON ${s.source}`,
    `CREATE TRIGGER ${prefix}_ins AFTER INSERT ON ${s.source} FOR EACH ROW WHEN (NEW.created_at < ${TODAY}) ${fn}`,
    `DROP TRIGGER IF EXISTS ${prefix}_upd ON ${s.source}`,
    `CREATE TRIGGER ${prefix}_upd AFTER UPDATE OF ${s.watch.join(', ')} ON ${s.source} FOR EACH ROW
       WHEN ((OLD.created_at < ${TODAY} OR NEW.created_at < ${TODAY}) AND ${changed}) ${fn}`,
    `DROP TRIGGER IF EXISTS ${prefix}_del ON ${s.source}`,
    `CREATE TRIGGER ${prefix}_del AFTER DELETE ON ${s.source} FOR EACH ROW WHEN (OLD.created_at < ${TODAY}) ${fn}`,
    `DROP TRIGGER IF EXISTS ${prefix}_trunc ON ${s.source}`,
    `CREATE TRIGGER ${prefix}_trunc AFTER TRUNCATE ON ${s.source} FOR EACH STATEMENT EXECUTE FUNCTION monitoring_rollup_reset('${s.name}')`,
  ];
};

/** Shared tables and trigger functions. */
export const ROLLUP_BASE_DDL = [
  // Days before `rolled_until` are in the rollups (except those listed dirty); none: never built.
  `CREATE TABLE IF NOT EXISTS monitoring_rollup_state (
     source varchar(64) PRIMARY KEY,
     rolled_until date NOT NULL,
     refreshed_at timestamptz NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS monitoring_rollup_dirty (
     source varchar(64) NOT NULL,
     day date NOT NULL,
     PRIMARY KEY (source, day)
   )`,
  `CREATE OR REPLACE FUNCTION monitoring_rollup_touch() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'INSERT' AND OLD.created_at < date_trunc('day', now()) THEN
       INSERT INTO monitoring_rollup_dirty (source, day) VALUES (TG_ARGV[0], OLD.created_at::date) ON CONFLICT DO NOTHING;
     END IF;
     IF TG_OP <> 'DELETE' AND NEW.created_at < date_trunc('day', now()) THEN
       INSERT INTO monitoring_rollup_dirty (source, day) VALUES (TG_ARGV[0], NEW.created_at::date) ON CONFLICT DO NOTHING;
     END IF;
     RETURN NULL;
   END $$`,
  // A truncated source starts over: the next refresh rebuilds its rollups from scratch.
  `CREATE OR REPLACE FUNCTION monitoring_rollup_reset() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     DELETE FROM monitoring_rollup_state WHERE source = TG_ARGV[0];
     RETURN NULL;
   END $$`,
];

/**
 * Rewrites the given days of one rollup from its source (`?` is the date[] of days), or every day
 * before today when `days` is 'all'.
 */
export const rebuildSql = (s: RollupSource, t: RollupTable, days: 'all' | 'list') => {
  const dims = t.dimensions.map((c) => c.expr);
  const columns = ['day', ...t.dimensions.map((c) => c.column), ...t.measures.map((c) => c.column)].join(', ');
  const select = [...dims, ...t.measures.map((c) => c.expr)].join(', ');
  if (days === 'all') {
    return {
      remove: `DELETE FROM ${t.table}`,
      insert: `INSERT INTO ${t.table} (${columns})
               SELECT ${DAY}, ${select} FROM ${s.source} WHERE created_at < ${TODAY}${s.live} GROUP BY ${[DAY, ...dims].join(', ')} ORDER BY 1`,
    };
  }
  return {
    remove: `DELETE FROM ${t.table} WHERE day = ANY(?::date[])`,
    // One index range scan per day (the source's created_at index).
    insert: `INSERT INTO ${t.table} (${columns})
             SELECT d.day, ${select} FROM unnest(?::date[]) AS d(day)
               JOIN ${s.source} ON created_at >= d.day::timestamptz AND created_at < (d.day + 1)::timestamptz${s.live}
              GROUP BY ${['d.day', ...dims].join(', ')}`,
  };
};
