import type Bull from 'bull';

/**
 * Defaults every queue starts from. Finished jobs are trimmed by age and count so Redis does not grow
 * without bound; failed ones are kept longer because staff inspect and retry them.
 */
export const DEFAULT_JOB_OPTIONS: Bull.JobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
};

/**
 * Jobs here last seconds to minutes (AI calls, publishing). A 60 s lock renewed every 30 s keeps a
 * slow job from being declared stalled, and one stall is retried once before it counts as failed.
 */
export const DEFAULT_QUEUE_SETTINGS: Bull.AdvancedSettings = {
  lockDuration: 60_000,
  lockRenewTime: 30_000,
  stalledInterval: 30_000,
  maxStalledCount: 1,
};
