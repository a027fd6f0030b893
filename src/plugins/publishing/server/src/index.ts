import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import config from './config';
import publishingRecord from './content-types/publishing-record/schema.json';
import siteIntegration from './content-types/site-integration/schema.json';
import syncEvent from './content-types/sync-event/schema.json';
import staff from './controllers/staff';
import tenant from './controllers/tenant';
import { registerPublishingGraphql } from './graphql';
import register from './register';
import routes from './routes';
import { createDoctorService } from './services/doctor';
import { createHistoryService } from './services/history';
import { createIntegrationsService } from './services/integrations';
import { createPostStateService } from './services/post-state';
import { createPublisherService } from './services/publisher';
import { createRecordsService } from './services/records';
import { createSchedulerService } from './services/scheduler';
import { createSiteSlotsService } from './services/site-slots';

export default {
  register(args: { strapi: Core.Strapi }) {
    register(args);
    registerPublishingGraphql(args.strapi);
  },
  bootstrap,
  config,
  contentTypes: {
    'site-integration': { schema: siteIntegration },
    'publishing-record': { schema: publishingRecord },
    'sync-event': { schema: syncEvent },
  },
  controllers: { tenant, staff },
  routes,
  services: {
    integrations: createIntegrationsService,
    doctor: createDoctorService,
    history: createHistoryService,
    records: createRecordsService,
    publisher: createPublisherService,
    scheduler: createSchedulerService,
    'post-state': createPostStateService,
    'site-slots': createSiteSlotsService,
  },
};

export { getPublishingService } from './utils/get-service';
export { AddressRefusedError } from './domain/address-guard';
export { WordPressError } from './domain/errors';
