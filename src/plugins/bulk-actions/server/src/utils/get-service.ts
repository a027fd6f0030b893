import type { Core } from '@strapi/strapi';
import type { RegistryService } from '../services/registry';
import type { RunnerService } from '../services/runner';
import type { RunsService } from '../services/runs';
import type { SelectionService } from '../services/selection';
import type { SqlService } from '../services/sql';

interface Services {
  registry: RegistryService;
  runner: RunnerService;
  runs: RunsService;
  selection: SelectionService;
  sql: SqlService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('bulk-actions').service(name) as Services[K];

/** For other plugins: `getBulkActionsService(strapi, 'registry').register({...})` in their `register()`. */
export const getBulkActionsService = getService;
