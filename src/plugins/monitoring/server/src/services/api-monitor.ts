import type { Core } from '@strapi/strapi';
import { BUCKET_COUNT, percentileOf } from '../domain/histogram';
import { RequestAggregator, routeOf, type MinuteAggregate } from '../domain/request-aggregate';
import { getConfig } from '../utils/config';

const H = Array.from({ length: BUCKET_COUNT }, (_, i) => `h${i}`);
const TABLE = 'monitoring_api_minutes';
/** Quarter-hour sums of the minute rows, kept by triggers (database/ensure-schema.ts). */
const QUARTERS = 'monitoring_api_quarters';
export const WINDOWS = { hour: 60, day: 24 * 60 } as const;
export type MonitorWindow = keyof typeof WINDOWS;
const DAY_REPORT_TTL_MS = 60_000;

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

interface Figures {
  count: number;
  clientErrors: number;
  serverErrors: number;
  errorRate: number;
  avgMs: number | null;
  maxMs: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

const figures = (count: number, clientErrors: number, serverErrors: number, sumMs: number, maxMs: number, histogram: number[]): Figures => ({
  count,
  clientErrors,
  serverErrors,
  // Server errors only: 4xx are the client's (bad input, no permission) and listed on their own.
  errorRate: count ? round(serverErrors / count, 4) : 0,
  avgMs: count ? round(sumMs / count) : null,
  maxMs: count ? round(maxMs) : null,
  p50: percentileOf(histogram, 50),
  p95: percentileOf(histogram, 95),
  p99: percentileOf(histogram, 99),
});

/**
 * The API monitor: a Koa middleware folds every request into per-minute aggregates in memory (route
 * template, method, status class, duration histogram); a timer adds them to PostgreSQL, so the
 * figures of all processes add up. Reports read the minute rows of the last hour or day.
 */
export const createApiMonitorService = ({ strapi }: { strapi: Core.Strapi }) => {
  const aggregator = new RequestAggregator();
  let enabled = true;
  let timer: NodeJS.Timeout | undefined;
  let lastCleanup = 0;
  let flushing: Promise<void> | undefined;
  let dayCache: { at: number; value: Promise<any> } | undefined;
  const knex = () => strapi.db.connection;

  const middleware = async (ctx: any, next: () => Promise<unknown>) => {
    if (!enabled) return next();
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const { route, module } = routeOf(ctx);
      aggregator.record({ at: Date.now(), method: ctx.method, route, module, status: ctx.status, durationMs });
    }
  };

  async function write(rows: MinuteAggregate[]) {
    const values = rows.map((r) => [new Date(r.minute), r.method, r.route.slice(0, 300), r.module.slice(0, 100), r.count, r.clientErrors, r.serverErrors, r.durationSumMs, r.durationMaxMs, ...r.histogram]);
    const columns = ['minute', 'method', 'route', 'module', 'count', 'client_errors', 'server_errors', 'duration_sum_ms', 'duration_max_ms', ...H];
    const placeholders = values.map((v) => `(${v.map(() => '?').join(',')})`).join(',');
    const add = ['count', 'client_errors', 'server_errors', 'duration_sum_ms', ...H].map((c) => `${c} = t.${c} + EXCLUDED.${c}`);
    await knex().raw(
      `INSERT INTO ${TABLE} AS t (${columns.join(',')}) VALUES ${placeholders}
       ON CONFLICT (minute, method, route) DO UPDATE SET ${add.join(', ')}, duration_max_ms = GREATEST(t.duration_max_ms, EXCLUDED.duration_max_ms)`,
      values.flat()
    );
  }

  /** Adds this process's aggregates to PostgreSQL. On failure they are kept for the next flush. */
  async function flush(): Promise<void> {
    if (flushing) return flushing;
    flushing = (async () => {
      const rows = aggregator.drain();
      try {
        for (let i = 0; i < rows.length; i += 200) await write(rows.slice(i, i + 200));
      } catch (error) {
        aggregator.restore(rows);
        strapi.log.warn(`[monitoring] API monitor flush failed, kept in memory: ${(error as Error).message}`);
      }
      const { retentionDays } = getConfig(strapi).apiMonitor;
      if (Date.now() - lastCleanup > 3600_000) {
        lastCleanup = Date.now();
        await knex().raw(`DELETE FROM ${TABLE} WHERE minute < now() - make_interval(days => ?)`, [retentionDays]).catch(() => undefined);
        await knex().raw(`DELETE FROM ${QUARTERS} WHERE quarter < now() - make_interval(days => ?)`, [retentionDays]).catch(() => undefined);
      }
    })().finally(() => {
      flushing = undefined;
    });
    return flushing;
  }

  return {
    middleware,
    flush,
    isEnabled: () => enabled,
    /** Turns recording on or off at runtime (the benchmark compares both in one run). */
    setEnabled(value: boolean) {
      enabled = value;
    },
    start() {
      const config = getConfig(strapi).apiMonitor;
      enabled = config.enabled;
      if (timer) return;
      timer = setInterval(() => void flush(), config.flushEveryMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await flush().catch(() => undefined);
    },

    /**
     * Per-endpoint figures over the last hour or day, grouped by module, plus a per-minute timeline
     * (per 15 minutes for a day). Flushes this process first so its latest requests count. The day
     * report reads at most 96 quarter rows and 30 minute rows per route; it is reused for 60 s.
     */
    async report(window: MonitorWindow) {
      const hit = dayCache;
      if (window === 'day' && hit && Date.now() - hit.at < DAY_REPORT_TTL_MS) return hit.value;
      const value = this.freshReport(window);
      if (window === 'day') {
        dayCache = { at: Date.now(), value };
        value.catch(() => (dayCache = undefined));
      }
      return value;
    },

    async freshReport(window: MonitorWindow) {
      await flush();
      const minutes = WINDOWS[window];
      const sums = ['count', 'client_errors', 'server_errors', 'duration_sum_ms', ...H].map((c) => `SUM(${c})::float8 AS ${c}`).join(', ');
      const start = `date_trunc('minute', now()) - make_interval(mins => ${minutes - 1})`;
      const quarterOf = (col: string) => `to_timestamp(floor(extract(epoch FROM ${col}) / 900) * 900)`;
      // The day: whole quarter hours from the quarter rows, the partial quarters at both ends from the
      // minute rows (the same figures: the quarters are their sums). The hour reads minute rows only.
      const columns = ['module', 'method', 'route', 'count', 'client_errors', 'server_errors', 'duration_sum_ms', 'duration_max_ms', ...H].join(', ');
      const source =
        window === 'day'
          ? `SELECT ${columns}, ${quarterOf('minute')} AS bucket FROM ${TABLE}
              WHERE minute >= ${start} AND (minute < ${quarterOf(start)} + interval '15 minutes' OR minute >= ${quarterOf('now()')})
             UNION ALL
             SELECT ${columns}, quarter FROM ${QUARTERS}
              WHERE quarter >= ${quarterOf(start)} + interval '15 minutes' AND quarter < ${quarterOf('now()')}`
          : `SELECT ${columns}, minute AS bucket FROM ${TABLE} WHERE minute >= ${start}`;
      const { rows } = await knex().raw(
        `SELECT module, method, route, ${sums}, MAX(duration_max_ms) AS duration_max_ms FROM (${source}) s GROUP BY module, method, route`
      );
      const step = window === 'hour' ? 1 : 15;
      const timeline = await knex().raw(
        `SELECT to_timestamp(floor(extract(epoch FROM bucket) / (? * 60)) * (? * 60)) AS at, SUM(count)::int AS count, SUM(server_errors)::int AS "serverErrors",
                SUM(duration_sum_ms)::float8 / NULLIF(SUM(count), 0) AS "avgMs"
           FROM (${source}) s GROUP BY 1 ORDER BY 1`,
        [step, step]
      );
      const histogramOf = (r: any) => H.map((h) => Number(r[h]));
      interface Endpoint extends Figures {
        module: string;
        method: string;
        route: string;
        histogram: number[];
      }
      const endpoints: Endpoint[] = rows.map((r: any) => ({
        module: r.module,
        method: r.method,
        route: r.route,
        histogram: histogramOf(r),
        ...figures(Number(r.count), Number(r.client_errors), Number(r.server_errors), Number(r.duration_sum_ms), Number(r.duration_max_ms), histogramOf(r)),
      }));
      const group = (list: Endpoint[]): Figures => {
        const histogram = list.reduce((acc, e) => acc.map((v, i) => v + e.histogram[i]), new Array(BUCKET_COUNT).fill(0));
        const sum = (k: 'count' | 'clientErrors' | 'serverErrors') => list.reduce((s, e) => s + e[k], 0);
        const durationSum = list.reduce((s, e) => s + (e.avgMs ?? 0) * e.count, 0);
        return figures(sum('count'), sum('clientErrors'), sum('serverErrors'), durationSum, Math.max(0, ...list.map((e) => e.maxMs ?? 0)), histogram);
      };
      const byModule = new Map<string, Endpoint[]>();
      for (const e of endpoints) byModule.set(e.module, [...(byModule.get(e.module) ?? []), e]);
      return {
        window,
        from: new Date(Date.now() - minutes * 60_000).toISOString(),
        to: new Date().toISOString(),
        totals: group(endpoints),
        modules: [...byModule.entries()]
          .map(([module, list]) => ({
            module,
            ...group(list),
            endpoints: list.sort((a, b) => b.count - a.count).map(({ histogram, ...e }) => e),
          }))
          .sort((a, b) => b.count - a.count),
        timeline: timeline.rows.map((r: any) => ({ at: new Date(r.at).toISOString(), count: r.count, serverErrors: r.serverErrors, avgMs: r.avgMs === null ? null : round(Number(r.avgMs)) })),
      };
    },
  };
};

export type ApiMonitorService = ReturnType<typeof createApiMonitorService>;
