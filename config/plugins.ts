import type { Core } from '@strapi/strapi';

const local = (name: string, config: Record<string, unknown> = {}) => ({
  enabled: true,
  resolve: `./src/plugins/${name}`,
  config,
});

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      // Signup takes an optional account name; every other extra field is refused (mass assignment).
      register: { allowedFields: ['accountName'] },
      ratelimit: { interval: 60000, max: env.int('AUTH_RATELIMIT_MAX', 10) },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 7),
      defaultLimit: 25,
      maxLimit: 100,
      landingPage: env('NODE_ENV') !== 'production',
      apolloServer: { introspection: env('NODE_ENV') !== 'production' },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', '127.0.0.1'),
        port: env.int('SMTP_PORT', 1025),
        secure: env.bool('SMTP_SECURE', false),
        ignoreTLS: !env.bool('SMTP_SECURE', false),
        auth: env('SMTP_USER') ? { user: env('SMTP_USER'), pass: env('SMTP_PASS') } : undefined,
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'IGNY8 <no-reply@igny8.local>'),
        defaultReplyTo: env('EMAIL_REPLY_TO', 'support@igny8.local'),
      },
    },
  },
  queue: local('queue', {
    redisUrl: env('REDIS_URL', 'redis://127.0.0.1:6379'),
    prefix: env('QUEUE_PREFIX', 'igny8'),
    // `npm run develop` runs the processors in the API process; `npm start` leaves them to `npm run worker`.
    runWorkers: env.bool('RUN_WORKERS_IN_PROCESS', false),
    // Unset: 60 s locks and a 30 s stalled check (queue plugin README). Crash tests shorten them.
    lockDurationMs: env.int('QUEUE_LOCK_DURATION_MS'),
    stalledIntervalMs: env.int('QUEUE_STALLED_INTERVAL_MS'),
    shutdownGraceMs: env.int('QUEUE_SHUTDOWN_GRACE_MS', 30000),
    // Lost-job recovery: every minute, jobs of rows waiting over 2 minutes that Redis no longer has.
    recoverEveryMs: env.int('QUEUE_RECOVER_EVERY_MS', 60000),
    recoverAfterMs: env.int('QUEUE_RECOVER_AFTER_MS', 120000),
  }),
  tenancy: local('tenancy', {
    apiKeyPepper: env('API_KEY_PEPPER', ''),
    graphql: {
      maxAliases: env.int('GRAPHQL_MAX_ALIASES', 15),
      maxFields: env.int('GRAPHQL_MAX_FIELDS', 500),
    },
  }),
  media: local('media', {
    maxImageBytes: env.int('MEDIA_MAX_IMAGE_BYTES', 10 * 1024 * 1024),
  }),
  'soft-delete': local('soft-delete', {
    extraContentTypes: ['plugin::users-permissions.user'],
  }),
  staff: local('staff', {
    adminEmail: env('ADMIN_EMAIL', ''),
    adminPassword: env('ADMIN_PASSWORD', ''),
  }),
  credits: local('credits', {
    defaultLowBalanceThreshold: env.int('CREDITS_LOW_BALANCE_THRESHOLD', 500),
    expireHoldsEveryMs: env.int('CREDITS_EXPIRE_HOLDS_EVERY_MS', 60000),
  }),
  billing: local('billing', {
    renewal: { graceDays: env.int('BILLING_GRACE_DAYS', 7), expireDays: env.int('BILLING_EXPIRE_DAYS', 14) },
    renewalEveryMs: env.int('BILLING_RENEWAL_EVERY_MS', 300000),
  }),
  settings: local('settings', {
    // Key ring for stored API keys: "v2:<base64 32 bytes>,v1:<...>", newest first (see the plugin README).
    encryptionKeys: env('SETTINGS_ENCRYPTION_KEYS', ''),
    cacheTtlMs: env.int('SETTINGS_CACHE_TTL_MS', 60000),
  }),
  publishing: local('publishing', {
    // Hosts that bypass the address guard (http and private addresses allowed): "host" or "host:port",
    // comma-separated. Development and tests only; empty in production.
    allowedHosts: env('PUBLISHING_ALLOWED_HOSTS', ''),
    requestTimeoutMs: env.int('PUBLISHING_REQUEST_TIMEOUT_MS', 15000),
    perSiteConcurrency: env.int('PUBLISHING_PER_SITE_CONCURRENCY', 2),
    workerConcurrency: env.int('PUBLISHING_WORKER_CONCURRENCY', 100),
    attempts: env.int('PUBLISHING_ATTEMPTS', 5),
    backoffBaseMs: env.int('PUBLISHING_BACKOFF_BASE_MS', 2000),
    backoffMaxMs: env.int('PUBLISHING_BACKOFF_MAX_MS', 600000),
    leaseMs: env.int('PUBLISHING_LEASE_MS', 60000),
    scheduleEveryMs: env.int('PUBLISHING_SCHEDULE_EVERY_MS', 60000),
    alertFailedSyncsToday: env.int('PUBLISHING_ALERT_FAILED_SYNCS_TODAY', 10),
  }),
  ai: local('ai', {
    workerConcurrency: env.int('AI_WORKER_CONCURRENCY', 8),
    attempts: env.int('AI_ATTEMPTS', 4),
    backoffBaseMs: env.int('AI_BACKOFF_BASE_MS', 10000),
    backoffMaxMs: env.int('AI_BACKOFF_MAX_MS', 600000),
    requestTimeoutMs: env.int('AI_REQUEST_TIMEOUT_MS', 120000),
    // The SDKs' own retries; 0 leaves every retry to the job, decided by error kind (see the plugin README).
    sdkMaxRetries: env.int('AI_SDK_MAX_RETRIES', 0),
    schemaRetries: env.int('AI_SCHEMA_RETRIES', 2),
    rateLimits: {
      'openai-chat': env.int('AI_RPM_OPENAI_CHAT', 3000),
      'openai-images': env.int('AI_RPM_OPENAI_IMAGES', 50),
      'anthropic-messages': env.int('AI_RPM_ANTHROPIC', 1000),
    },
    rateLimitMaxWaitMs: env.int('AI_RATE_LIMIT_MAX_WAIT_MS', 2000),
    keepBodiesDays: env.int('AI_KEEP_BODIES_DAYS', 14),
    trimEveryMs: env.int('AI_TRIM_EVERY_MS', 3600000),
    holdTtlSeconds: env.int('AI_HOLD_TTL_SECONDS', 21600),
    alertFailedRunsToday: env.int('AI_ALERT_FAILED_RUNS_TODAY', 1),
  }),
  audit: local('audit', {
    retentionDays: env.int('AUDIT_RETENTION_DAYS', 365),
    purgeEveryMs: env.int('AUDIT_PURGE_EVERY_MS', 86400000),
  }),
  'bulk-actions': local('bulk-actions'),
  'import-export': local('import-export'),
  monitoring: local('monitoring', {
    health: {
      checkEveryMs: env.int('MONITORING_HEALTH_EVERY_MS', 15000),
      degradeAfterMs: env.int('MONITORING_HEALTH_DEGRADE_AFTER_MS', 30000),
      recoverAfterMs: env.int('MONITORING_HEALTH_RECOVER_AFTER_MS', 60000),
      expectWorkers: env.bool('MONITORING_EXPECT_WORKERS', false),
      uploadsDir: env('MONITORING_UPLOADS_DIR', 'public/uploads'),
    },
    widgets: { cacheMs: env.int('MONITORING_WIDGET_CACHE_MS', 15000) },
    apiMonitor: {
      enabled: env.bool('MONITORING_API_MONITOR', true),
      flushEveryMs: env.int('MONITORING_FLUSH_EVERY_MS', 10000),
      retentionDays: env.int('MONITORING_RETENTION_DAYS', 8),
    },
    alerts: {
      everyMs: env.int('MONITORING_ALERTS_EVERY_MS', 60000),
      emailTo: env.array('MONITORING_ALERT_EMAILS', []),
      webhookUrl: env('MONITORING_ALERT_WEBHOOK_URL', ''),
      pendingPaymentsOlderThanHours: env.int('MONITORING_PENDING_PAYMENT_HOURS', 0),
      lowCreditDays: env.int('MONITORING_LOW_CREDIT_DAYS', 7),
      unhealthyStatus: env('MONITORING_ALERT_ON_STATUS', 'red'),
    },
    reports: {
      cacheMs: env.int('MONITORING_REPORT_CACHE_MS', 60000),
      usdPerCredit: env.float('MONITORING_USD_PER_CREDIT', null as unknown as number),
      rollupEveryMs: env.int('MONITORING_ROLLUP_EVERY_MS', 60000),
      dataQualityMaxAgeMs: env.int('MONITORING_DATA_QUALITY_MAX_AGE_MS', 300000),
    },
  }),
  'demo-data': local('demo-data', {
    seed: env.bool('SEED_DEMO_DATA', false),
  }),
});
