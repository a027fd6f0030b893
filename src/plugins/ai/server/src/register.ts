import type { Core } from '@strapi/strapi';
import type Bull from 'bull';
import { getQueueService, getRecoveryService } from '../../../queue/server/src/utils/get-service';
import { nextDelay } from '../../../../lib/backoff';
import type { AiConfig } from './config';
import { builtInOperations } from './operations';
import { anthropicMessages } from './providers/anthropic-messages';
import { openaiChat } from './providers/openai-chat';
import { openaiImages } from './providers/openai-images';
import { QUEUE, RUN_JOB, RUN_UID, TRIM_JOB } from './utils/constants';
import { getService } from './utils/get-service';
import { registerMonitoringFigures } from './monitoring-figures';
import { runAiJob } from './run-ai-job';
import { runJobSource } from './run-job-source';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::ai') as AiConfig;
  const registry = getService(strapi, 'registry');
  for (const provider of [openaiChat, openaiImages, anthropicMessages]) registry.providers.register(provider);
  for (const operation of builtInOperations) registry.operations.register(operation);

  getQueueService(strapi).define({
    name: QUEUE,
    description: 'AI runs (clustering, ideas, content, image prompts, images) and trimming of their logged bodies',
    defaultJobOptions: { attempts: config().attempts, backoff: { type: 'ai' } as any },
    settings: {
      // A provider's Retry-After wins; permanent failures stop (-1).
      backoffStrategies: {
        ai: (attemptsMade: number, err: any) => nextDelay({ attemptsMade, kind: err?.kind, retryAfterMs: err?.retryAfterMs, baseMs: config().backoffBaseMs, maxMs: config().backoffMaxMs }),
      },
    },
    processors: {
      [RUN_JOB]: { concurrency: config().workerConcurrency, handler: (job: Bull.Job) => runAiJob(strapi, job) },
      [TRIM_JOB]: { concurrency: 1, handler: () => getService(strapi, 'runs').trimBodies() },
    },
  });

  // A run whose job Redis lost (restart without persistence, crash between commit and enqueue) gets it back.
  getRecoveryService(strapi).register(runJobSource(strapi));

  registerMonitoringFigures(strapi);

  // Runs are served by our own resolvers (scoped to the account), never by shadow CRUD.
  const graphql = strapi.plugin('graphql');
  if (graphql) graphql.service('extension').shadowCRUD(RUN_UID).disable();
};
