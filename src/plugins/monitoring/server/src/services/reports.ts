import type { Core } from '@strapi/strapi';
import type { ReportName } from '../domain/report-table';
import { getConfig } from '../utils/config';
import { getService } from '../utils/get-service';

const ACCOUNT = 'api::account.account';
const CONTENT = 'api::content.content';
const TASK = 'api::task.task';
const KEYWORD = 'api::keyword.keyword';
const PLAN = 'api::plan.plan';
const INVOICE = 'plugin::billing.invoice';
const PAYMENT = 'plugin::billing.payment';
const CREDIT_PACKAGE = 'plugin::billing.credit-package';

export interface ReportOptions {
  /** Revenue: calendar months back, the current one included. */
  months: number;
  /** Credit usage and content production: days back from now. */
  days: number;
}

/** A Content Manager list view with query-string filters (the admin router path). */
const cmList = (uid: string, query = '') => `/admin/content-manager/collection-types/${uid}${query ? `?${query}` : ''}`;
const inFilter = (field: string, values: Array<string | number>) =>
  values.map((v, i) => `filters[$and][0][${field}][$in][${i}]=${encodeURIComponent(String(v))}`).join('&');

/** Where a report reads past days from: the daily rollups (default) or the raw rows (tests, comparison). */
export type Source = 'rollup' | 'raw';
/** Start of today in the database session's time zone; days are its calendar days. */
const TODAY = `date_trunc('day', now())`;

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/**
 * The staff reports: revenue, credit usage, content production and data quality. Each is a handful of
 * aggregate queries (one pass over the window where possible: GROUPING SETS), answering in well under
 * a second on millions of rows (bench `monitoring`). Reports read what is installed: a plugin's table
 * that does not exist makes its section `available: false` rather than an error.
 */
export const createReportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const has = (uid: string) => Boolean(strapi.contentTypes[uid as keyof typeof strapi.contentTypes]);
  const meta = (uid: string) => strapi.db.metadata.get(uid as any) as any;
  const table = (uid: string) => meta(uid).tableName as string;
  const live = (uid: string, alias = '') => (meta(uid).attributes.deletedAt ? ` AND ${alias}deleted_at IS NULL` : '');
  /** The link table of a to-one relation (Strapi 5 stores every relation in one). */
  const link = (uid: string, attribute: string) => {
    const jt = meta(uid).attributes[attribute]?.joinTable;
    if (!jt) throw new Error(`monitoring reports: ${uid}.${attribute} is not a relation`);
    return { table: jt.name as string, own: jt.joinColumn.name as string, target: jt.inverseJoinColumn.name as string };
  };
  const rollups = () => getService(strapi, 'rollups');
  const tableExists = async (name: string) => Boolean((await knex().raw('SELECT to_regclass(?) AS t', [name])).rows[0].t);

  /** USD one credit sells for: configured, or the average of active credit packages priced in USD. */
  const usdPerCredit = async (): Promise<{ value: number | null; source: string }> => {
    const configured = getConfig(strapi).reports.usdPerCredit;
    if (configured !== null) return { value: configured, source: 'config' };
    if (!has(CREDIT_PACKAGE)) return { value: null, source: 'none' };
    const { rows } = await knex().raw(
      `SELECT SUM(price)::float8 AS price, SUM(credits)::float8 AS credits FROM ${table(CREDIT_PACKAGE)} WHERE is_active AND upper(currency) = 'USD' AND credits > 0`
    );
    return rows[0].credits ? { value: rows[0].price / rows[0].credits, source: 'credit packages' } : { value: null, source: 'none' };
  };

  // Per-process cache: a report page opened by several staff members, or exported right after viewing,
  // does not scan the tables again. Keyed by report and window.
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const ttl = getConfig(strapi).reports.cacheMs;
    const hit = cache.get(key);
    if (ttl > 0 && hit && Date.now() - hit.at < ttl) return hit.value as Promise<T>;
    const value = load();
    if (ttl > 0) {
      cache.set(key, { at: Date.now(), value });
      value.catch(() => cache.delete(key));
    }
    return value;
  };

  const reports = {
    /** Paid invoices per month, by plan (or invoice type when there is none) and succeeded payments by method. */
    async revenue({ months }: Pick<ReportOptions, 'months'>) {
      if (!has(INVOICE)) return { available: false, months, monthly: [], byPlan: [], byMethod: [] };
      const since = `date_trunc('month', now()) - interval '${months - 1} months'`;
      const monthly = await knex().raw(
        `SELECT to_char(m.month, 'YYYY-MM') AS month, i.currency, COALESCE(SUM(i.total), 0)::float8 AS total, count(i.id)::int AS invoices
           FROM generate_series(${since}, date_trunc('month', now()), interval '1 month') AS m(month)
           LEFT JOIN ${table(INVOICE)} i ON i.status = 'paid' AND i.paid_at >= m.month AND i.paid_at < m.month + interval '1 month'
          GROUP BY m.month, i.currency ORDER BY m.month, i.currency NULLS FIRST`
      );
      const plan = link(INVOICE, 'plan');
      const byPlan = await knex().raw(
        `SELECT COALESCE(p.name, '(' || i.type || ')') AS plan, p.id AS "planId", i.currency, SUM(i.total)::float8 AS total, count(*)::int AS invoices
           FROM ${table(INVOICE)} i
           LEFT JOIN ${plan.table} l ON l.${plan.own} = i.id
           LEFT JOIN ${table(PLAN)} p ON p.id = l.${plan.target}
          WHERE i.status = 'paid' AND i.paid_at >= ${since}
          GROUP BY 1, 2, 3 ORDER BY total DESC`
      );
      const byMethod = has(PAYMENT)
        ? await knex().raw(
            `SELECT method, currency, SUM(amount)::float8 AS amount, count(*)::int AS payments FROM ${table(PAYMENT)}
              WHERE status = 'succeeded' AND created_at >= ${since} GROUP BY 1, 2 ORDER BY amount DESC`
          )
        : { rows: [] };
      // Months with no paid invoice come back as one row with a null currency: keep them (zero bars).
      return {
        available: true,
        months,
        monthly: monthly.rows.map((r: any) => ({ ...r, currency: r.currency ?? '' })),
        byPlan: byPlan.rows.map((r: any) => ({ ...r, link: r.planId ? cmList(INVOICE, `filters[$and][0][status][$eq]=paid&filters[$and][1][plan][id][$eq]=${r.planId}`) : null })),
        byMethod: byMethod.rows,
        links: { invoices: cmList(INVOICE, 'filters[$and][0][status][$eq]=paid&sort=paidAt:DESC'), payments: has(PAYMENT) ? cmList(PAYMENT, 'filters[$and][0][status][$eq]=succeeded') : null },
      };
    },

    /**
     * Credits billed and what they cost us, by operation, model and account, and the margin, over the
     * last `days` calendar days (today included). Past days come from the daily rollups, today from the
     * ledger (index range scan); `source: 'raw'` reads the ledger for the whole window (same figures).
     */
    async credits({ days, source = 'rollup' }: Pick<ReportOptions, 'days'> & { source?: Source }) {
      if (!(await tableExists('credit_usage_logs'))) return { available: false, days, totals: null, byOperation: [], byModel: [], topAccounts: [], margin: null };
      const rollup = source === 'rollup' && (await rollups().ensureCurrent('usage'));
      const window = rollup ? `day >= current_date - ?::int AND day < current_date` : '';
      const today = `created_at >= ${rollup ? TODAY : `${TODAY} - make_interval(days => ?::int)`}`;
      const back = [days - 1];
      // By operation, by model and in total: one pass (GROUPING SETS) over a few dozen rollup rows per day.
      // Sums in numeric (exact, so both paths agree to the last digit), shown as float8.
      const usage = rollup
        ? `SELECT operation, provider, model, key_source, operations, credits, usd FROM monitoring_usage_daily WHERE ${window}
           UNION ALL
           SELECT operation, provider, model, key_source, count(*), SUM(credits), SUM(usd_cost) FROM credit_usage_logs WHERE ${today} GROUP BY 1, 2, 3, 4`
        : `SELECT operation, provider, model, key_source, 1 AS operations, credits, usd_cost AS usd FROM credit_usage_logs WHERE ${today}`;
      const { rows } = await knex().raw(
        `WITH u AS (${usage})
         SELECT GROUPING(operation) AS g_op, GROUPING(provider, model) AS g_model,
                operation, provider, model, COALESCE(SUM(operations), 0)::int AS operations,
                COALESCE(SUM(credits), 0)::bigint AS credits, SUM(usd)::float8 AS usd,
                SUM(usd) FILTER (WHERE key_source IS DISTINCT FROM 'account')::float8 AS "platformUsd"
           FROM u GROUP BY GROUPING SETS ((operation), (provider, model), ())`,
        back
      );
      // Top accounts: ranked by credits alone (integer sums over one row per account and day of the
      // rollup), then the figures of those ten only (index on account and day); ties by id.
      const top = rollup
        ? await (async () => {
            const ranked = await knex().raw(
              `WITH a AS (SELECT account_id, credits FROM monitoring_usage_accounts_daily WHERE ${window}
                 UNION ALL SELECT account_id, SUM(credits) FROM credit_usage_logs WHERE ${today} GROUP BY account_id)
               SELECT account_id, SUM(credits)::bigint AS credits FROM a GROUP BY account_id ORDER BY credits DESC, account_id LIMIT 10`,
              back
            );
            const ids = ranked.rows.map((r: any) => Number(r.account_id));
            if (!ids.length) return { rows: [] };
            const figures = await knex().raw(
              `WITH a AS (SELECT account_id, operations, credits, usd, platform_usd FROM monitoring_usage_accounts_daily WHERE account_id = ANY(?) AND ${window}
                 UNION ALL
                 SELECT account_id, count(*), SUM(credits), SUM(usd_cost), COALESCE(SUM(usd_cost) FILTER (WHERE key_source IS DISTINCT FROM 'account'), 0)
                   FROM credit_usage_logs WHERE account_id = ANY(?) AND ${today} GROUP BY account_id)
               SELECT account_id, SUM(operations)::int AS operations, SUM(credits)::bigint AS credits, SUM(usd)::float8 AS usd, SUM(platform_usd)::float8 AS "platformUsd"
                 FROM a GROUP BY account_id`,
              [ids, ...back, ids]
            );
            const byId = new Map(figures.rows.map((r: any) => [Number(r.account_id), r]));
            return { rows: ids.map((id: number) => byId.get(id)) };
          })()
        : await knex().raw(
            `WITH a AS (SELECT account_id, 1 AS operations, credits, usd_cost AS usd, CASE WHEN key_source IS DISTINCT FROM 'account' THEN usd_cost ELSE 0 END AS platform_usd
                          FROM credit_usage_logs WHERE ${today})
             SELECT a.account_id, SUM(operations)::int AS operations, SUM(credits)::bigint AS credits, SUM(usd)::float8 AS usd, SUM(platform_usd)::float8 AS "platformUsd"
               FROM a GROUP BY a.account_id ORDER BY credits DESC, a.account_id LIMIT 10`,
            back
          );
      const shape = (r: any) => ({ operations: r.operations, credits: num(r.credits), usd: round(num(r.usd), 6), platformUsd: round(num(r.platformUsd), 6) });
      const byCredits = (a: { credits: number; key: string }, b: { credits: number; key: string }) => b.credits - a.credits || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
      const total = rows.find((r: any) => r.g_op === 1 && r.g_model === 3);
      const strip = ({ key: _key, ...r }: any) => r;
      const byOperation = rows
        .filter((r: any) => r.g_op === 0)
        .map((r: any) => ({ operation: r.operation, ...shape(r), key: String(r.operation) }))
        .sort(byCredits)
        .map(strip);
      const byModel = rows
        .filter((r: any) => r.g_model === 0)
        .map((r: any) => ({ provider: r.provider ?? '', model: r.model ?? '(none)', ...shape(r), key: JSON.stringify([r.provider, r.model]) }))
        .sort(byCredits)
        .map(strip);
      const accounts = top.rows.map((r: any) => ({ accountId: Number(r.account_id), ...shape(r) }));
      const names = accounts.length
        ? (await knex().raw(`SELECT id, name FROM ${table(ACCOUNT)} WHERE id = ANY(?)`, [accounts.map((a: { accountId: number }) => a.accountId)])).rows
        : [];
      const nameOf = new Map<number, string>(names.map((n: any) => [Number(n.id), n.name]));
      const totals = total ? shape(total) : { operations: 0, credits: 0, usd: 0, platformUsd: 0 };
      const price = await usdPerCredit();
      const billedUsd = price.value === null ? null : round(totals.credits * price.value, 6);
      return {
        available: true,
        days,
        totals,
        byOperation,
        byModel,
        topAccounts: accounts.map((a: { accountId: number }) => ({ ...a, name: nameOf.get(a.accountId) ?? null, link: `/admin/content-manager/collection-types/${ACCOUNT}?${inFilter('id', [a.accountId])}` })),
        margin: {
          creditsBilled: totals.credits,
          platformUsdCost: totals.platformUsd,
          usdPerCredit: price.value,
          usdPerCreditSource: price.source,
          creditsBilledUsd: billedUsd,
          marginUsd: billedUsd === null ? null : round(billedUsd - totals.platformUsd, 6),
          marginPct: billedUsd ? round(((billedUsd - totals.platformUsd) / billedUsd) * 100, 2) : null,
        },
      };
    },

    /**
     * Content created per day, by type with average words, and how many tasks of the window got done,
     * over the last `days` calendar days. Past days from the rollups, today live; `source: 'raw'` reads
     * the tables for the whole window (same figures).
     */
    async content({ days, source = 'rollup' }: Pick<ReportOptions, 'days'> & { source?: Source }) {
      const back = Number(days) - 1;
      const contentRollup = source === 'rollup' && (await rollups().ensureCurrent('contents'));
      const taskRollup = source === 'rollup' && (await rollups().ensureCurrent('tasks'));
      const window = `day >= current_date - ${back} AND day < current_date`;
      const since = (rollup: boolean) => (rollup ? TODAY : `${TODAY} - make_interval(days => ${back})`);
      // Per day and type: rollup rows, then today's (and any later-dated) rows counted live.
      const contents = `${contentRollup ? `SELECT day, content_type, contents, words_sum, words_n FROM monitoring_content_daily WHERE ${window} UNION ALL ` : ''}
        SELECT created_at::date AS day, content_type, count(*) AS contents, SUM(word_count) AS words_sum, count(word_count) AS words_n FROM ${table(CONTENT)}
         WHERE created_at >= ${since(contentRollup)}${live(CONTENT)} GROUP BY 1, 2`;
      const timeline = await knex().raw(
        `WITH c AS (${contents}), per_day AS (SELECT day, SUM(contents) AS n FROM c GROUP BY day)
         SELECT to_char(d.day, 'YYYY-MM-DD') AS day, COALESCE(p.n, 0)::int AS created
           FROM generate_series(current_date - ${back}, current_date, interval '1 day') AS d(day)
           LEFT JOIN per_day p ON p.day = d.day::date
          ORDER BY d.day`
      );
      const types = await knex().raw(
        `WITH c AS (${contents})
         SELECT GROUPING(content_type) AS g, content_type AS "contentType", COALESCE(SUM(contents), 0)::int AS count,
                round(SUM(words_sum)::numeric / NULLIF(SUM(words_n), 0))::int AS "averageWords"
           FROM c GROUP BY GROUPING SETS ((content_type), ()) ORDER BY count DESC, g, content_type`
      );
      const tasks = await knex().raw(
        `WITH t AS (${taskRollup ? `SELECT status, tasks FROM monitoring_task_daily WHERE ${window} UNION ALL ` : ''}
           SELECT status, count(*) AS tasks FROM ${table(TASK)} WHERE created_at >= ${since(taskRollup)}${live(TASK)} GROUP BY status)
         SELECT status, SUM(tasks)::int AS count FROM t GROUP BY status ORDER BY status`
      );
      const all = types.rows.find((r: any) => r.g === 1);
      const byStatus = Object.fromEntries(tasks.rows.map((r: any) => [r.status ?? '(none)', r.count]));
      const created = tasks.rows.reduce((s: number, r: any) => s + r.count, 0);
      const completed = byStatus.completed ?? 0;
      const cancelled = byStatus.cancelled ?? 0;
      return {
        days,
        timeline: timeline.rows,
        byType: types.rows.filter((r: any) => r.g === 0).map(({ g: _g, ...r }: any) => ({ ...r, contentType: r.contentType ?? '(none)' })),
        totals: { content: all?.count ?? 0, averageWords: all?.averageWords ?? null },
        // Of the tasks created in the window and not cancelled, the share completed.
        tasks: { created, completed, cancelled, byStatus, completionRate: created - cancelled > 0 ? round(completed / (created - cancelled), 4) : null },
        links: { content: cmList(CONTENT, 'sort=createdAt:DESC'), tasks: cmList(TASK, 'sort=createdAt:DESC') },
      };
    },

    /** Records that need fixing, each with a count, a sample and a link to the filtered list view. */
    async dataQuality() {
      const sample = 20;
      const contentAccount = link(CONTENT, 'account');
      const taskCluster = link(TASK, 'cluster');
      const keywordAccount = link(KEYWORD, 'account');
      const orphaned = await knex().raw(
        `SELECT count(*)::int AS count, (array_agg(c.id ORDER BY c.id DESC))[1:${sample}] AS ids FROM ${table(CONTENT)} c
          WHERE NOT EXISTS (SELECT 1 FROM ${contentAccount.table} l WHERE l.${contentAccount.own} = c.id)${live(CONTENT, 'c.')}`
      );
      const noCluster = await knex().raw(
        `SELECT count(*)::int AS count, (array_agg(t.id ORDER BY t.id DESC))[1:${sample}] AS ids FROM ${table(TASK)} t
          WHERE NOT EXISTS (SELECT 1 FROM ${taskCluster.table} l WHERE l.${taskCluster.own} = t.id)${live(TASK, 't.')}`
      );
      const negative = await knex().raw(
        `SELECT count(*)::int AS count, (array_agg(id ORDER BY id))[1:${sample}] AS ids FROM ${table(ACCOUNT)}
          WHERE COALESCE(plan_credits, 0) + COALESCE(bonus_credits, 0) - COALESCE(held_credits, 0) < 0${live(ACCOUNT)}`
      );
      // Same keyword text (case and spacing ignored) twice in one account; the link lists the keywords of
      // the largest groups by id (a case-insensitive $in filter does not exist).
      const duplicates = await knex().raw(
        `WITH k AS (
           SELECT l.${keywordAccount.target} AS account_id, lower(btrim(k.keyword)) AS text, count(*) AS n, array_agg(k.id ORDER BY k.id) AS ids
             FROM ${table(KEYWORD)} k JOIN ${keywordAccount.table} l ON l.${keywordAccount.own} = k.id
            WHERE k.keyword IS NOT NULL${live(KEYWORD, 'k.')}
            GROUP BY 1, 2 HAVING count(*) > 1),
         top AS (SELECT text, ids FROM k ORDER BY n DESC, text LIMIT 10)
         SELECT (SELECT count(*) FROM k)::int AS groups, (SELECT COALESCE(SUM(n), 0) FROM k)::int AS keywords,
                (SELECT COALESCE(SUM(n - 1), 0) FROM k)::int AS extra,
                (SELECT array_agg(text) FROM top) AS texts, (SELECT array_agg(id) FROM top, unnest(top.ids) AS id) AS ids`
      );
      const blank = (col: string) => `(${col} IS NULL OR btrim(${col}) = '')`;
      const seo = await knex().raw(
        `SELECT count(*)::int AS count,
                count(*) FILTER (WHERE ${blank('meta_title')})::int AS "metaTitle",
                count(*) FILTER (WHERE ${blank('meta_description')})::int AS "metaDescription",
                count(*) FILTER (WHERE ${blank('primary_keyword')})::int AS "primaryKeyword"
           FROM ${table(CONTENT)} WHERE (${blank('meta_title')} OR ${blank('meta_description')} OR ${blank('primary_keyword')})${live(CONTENT)}`
      );
      const ids = (r: any) => (r.ids ?? []).map(Number);
      const seoFilter = ['metaTitle', 'metaDescription', 'primaryKeyword']
        .flatMap((f, i) => [`filters[$or][${i * 2}][${f}][$null]=true`, `filters[$or][${i * 2 + 1}][${f}][$eq]=`])
        .join('&');
      const dup = duplicates.rows[0];
      return {
        checks: [
          { id: 'orphaned-content', label: 'Content without an account', count: orphaned.rows[0].count, sample: ids(orphaned.rows[0]), link: cmList(CONTENT, 'filters[$and][0][account][id][$null]=true') },
          { id: 'tasks-without-cluster', label: 'Tasks without a cluster', count: noCluster.rows[0].count, sample: ids(noCluster.rows[0]), link: cmList(TASK, 'filters[$and][0][cluster][id][$null]=true') },
          {
            id: 'negative-balances',
            label: 'Accounts with more credits held than they have',
            count: negative.rows[0].count,
            sample: ids(negative.rows[0]),
            link: negative.rows[0].count ? cmList(ACCOUNT, inFilter('id', ids(negative.rows[0]))) : cmList(ACCOUNT),
          },
          {
            id: 'duplicate-keywords',
            label: 'Keywords entered twice in one account',
            count: dup.extra,
            groups: dup.groups,
            keywords: dup.keywords,
            sample: dup.texts ?? [],
            link: dup.groups ? cmList(KEYWORD, inFilter('id', ids(dup))) : cmList(KEYWORD),
          },
          { id: 'content-missing-seo', label: 'Content missing SEO fields', count: seo.rows[0].count, missing: { metaTitle: seo.rows[0].metaTitle, metaDescription: seo.rows[0].metaDescription, primaryKeyword: seo.rows[0].primaryKeyword }, sample: [], link: cmList(CONTENT, seoFilter) },
        ],
      };
    },

  };

  /** The report without the cache (benchmarks). */
  const fresh = (name: ReportName, options: ReportOptions): Promise<Record<string, unknown>> => {
    switch (name) {
      case 'revenue':
        return reports.revenue(options);
      case 'credits':
        return reports.credits(options);
      case 'content':
        return reports.content(options);
      case 'data-quality':
        return reports.dataQuality();
    }
  };

  /**
   * Data quality checks scan whole tables (anti-joins, a group by over every keyword), so their result is
   * stored (`monitoring_data_quality`, shared by processes) and served while younger than
   * `reports.dataQualityMaxAgeMs`, stamped `computedAt`; the repeatable rollup job refreshes it before it
   * expires, and `refresh` recomputes it now. One process computes at a time (advisory lock): the
   * others wait and take its result.
   */
  const dataQualityStored = async ({ refresh = false } = {}): Promise<Record<string, unknown>> => {
    const maxAgeMs = getConfig(strapi).reports.dataQualityMaxAgeMs;
    if (maxAgeMs === 0) return { computedAt: new Date().toISOString(), ...(await reports.dataQuality()) };
    const stored = async (q: any) => {
      const { rows } = await q.raw(
        `SELECT computed_at, report::text AS report FROM monitoring_data_quality WHERE id = 1 AND computed_at > now() - make_interval(secs => ?)`,
        [maxAgeMs / 1000]
      );
      // As text: how a json column comes back depends on the connection's type parsers (Strapi sets its own).
      return rows[0] ? { computedAt: new Date(rows[0].computed_at).toISOString(), ...JSON.parse(rows[0].report) } : null;
    };
    if (!refresh) {
      const hit = await stored(knex());
      if (hit) return hit;
    }
    const startedAt = new Date();
    return knex().transaction(async (trx) => {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('monitoring.data-quality'))`);
      // Computed by another process meanwhile (after this call began, when refreshing): take it.
      const hit = await stored(trx);
      if (hit && (!refresh || new Date(hit.computedAt) >= startedAt)) return hit;
      const computedAt = new Date();
      const report = await reports.dataQuality();
      await trx.raw(
        `INSERT INTO monitoring_data_quality (id, computed_at, report) VALUES (1, ?, ?::jsonb)
         ON CONFLICT (id) DO UPDATE SET computed_at = EXCLUDED.computed_at, report = EXCLUDED.report`,
        [computedAt, JSON.stringify(report)]
      );
      return { computedAt: computedAt.toISOString(), ...report };
    });
  };

  return {
    ...reports,
    fresh,
    dataQualityStored,
    /** For the repeatable job: recomputes the stored data quality once past half its allowed age. */
    async refreshDataQualityIfAging() {
      const maxAgeMs = getConfig(strapi).reports.dataQualityMaxAgeMs;
      if (maxAgeMs === 0) return false;
      const { rows } = await knex().raw(`SELECT 1 FROM monitoring_data_quality WHERE id = 1 AND computed_at > now() - make_interval(secs => ?)`, [maxAgeMs / 2000]);
      if (rows.length) return false;
      await dataQualityStored({ refresh: true });
      return true;
    },
    /**
     * The report as staff see it: cached per process for `reports.cacheMs`, stamped with when it was
     * generated (data quality: from its stored result, `computedAt`; `refresh` recomputes it).
     */
    get: (name: ReportName, options: ReportOptions & { refresh?: boolean }) => {
      const key = `${name}:${name === 'revenue' ? options.months : name === 'data-quality' ? '' : options.days}`;
      if (name === 'data-quality' && options.refresh) cache.delete(key);
      return cached(key, async () => ({
        report: name,
        generatedAt: new Date().toISOString(),
        ...(name === 'data-quality' ? await dataQualityStored({ refresh: options.refresh }) : await fresh(name, options)),
      }));
    },
  };
};

export type ReportsService = ReturnType<typeof createReportsService>;
