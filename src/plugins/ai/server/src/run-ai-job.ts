import type { Core } from '@strapi/strapi';
import type Bull from 'bull';
import type { RunJobData } from './services/runs';
import { getService } from './utils/get-service';

/**
 * The Bull processor of `ai` / `run` jobs, as a plain function (also what a benchmark or another
 * worker calls): the engine does the work; a thrown AiError carries `kind` and `retryAfterMs`, which
 * the queue's `ai` backoff strategy turns into the next delay (or none, for permanent failures).
 */
export const runAiJob = (strapi: Core.Strapi, job: Bull.Job<RunJobData>) =>
  getService(strapi, 'engine').process(job.data, {
    attemptsMade: job.attemptsMade,
    attempts: job.opts.attempts ?? 1,
    discard: () => job.discard(),
  });
