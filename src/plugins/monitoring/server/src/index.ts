import type { Core } from '@strapi/strapi';
import accountHealth from './controllers/account-health';
import bootstrap from './bootstrap';
import config from './config';
import monitoring from './controllers/monitoring';
import reports from './controllers/reports';
import widgets from './controllers/widgets';
import register from './register';
import routes from './routes';
import { createAccountHealthService } from './services/account-health';
import { createAlertsService } from './services/alerts';
import { createApiMonitorService } from './services/api-monitor';
import { createDebugService } from './services/debug';
import { createEndpointCheckService } from './services/endpoint-check';
import { createHealthService } from './services/health';
import { createJobsService } from './services/jobs';
import { createQueueConsoleService } from './services/queue-console';
import { createRegistryService } from './services/registry';
import { createReportsService } from './services/reports';
import { createRollupsService } from './services/rollups';
import { createWidgetsService } from './services/widgets';
import { getService } from './utils/get-service';

export default {
  register,
  bootstrap,
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    getService(strapi, 'health').stop();
    await getService(strapi, 'api-monitor').stop();
  },
  config,
  controllers: { monitoring, widgets, reports, 'account-health': accountHealth },
  routes,
  services: {
    registry: createRegistryService,
    health: createHealthService,
    'api-monitor': createApiMonitorService,
    debug: createDebugService,
    widgets: createWidgetsService,
    alerts: createAlertsService,
    'queue-console': createQueueConsoleService,
    jobs: createJobsService,
    reports: createReportsService,
    rollups: createRollupsService,
    'account-health': createAccountHealthService,
    'endpoint-check': createEndpointCheckService,
  },
};

export { getMonitoringService } from './utils/get-service';
export type { AlertRule, HealthCheck, HealthResult, WidgetMetric } from './domain/registry-types';
export type { AlertCondition, Severity } from './domain/alert-state';
export type { Status } from './domain/status';
