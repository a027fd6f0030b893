import type { HysteresisOptions } from './status';

export interface Thresholds {
  yellow: number;
  red: number;
}

/** The plugin's settings (`config/plugins.ts` → `monitoring`), every one with a default. */
export interface MonitoringConfig {
  health: HysteresisOptions & {
    /** Background sampling period per process (ms); the endpoints also sample when called. */
    checkEveryMs: number;
    /** A single check taking longer than this counts as red. */
    checkTimeoutMs: number;
    databaseLatencyMs: Thresholds;
    /** Connections in use as a percentage of `max_connections`. */
    databaseConnectionsPct: Thresholds;
    redisLatencyMs: Thresholds;
    /** Failed jobs summed over queues. */
    queueFailed: Thresholds;
    /** Waiting + delayed jobs summed over queues. */
    queueBacklog: Thresholds;
    /** Free space of the uploads folder's file system, percent (lower is worse). */
    diskFreePct: Thresholds;
    /** Workers alive by heartbeat; with `expectWorkers`, zero workers is yellow. */
    expectWorkers: boolean;
    /** Absolute, or relative to the app root. */
    uploadsDir: string;
  };
  widgets: {
    /** Widget figures are cached this long per process (0: always fresh); the homepage polls every 30 s. */
    cacheMs: number;
  };
  apiMonitor: {
    enabled: boolean;
    /** How often a process adds its in-memory aggregates to PostgreSQL. */
    flushEveryMs: number;
    /** Minute rows older than this are deleted. */
    retentionDays: number;
  };
  alerts: {
    /** Period of the repeatable evaluation job (0 disables the schedule; evaluate() still works). */
    everyMs: number;
    emailTo: string[];
    webhookUrl: string;
    /** Pending manual payments waiting longer than this many hours raise an alert (0: any pending). */
    pendingPaymentsOlderThanHours: number;
    /** Low-credit accounts alert when their forecast runs out within this many days, or are already under threshold. */
    lowCreditDays: number;
    /** Components at this status or worse raise an alert. */
    unhealthyStatus: 'yellow' | 'red';
  };
  reports: {
    /** Reports are cached this long per process (0: always fresh); they are aggregate scans of large tables. */
    cacheMs: number;
    /** What one credit sells for in USD, for the margin; null: the average of active USD credit packages. */
    usdPerCredit: number | null;
    /** Period of the repeatable job that brings the daily rollups up to date (0: only when a report reads them). */
    rollupEveryMs: number;
    /** The data-quality report is served from its last computation while younger than this (0: always computed). */
    dataQualityMaxAgeMs: number;
  };
  /** Endpoints the on-demand check calls over HTTP (through the app itself), each expecting a status. */
  criticalEndpoints: Array<{ name: string; method: 'GET' | 'HEAD'; path: string; expectStatus: number; headers?: Record<string, string> }>;
}

export const DEFAULT_CONFIG: MonitoringConfig = {
  health: {
    checkEveryMs: 15_000,
    checkTimeoutMs: 3_000,
    degradeAfterMs: 30_000,
    recoverAfterMs: 60_000,
    databaseLatencyMs: { yellow: 200, red: 2000 },
    databaseConnectionsPct: { yellow: 80, red: 95 },
    redisLatencyMs: { yellow: 100, red: 1000 },
    queueFailed: { yellow: 50, red: 1000 },
    queueBacklog: { yellow: 1000, red: 20000 },
    diskFreePct: { yellow: 15, red: 5 },
    expectWorkers: false,
    uploadsDir: 'public/uploads',
  },
  widgets: { cacheMs: 15_000 },
  apiMonitor: { enabled: true, flushEveryMs: 10_000, retentionDays: 8 },
  alerts: {
    everyMs: 60_000,
    emailTo: [],
    webhookUrl: '',
    pendingPaymentsOlderThanHours: 0,
    lowCreditDays: 7,
    unhealthyStatus: 'red',
  },
  reports: { cacheMs: 60_000, usdPerCredit: null, rollupEveryMs: 60_000, dataQualityMaxAgeMs: 300_000 },
  criticalEndpoints: [
    { name: 'Load balancer health', method: 'GET', path: '/api/monitoring/health', expectStatus: 200 },
    { name: 'Admin panel API', method: 'GET', path: '/admin/init', expectStatus: 200 },
    { name: 'Plans (public catalogue)', method: 'GET', path: '/api/plans', expectStatus: 200 },
    { name: 'Tenant API refuses anonymous callers', method: 'GET', path: '/api/users/me', expectStatus: 403 },
    // Apollo refuses a GET without a non-simple header (CSRF prevention).
    { name: 'GraphQL', method: 'GET', path: '/graphql?query=%7B__typename%7D', expectStatus: 200, headers: { 'apollo-require-preflight': 'true' } },
  ],
};

const isObject = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

const merge = (base: any, over: any): any => {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
};

/**
 * Resolves the user's partial config against the defaults and checks it. Errors name the key and the fix.
 */
export function resolveConfig(input: unknown): MonitoringConfig {
  const config = merge(DEFAULT_CONFIG, input ?? {}) as MonitoringConfig;
  const fail = (message: string) => {
    throw new Error(`monitoring: ${message}`);
  };
  for (const [name, t] of Object.entries(config.health)) {
    if (!isObject(t) || !('yellow' in t)) continue;
    const { yellow, red } = t as Thresholds;
    if (!Number.isFinite(yellow) || !Number.isFinite(red)) fail(`health.${name} needs numeric yellow and red`);
    const below = name === 'diskFreePct';
    if (below ? red > yellow : red < yellow) fail(`health.${name}: red (${red}) must be ${below ? 'at most' : 'at least'} yellow (${yellow})`);
  }
  for (const key of ['checkEveryMs', 'checkTimeoutMs', 'degradeAfterMs', 'recoverAfterMs'] as const) {
    if (!(config.health[key] >= 0)) fail(`health.${key} must be a number >= 0`);
  }
  if (!(config.widgets.cacheMs >= 0)) fail('widgets.cacheMs must be >= 0 (MONITORING_WIDGET_CACHE_MS)');
  if (!(config.apiMonitor.flushEveryMs >= 100)) fail('apiMonitor.flushEveryMs must be at least 100 (MONITORING_FLUSH_EVERY_MS)');
  if (!(config.alerts.everyMs >= 0)) fail('alerts.everyMs must be >= 0 (MONITORING_ALERTS_EVERY_MS)');
  if (config.alerts.webhookUrl && !/^https?:\/\//.test(config.alerts.webhookUrl)) fail('alerts.webhookUrl must be an http(s) URL (MONITORING_ALERT_WEBHOOK_URL)');
  if (!Array.isArray(config.alerts.emailTo)) fail('alerts.emailTo must be a list of addresses (MONITORING_ALERT_EMAILS, comma-separated)');
  if (!(config.reports.cacheMs >= 0)) fail('reports.cacheMs must be >= 0 (MONITORING_REPORT_CACHE_MS)');
  if (!(config.reports.rollupEveryMs >= 0)) fail('reports.rollupEveryMs must be >= 0 (MONITORING_ROLLUP_EVERY_MS)');
  if (!(config.reports.dataQualityMaxAgeMs >= 0)) fail('reports.dataQualityMaxAgeMs must be >= 0 (MONITORING_DATA_QUALITY_MAX_AGE_MS)');
  if (config.reports.usdPerCredit !== null && !(config.reports.usdPerCredit > 0)) fail('reports.usdPerCredit must be a positive number or null (MONITORING_USD_PER_CREDIT)');
  if (!Array.isArray(config.criticalEndpoints)) fail('criticalEndpoints must be a list of { name, method, path, expectStatus }');
  for (const [i, e] of config.criticalEndpoints.entries()) {
    if (!e || typeof e.path !== 'string' || !e.path.startsWith('/')) fail(`criticalEndpoints[${i}].path must start with "/"`);
    if (!['GET', 'HEAD'].includes(e.method)) fail(`criticalEndpoints[${i}].method must be GET or HEAD (the check never changes data)`);
    if (!Number.isInteger(e.expectStatus)) fail(`criticalEndpoints[${i}].expectStatus must be an HTTP status`);
    if (e.headers && Object.keys(e.headers).some((h) => /^(authorization|cookie)$/i.test(h))) fail(`criticalEndpoints[${i}].headers must not carry credentials (the check is anonymous)`);
  }
  return config;
}
