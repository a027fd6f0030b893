import type { Core } from '@strapi/strapi';
import type { AccountHealthService } from '../services/account-health';
import type { AlertsService } from '../services/alerts';
import type { ApiMonitorService } from '../services/api-monitor';
import type { DebugService } from '../services/debug';
import type { EndpointCheckService } from '../services/endpoint-check';
import type { HealthService } from '../services/health';
import type { JobsService } from '../services/jobs';
import type { QueueConsoleService } from '../services/queue-console';
import type { RegistryService } from '../services/registry';
import type { ReportsService } from '../services/reports';
import type { RollupsService } from '../services/rollups';
import type { WidgetsService } from '../services/widgets';

interface Services {
  registry: RegistryService;
  health: HealthService;
  'api-monitor': ApiMonitorService;
  debug: DebugService;
  widgets: WidgetsService;
  alerts: AlertsService;
  'queue-console': QueueConsoleService;
  jobs: JobsService;
  reports: ReportsService;
  rollups: RollupsService;
  'account-health': AccountHealthService;
  'endpoint-check': EndpointCheckService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('monitoring').service(name) as Services[K];

/** For other plugins: `getMonitoringService(strapi, 'registry').addHealthCheck(...)`. */
export const getMonitoringService = getService;
