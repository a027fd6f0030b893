export interface PublishingConfig {
  /** Hosts the address guard lets through (http and private addresses included): "host" or "host:port", comma-separated. Development and tests only. */
  allowedHosts: string;
  /** Per-request timeout against a site. */
  requestTimeoutMs: number;
  /** At most this many publish jobs talk to one site at once, across all worker processes. */
  perSiteConcurrency: number;
  /** Publish jobs one worker process runs at once (all sites together). */
  workerConcurrency: number;
  /** Attempts per publish job (transient failures); permanent ones stop at once. */
  attempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long one attempt holds a content's publish lease before another may take it over (a killed worker's lease expires). */
  leaseMs: number;
  /** How often due scheduled content is published (repeatable job, once per tick cluster-wide). */
  scheduleEveryMs: number;
  /** The monitoring alert fires when more than this many sync attempts failed today. */
  alertFailedSyncsToday: number;
}

export default {
  default: (): PublishingConfig => ({
    allowedHosts: '',
    requestTimeoutMs: 15_000,
    perSiteConcurrency: 2,
    workerConcurrency: 100,
    attempts: 5,
    backoffBaseMs: 2_000,
    backoffMaxMs: 10 * 60_000,
    leaseMs: 60_000,
    scheduleEveryMs: 60_000,
    alertFailedSyncsToday: 10,
  }),
  validator(config: PublishingConfig) {
    const positive = ['requestTimeoutMs', 'perSiteConcurrency', 'workerConcurrency', 'attempts', 'backoffBaseMs', 'backoffMaxMs', 'leaseMs', 'scheduleEveryMs'] as const;
    for (const key of positive) {
      if (!Number.isInteger(config[key]) || config[key] < 1) throw new Error(`publishing.${key} must be a positive integer`);
    }
    if (!Number.isInteger(config.alertFailedSyncsToday) || config.alertFailedSyncsToday < 0) throw new Error('publishing.alertFailedSyncsToday must be a non-negative integer');
    if (config.scheduleEveryMs < 1000) throw new Error('publishing.scheduleEveryMs must be at least 1000');
    if (process.env.NODE_ENV === 'production' && config.allowedHosts) {
      // Allowed, but loud: an allow-list in production lets tenants reach those hosts over http.
      // eslint-disable-next-line no-console
      console.warn('[publishing] PUBLISHING_ALLOWED_HOSTS is set in production: those hosts bypass the address guard');
    }
  },
};
