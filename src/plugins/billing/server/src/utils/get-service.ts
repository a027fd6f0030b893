import type { Core } from '@strapi/strapi';
import type { CheckoutService } from '../services/checkout';
import type { EventsService } from '../services/events';
import type { InvoicesService } from '../services/invoices';
import type { MonthlyUsageService } from '../services/monthly-usage';
import type { NotificationsService } from '../services/notifications';
import type { PaymentsService } from '../services/payments';
import type { RequestsService } from '../services/requests';
import type { SubscriptionsService } from '../services/subscriptions';

interface Services {
  checkout: CheckoutService;
  events: EventsService;
  invoices: InvoicesService;
  'monthly-usage': MonthlyUsageService;
  notifications: NotificationsService;
  payments: PaymentsService;
  requests: RequestsService;
  subscriptions: SubscriptionsService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('billing').service(name) as Services[K];
