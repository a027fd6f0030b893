import type Bull from 'bull';

/** A job a record should have in Redis: what the plugin's own enqueue would add for it. */
export interface ExpectedJob<Data = unknown> {
  /** The row's id: sources page by it (ascending). */
  id: number;
  jobName: string;
  /** The deterministic Bull job id the plugin's enqueue uses; recovery adds the job only if no job has it. */
  jobId: string;
  data: Data;
  fairnessKey?: string | number;
  /** Other Bull options for the re-added job (a `delay` for a scheduled record, say). */
  opts?: Omit<Bull.JobOptions, 'jobId' | 'priority'>;
}

/**
 * A plugin whose database rows promise a job (a queued AI run, say) registers one of these, so a job
 * lost from Redis (a restart without persistence, a flush, a crash between the commit and the enqueue)
 * is added again: the database is the source of truth, Redis only the delivery. The processors are
 * idempotent already (at least once delivery), so a job added twice by accident does no harm.
 */
export interface JobSource<Data = unknown> {
  /** Unique across plugins: `<plugin>.<what>`, e.g. `ai.runs`. */
  name: string;
  /** The queue its jobs go to (defined with `define()`). */
  queue: string;
  /**
   * Up to `limit` rows with an id above `afterId` still waiting for their job (not finished) and last
   * written before `before`, by id ascending, as the jobs they should have. Rows written since `before`
   * may be mid-enqueue and are left alone.
   */
  expected(args: { before: Date; afterId: number; limit: number }): Promise<ExpectedJob<Data>[]>;
}

/** What one sweep did for one source. */
export interface SweepOutcome {
  source: string;
  checked: number;
  requeued: number;
  /** Set when the source could not be swept (its query failed, Redis went away). */
  error?: string;
}
