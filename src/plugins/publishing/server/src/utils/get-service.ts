import type { Core } from '@strapi/strapi';
import type { DoctorService } from '../services/doctor';
import type { HistoryService } from '../services/history';
import type { IntegrationsService } from '../services/integrations';
import type { PostStateService } from '../services/post-state';
import type { PublisherService } from '../services/publisher';
import type { RecordsService } from '../services/records';
import type { SchedulerService } from '../services/scheduler';
import type { SiteSlotsService } from '../services/site-slots';

interface Services {
  integrations: IntegrationsService;
  doctor: DoctorService;
  history: HistoryService;
  records: RecordsService;
  publisher: PublisherService;
  scheduler: SchedulerService;
  'post-state': PostStateService;
  'site-slots': SiteSlotsService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('publishing').service(name) as Services[K];

/** For other plugins (bulk actions): `getPublishingService(strapi, 'records').retry(ids)`. */
export const getPublishingService = getService;
