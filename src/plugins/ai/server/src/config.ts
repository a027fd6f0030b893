export interface AiConfig {
  /** Run jobs one worker process runs at once. */
  workerConcurrency: number;
  /** Job attempts for transient failures (permanent ones stop at once). */
  attempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Per provider HTTP request timeout. */
  requestTimeoutMs: number;
  /** The SDKs' own retries per call. 0: every retry is a job retry decided by error kind (no stacked loops). */
  sdkMaxRetries: number;
  /** How many times a malformed or off-schema answer is re-asked before the run fails. */
  schemaRetries: number;
  /** Requests per minute per provider, shared by every process through Redis. 0 = no limit. */
  rateLimits: Record<string, number>;
  /** A rate-limited call waits this long at most in the worker; longer waits go back to the queue. */
  rateLimitMaxWaitMs: number;
  /** Request/response bodies are dropped from runs older than this. */
  keepBodiesDays: number;
  /** How often the body-trimming job runs. */
  trimEveryMs: number;
  /** Hold lifetime: a run not settled by then has its credits released by the credits plugin. */
  holdTtlSeconds: number;
  /** The monitoring alert fires when at least this many runs failed today (0: never). */
  alertFailedRunsToday: number;
}

export default {
  default: (): AiConfig => ({
    workerConcurrency: 8,
    attempts: 4,
    backoffBaseMs: 10_000,
    backoffMaxMs: 10 * 60_000,
    requestTimeoutMs: 120_000,
    sdkMaxRetries: 0,
    schemaRetries: 2,
    rateLimits: { 'openai-chat': 3000, 'openai-images': 50, 'anthropic-messages': 1000 },
    rateLimitMaxWaitMs: 2_000,
    keepBodiesDays: 14,
    trimEveryMs: 60 * 60_000,
    holdTtlSeconds: 6 * 3600,
    alertFailedRunsToday: 1,
  }),
  validator(config: AiConfig) {
    const positive = ['workerConcurrency', 'attempts', 'backoffBaseMs', 'backoffMaxMs', 'requestTimeoutMs', 'keepBodiesDays', 'trimEveryMs', 'holdTtlSeconds'] as const;
    for (const key of positive) if (!Number.isInteger(config[key]) || config[key] < 1) throw new Error(`ai.${key} must be a positive integer`);
    for (const key of ['sdkMaxRetries', 'schemaRetries', 'rateLimitMaxWaitMs', 'alertFailedRunsToday'] as const) {
      if (!Number.isInteger(config[key]) || config[key] < 0) throw new Error(`ai.${key} must be a non-negative integer`);
    }
    for (const [name, rpm] of Object.entries(config.rateLimits ?? {})) {
      if (!Number.isInteger(rpm) || rpm < 0) throw new Error(`ai.rateLimits.${name} must be a non-negative integer (requests per minute)`);
    }
  },
};
