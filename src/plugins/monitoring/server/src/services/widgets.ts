import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { getConfig } from '../utils/config';
import { getService } from '../utils/get-service';

/** How long a failed widget figure is answered from the cache (as failed) before it is asked again. */
const FAILURE_PAUSE_MS = 5_000;

const ACCOUNT = 'api::account.account';
const CONTENT = 'api::content.content';
const TASK = 'api::task.task';
const PAYMENT = 'plugin::billing.payment';
const INVOICE = 'plugin::billing.invoice';

const cmList = (uid: string, filters = '') => `/admin/content-manager/collection-types/${uid}${filters ? `?${filters}` : ''}`;

/** Whether a plugin declares an admin side (the approval desk page would live in billing's). */
const hasAdminSide = (strapi: Core.Strapi, name: string) =>
  Boolean((strapi.config.get('enabledPlugins') as any)?.[name]?.packageInfo?.exports?.['./strapi-admin']);

/**
 * Figures for the admin homepage widgets. Each is one or two aggregate queries on indexed columns
 * (see database/ensure-schema.ts), so they stay fast on millions of rows. Periods are calendar
 * periods in the database session's time zone (UTC by default); weeks start on Monday.
 */
export const createWidgetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const has = (uid: string) => Boolean(strapi.contentTypes[uid as keyof typeof strapi.contentTypes]);
  const table = (uid: string) => strapi.db.metadata.get(uid as any).tableName;
  /** `AND deleted_at IS NULL` for soft-deletable types. */
  const live = (uid: string, alias = '') => ((strapi.db.metadata.get(uid as any).attributes as any).deletedAt ? ` AND ${alias}deleted_at IS NULL` : '');
  const tableExists = async (name: string) => Boolean((await knex().raw('SELECT to_regclass(?) AS t', [name])).rows[0].t);

  // Short per-process cache: a homepage per staff member polls every widget every 30 s, and the
  // figures (counts per week or month) do not need to be fresher than this.
  // A figure that fails (another plugin's metric whose query broke, say) is kept failed for a short
  // pause, so every homepage poll does not run the failing query again, and it is logged once per pause
  // (the widget itself only shows no value).
  const cache = new Map<string, { at: number; ttl: number; value: Promise<unknown> }>();
  const cached = <T>(name: string, load: () => Promise<T>): Promise<T> => {
    const ttl = getConfig(strapi).widgets.cacheMs;
    const hit = cache.get(name);
    if (ttl > 0 && hit && Date.now() - hit.at < hit.ttl) return hit.value as Promise<T>;
    const value = load();
    if (ttl > 0) {
      const entry = { at: Date.now(), ttl, value };
      cache.set(name, entry);
      value.catch((error: Error) => {
        strapi.log.warn(`[monitoring] widget figure "${name}" failed (asked again in ${Math.min(ttl, FAILURE_PAUSE_MS) / 1000} s): ${error?.message ?? error}`);
        entry.ttl = Math.min(ttl, FAILURE_PAUSE_MS);
      });
    }
    return value;
  };

  const figures = {
    async accounts() {
      const threshold = Number(strapi.config.get('plugin::credits.defaultLowBalanceThreshold', 500));
      const settings = await tableExists('credit_alert_settings');
      const { rows } = await knex().raw(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE a.status = 'active')::int AS active,
                count(*) FILTER (WHERE COALESCE(a.plan_credits, 0) + COALESCE(a.bonus_credits, 0) - COALESCE(a.held_credits, 0) < ${settings ? 'COALESCE(s.low_balance_threshold, ?)' : '?'})::int AS "lowCredit"
           FROM ${table(ACCOUNT)} a ${settings ? 'LEFT JOIN credit_alert_settings s ON s.account_id = a.id' : ''}
          WHERE true${live(ACCOUNT, 'a.')}`,
        [threshold]
      );
      return {
        ...rows[0],
        lowCreditThreshold: threshold,
        links: { accounts: cmList(ACCOUNT), active: cmList(ACCOUNT, 'filters[$and][0][status][$eq]=active') },
      };
    },

    async content() {
      // Days of this week and month before today from the daily rollup, today's rows live (index range).
      const rollup = await getService(strapi, 'rollups').ensureCurrent('contents');
      const week = `date_trunc('week', now())`;
      const month = `date_trunc('month', now())`;
      const { rows } = await knex().raw(
        rollup
          ? `WITH c AS (
               SELECT day, contents AS n FROM monitoring_content_daily WHERE day >= LEAST(${week}, ${month})::date AND day < current_date
               UNION ALL SELECT current_date, count(*) FROM ${table(CONTENT)} WHERE created_at >= date_trunc('day', now())${live(CONTENT)})
             SELECT COALESCE(SUM(n) FILTER (WHERE day >= ${week}::date), 0)::int AS "thisWeek", COALESCE(SUM(n) FILTER (WHERE day >= ${month}::date), 0)::int AS "thisMonth" FROM c`
          : `SELECT count(*) FILTER (WHERE created_at >= ${week})::int AS "thisWeek", count(*) FILTER (WHERE created_at >= ${month})::int AS "thisMonth"
               FROM ${table(CONTENT)} WHERE created_at >= LEAST(${week}, ${month})${live(CONTENT)}`
      );
      const tasks = await knex().raw(
        `SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued, count(*) FILTER (WHERE status = 'in_progress')::int AS "inProgress"
           FROM ${table(TASK)} WHERE status IN ('queued', 'in_progress')${live(TASK)}`
      );
      const { queued, inProgress } = tasks.rows[0];
      return {
        ...rows[0],
        tasksPending: queued + inProgress,
        tasksQueued: queued,
        tasksInProgress: inProgress,
        links: { content: cmList(CONTENT, 'sort=createdAt:DESC'), tasks: cmList(TASK, 'filters[$and][0][status][$in][0]=queued&filters[$and][0][status][$in][1]=in_progress') },
      };
    },

    async billing() {
      const out: Record<string, unknown> = { available: has(PAYMENT) };
      if (has(PAYMENT)) {
        const pending = await knex().raw(
          `SELECT count(*)::int AS count, COALESCE(SUM(amount), 0)::float8 AS amount, MIN(created_at) AS oldest FROM ${table(PAYMENT)} WHERE status = 'pending_approval'`
        );
        const revenue = await knex().raw(
          `SELECT currency, SUM(total)::float8 AS total, count(*)::int AS invoices FROM ${table(INVOICE)}
            WHERE status = 'paid' AND paid_at >= date_trunc('month', now()) GROUP BY currency ORDER BY total DESC`
        );
        const desk = hasAdminSide(strapi, 'billing') ? '/admin/plugins/billing' : cmList(PAYMENT, 'filters[$and][0][status][$eq]=pending_approval');
        Object.assign(out, {
          pendingApprovals: pending.rows[0].count,
          pendingAmount: pending.rows[0].amount,
          oldestPendingAt: pending.rows[0].oldest,
          revenueThisMonth: revenue.rows,
          links: { approvalDesk: desk, invoices: cmList(INVOICE, 'filters[$and][0][status][$eq]=paid') },
        });
      }
      if (await tableExists('credit_usage_logs')) {
        // Days of this month before today from the daily rollup, today's ledger rows live.
        const rollup = await getService(strapi, 'rollups').ensureCurrent('usage');
        const used = await knex().raw(
          rollup
            ? `WITH u AS (
                 SELECT credits, usd FROM monitoring_usage_daily WHERE day >= date_trunc('month', now())::date AND day < current_date
                 UNION ALL SELECT SUM(credits), SUM(usd_cost) FROM credit_usage_logs WHERE created_at >= date_trunc('day', now()))
               SELECT COALESCE(SUM(credits), 0)::bigint AS credits, COALESCE(SUM(usd), 0)::float8 AS usd FROM u`
            : `SELECT COALESCE(SUM(credits), 0)::bigint AS credits, COALESCE(SUM(usd_cost), 0)::float8 AS usd FROM credit_usage_logs WHERE created_at >= date_trunc('month', now())`
        );
        out.creditsUsedThisMonth = Number(used.rows[0].credits);
        out.usdCostThisMonth = used.rows[0].usd;
      }
      return out;
    },

    async health() {
      const report = await getService(strapi, 'health').current(5000);
      return { status: report.status, checkedAt: report.checkedAt, components: report.components.map(({ id, label, status, summary }) => ({ id, label, status, summary })) };
    },

    async queues() {
      const queues = getQueueService(strapi);
      if (!queues.isAvailable()) return { available: false, queues: [], workers: 0, totals: { waiting: 0, active: 0, delayed: 0, failed: 0 } };
      const [counts, workers] = await Promise.all([queues.counts(), queues.workers()]);
      const sum = (k: 'waiting' | 'active' | 'delayed' | 'failed') => counts.reduce((s, q) => s + q[k], 0);
      return {
        available: true,
        queues: counts,
        workers: workers.length,
        totals: { waiting: sum('waiting'), active: sum('active'), delayed: sum('delayed'), failed: sum('failed') },
        links: { console: '/admin/plugins/monitoring' },
      };
    },

    /** Figures other plugins registered (AI runs, WordPress syncs...), those the caller may see. */
    async activity(can: (action: string) => boolean) {
      const metrics = getService(strapi, 'registry').widgetMetrics().filter((m) => !m.permission || can(m.permission));
      return {
        metrics: await Promise.all(
          metrics.map(async (m) => ({ id: m.id, label: m.label, link: m.link ?? null, value: await cached(`metric:${m.id}`, m.value).catch(() => null) }))
        ),
      };
    },
  };

  return {
    accounts: () => cached('accounts', figures.accounts),
    content: () => cached('content', figures.content),
    billing: () => cached('billing', figures.billing),
    health: () => figures.health(),
    queues: () => cached('queues', figures.queues),
    activity: figures.activity,
    /** The figures without the cache (benchmarks, tests). */
    fresh: figures,
  };
};

export type WidgetsService = ReturnType<typeof createWidgetsService>;
