import type { Core } from '@strapi/strapi';
import bootstrap from './bootstrap';
import config from './config';
import creditPackage from './content-types/credit-package/schema.json';
import invoice from './content-types/invoice/schema.json';
import paymentEvent from './content-types/payment-event/schema.json';
import paymentMethodConfig from './content-types/payment-method-config/schema.json';
import payment from './content-types/payment/schema.json';
import staff from './controllers/staff';
import tenant from './controllers/tenant';
import register from './register';
import routes from './routes';
import { createCheckoutService } from './services/checkout';
import { createEventsService } from './services/events';
import { createInvoicesService } from './services/invoices';
import { createMonthlyUsageService } from './services/monthly-usage';
import { createNotificationsService } from './services/notifications';
import { createPaymentsService } from './services/payments';
import { createRequestsService } from './services/requests';
import { createSubscriptionsService } from './services/subscriptions';
import { registerBillingGraphql } from './graphql';

export default {
  register(args: { strapi: Core.Strapi }) {
    register(args);
    registerBillingGraphql(args.strapi);
  },
  bootstrap,
  config,
  contentTypes: {
    'credit-package': { schema: creditPackage },
    invoice: { schema: invoice },
    payment: { schema: payment },
    'payment-method-config': { schema: paymentMethodConfig },
    'payment-event': { schema: paymentEvent },
  },
  controllers: { tenant, staff },
  routes,
  services: {
    checkout: createCheckoutService,
    events: createEventsService,
    invoices: createInvoicesService,
    'monthly-usage': createMonthlyUsageService,
    notifications: createNotificationsService,
    payments: createPaymentsService,
    requests: createRequestsService,
    subscriptions: createSubscriptionsService,
  },
};
