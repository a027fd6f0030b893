import { BUCKET_COUNT, bucketOf, emptyHistogram } from './histogram';

/** One request as the API monitor middleware sees it. */
export interface RequestSample {
  /** Epoch ms when the request finished. */
  at: number;
  method: string;
  /** The route template (`/api/keywords/:id`), never the raw URL, so the key space stays small. */
  route: string;
  /** The API or plugin that owns the route (`keyword`, `credits`, `admin`), or `other`. */
  module: string;
  status: number;
  durationMs: number;
}

/** One aggregate row: a minute of one route. `histogram` has BUCKET_COUNT entries. */
export interface MinuteAggregate {
  minute: number;
  method: string;
  route: string;
  module: string;
  count: number;
  clientErrors: number;
  serverErrors: number;
  durationSumMs: number;
  durationMaxMs: number;
  histogram: number[];
}

export const minuteOf = (at: number) => Math.floor(at / 60_000) * 60_000;

/**
 * Per-process accumulator: requests are folded into one row per minute, method and route in memory
 * and drained periodically to the shared store, where rows from every process are added up.
 */
export class RequestAggregator {
  private rows = new Map<string, MinuteAggregate>();

  record(sample: RequestSample): void {
    const minute = minuteOf(sample.at);
    const key = `${minute}|${sample.method}|${sample.route}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { minute, method: sample.method, route: sample.route, module: sample.module, count: 0, clientErrors: 0, serverErrors: 0, durationSumMs: 0, durationMaxMs: 0, histogram: emptyHistogram() };
      this.rows.set(key, row);
    }
    row.count += 1;
    if (sample.status >= 500) row.serverErrors += 1;
    else if (sample.status >= 400) row.clientErrors += 1;
    row.durationSumMs += sample.durationMs;
    if (sample.durationMs > row.durationMaxMs) row.durationMaxMs = sample.durationMs;
    row.histogram[bucketOf(sample.durationMs)] += 1;
  }

  get size() {
    return this.rows.size;
  }

  /** Returns every row accumulated so far and starts empty. */
  drain(): MinuteAggregate[] {
    const rows = [...this.rows.values()];
    this.rows = new Map();
    return rows;
  }

  /** Puts rows back (a failed flush), adding to anything recorded meanwhile. */
  restore(rows: MinuteAggregate[]): void {
    for (const r of rows) {
      const key = `${r.minute}|${r.method}|${r.route}`;
      const row = this.rows.get(key);
      if (!row) {
        this.rows.set(key, r);
        continue;
      }
      row.count += r.count;
      row.clientErrors += r.clientErrors;
      row.serverErrors += r.serverErrors;
      row.durationSumMs += r.durationSumMs;
      row.durationMaxMs = Math.max(row.durationMaxMs, r.durationMaxMs);
      for (let i = 0; i < BUCKET_COUNT; i++) row.histogram[i] += r.histogram[i];
    }
  }
}

/**
 * The route template and module of a finished Koa request. Only routes Strapi declared count as
 * matched (`ctx.state.route` with an API or plugin owner); everything else (404s and files of the
 * public folder, served by an ownerless catch-all route) shares one key so the key space stays small.
 */
export const routeOf = (ctx: { _matchedRoute?: unknown; state?: any; method: string }): { route: string; module: string } => {
  const route = ctx.state?.route;
  const info = route?.info ?? {};
  const module = info.apiName ?? info.pluginName ?? (info.type === 'admin' ? 'admin' : null);
  // No owner: Strapi's public-folder routes (a catch-all that also answers the 404s) or no route at all.
  if (!route || !module) return { route: '(unmatched)', module: 'other' };
  const template = typeof ctx._matchedRoute === 'string' ? ctx._matchedRoute : typeof route.path === 'string' ? route.path : '(unknown)';
  return { route: template, module: String(module) };
};
