import type { Core } from '@strapi/strapi';
import type Bull from 'bull';
import type { RunJobData } from './services/runs';
import { RUN_JOB } from './utils/constants';
import { getService } from './utils/get-service';

const STALLED = /stalled more than allowable limit/;

/**
 * Bull can fail a run job without our processor's last word: a job whose worker died more often than
 * `maxStalledCount` is failed by the stalled-job check. Its run would stay `running` with its credits
 * on hold; this ends it as failed and releases the hold. A run the engine already ended is left alone.
 */
export const onJobFailed = async (strapi: Core.Strapi, job: Bull.Job<RunJobData>, error: Error | undefined) => {
  if (job?.name !== RUN_JOB || !job.data?.runId) return;
  const stalled = STALLED.test(error?.message ?? '');
  if (!stalled && !job.finishedOn) return; // a retry is coming
  try {
    await getService(strapi, 'runs').fail(
      job.data.runId,
      stalled
        ? { kind: 'transient', reason: 'stalled', message: 'The worker running this run stopped (crash or restart) more often than allowed. Retry the run.' }
        : { kind: 'transient', reason: 'server', message: error?.message ?? 'The job failed' },
      {},
      job.data.idempotencyKey
    );
  } catch (failure) {
    strapi.log.warn(`[ai] could not mark run ${job.data.runId} failed: ${(failure as Error).message}`);
  }
};
