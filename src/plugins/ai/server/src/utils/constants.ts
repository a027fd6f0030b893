export const RUN_UID = 'plugin::ai.ai-task-log';
export const QUEUE = 'ai';
export const RUN_JOB = 'run';
export const TRIM_JOB = 'trim-logs';
/**
 * The unique index on `ai_task_logs.idempotency_key`, created in bootstrap (Strapi 5 creates no database
 * constraint for the schema's `unique: true`). `runs.start` recognises a lost start race by this name.
 */
export const IDEMPOTENCY_INDEX = 'ai_task_logs_idempotency_key';
export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
/** The hold a run's round reserves: one per round (a staff retry is a new round), so one capture per run. */
export const reserveKey = (runId: number, round: number) => `ai-run:${runId}:reserve:${round}`;
/**
 * A run round's Bull job id. The documentId (random) rather than the numeric id: Bull keeps finished
 * jobs for a day and ignores an add whose id it still holds, so an id reused against another database
 * on the same Redis (a restored or test database) must not collide.
 */
export const jobIdFor = (run: { documentId: string; round?: number | null }) => `ai-run-${run.documentId}-${run.round ?? 0}`;

/**
 * The job a run round gets: what `runs.enqueue` adds and what lost-job recovery adds back. It carries
 * ids, the run's key and its function's name only, and the account as the fairness key.
 */
export const runJobFor = (run: { id: number; documentId: string; idempotencyKey: string; accountId: number; function: string; round?: number | null }) => ({
  jobName: RUN_JOB,
  jobId: jobIdFor(run),
  data: { runId: Number(run.id), idempotencyKey: run.idempotencyKey, function: run.function },
  fairnessKey: run.accountId,
});
