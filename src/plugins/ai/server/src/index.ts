import bootstrap from './bootstrap';
import config from './config';
import aiTaskLog from './content-types/ai-task-log/schema.json';
import staff from './controllers/staff';
import tenant from './controllers/tenant';
import { registerAiGraphql } from './graphql';
import register from './register';
import routes from './routes';
import { createEngineService } from './services/engine';
import { createPromptCacheService } from './services/prompt-cache';
import { createRateLimitService } from './services/rate-limit';
import { createRegistryService } from './services/registry';
import { createRunsService } from './services/runs';
import type { Core } from '@strapi/strapi';

export default {
  register(args: { strapi: Core.Strapi }) {
    register(args);
    registerAiGraphql(args.strapi);
  },
  bootstrap,
  config,
  contentTypes: { 'ai-task-log': { schema: aiTaskLog } },
  controllers: { tenant, staff },
  routes,
  services: { registry: createRegistryService, runs: createRunsService, engine: createEngineService, 'rate-limit': createRateLimitService, 'prompt-cache': createPromptCacheService },
};

export { getAiService } from './utils/get-service';
export { runAiJob } from './run-ai-job';
export { AiError } from './domain/errors';
export type { AiProvider, ChatProvider, ImageProvider, Produced, Provenance } from './domain/types';
export type { AiOperation } from './operations/operation';
export type { RunJobData, StartArgs } from './services/runs';
export { loadOwned, RecordsNotFoundError } from './operations/load-owned';
export { fromSdkError } from './providers/sdk-error';
export { jobIdFor } from './utils/constants';
