import type { Core } from '@strapi/strapi';
import type { EngineService } from '../services/engine';
import type { PromptCacheService } from '../services/prompt-cache';
import type { RateLimitService } from '../services/rate-limit';
import type { RegistryService } from '../services/registry';
import type { RunsService } from '../services/runs';

interface Services {
  registry: RegistryService;
  runs: RunsService;
  engine: EngineService;
  'rate-limit': RateLimitService;
  'prompt-cache': PromptCacheService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('ai').service(name) as Services[K];

/** For other plugins: `getAiService(strapi, 'runs').start(...)`, `getAiService(strapi, 'registry').operations.register(...)`. */
export const getAiService = getService;
