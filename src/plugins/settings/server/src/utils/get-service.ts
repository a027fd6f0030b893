import type { Core } from '@strapi/strapi';
import type { ConnectionTestService } from '../services/connection-test';
import type { IntegrationService } from '../services/integration';
import type { InvalidationService } from '../services/invalidation';
import type { KeyRingService } from '../services/key-ring';
import type { PreferencesService } from '../services/preferences';
import type { PromptsService } from '../services/prompts';
import type { ResolverService } from '../services/resolver';
import type { SeedService } from '../services/seed';
import type { StoreService } from '../services/store';
import type { TemplatesService } from '../services/templates';

interface Services {
  'connection-test': ConnectionTestService;
  integration: IntegrationService;
  invalidation: InvalidationService;
  'key-ring': KeyRingService;
  preferences: PreferencesService;
  prompts: PromptsService;
  resolver: ResolverService;
  seed: SeedService;
  store: StoreService;
  templates: TemplatesService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('settings').service(name) as Services[K];
