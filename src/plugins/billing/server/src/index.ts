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
import { createEventsService } from './services/events';
import { createInvoicesService } from './services/invoices';
import { createMonthlyUsageService } from './services/monthly-usage';
import { createNotificationsService } from './services/notifications';
import { createPaymentsService } from './services/payments';
import { createRequestsService } from './services/requests';
import { createSubscriptionsService } from './services/subscriptions';
import { INVOICE_UID, PAYMENT_UID } from './domain/uids';

export default {
  register(args: { strapi: Core.Strapi }) {
    register(args);
    const graphql = args.strapi.plugin('graphql')?.service('extension');
    if (graphql) {
      // Tenants read their invoices and payments over GraphQL; every write goes through the REST flows.
      for (const uid of [INVOICE_UID, PAYMENT_UID]) graphql.shadowCRUD(uid).disableMutations();
      for (const uid of ['plugin::billing.payment-event', 'plugin::billing.payment-method-config', 'plugin::billing.credit-package']) graphql.shadowCRUD(uid).disable();
      // Content-API permissions only exist for actions with REST routes, and these types have none: the
      // GraphQL reads are guarded by the same permissions as the REST reads of /api/billing.
      graphql.use(({ strapi: s }: { strapi: Core.Strapi }) => {
        const naming = s.plugin('graphql').service('utils').naming;
        const scopes: Record<string, unknown> = {};
        for (const [uid, list, one] of [[INVOICE_UID, 'invoices', 'invoice'], [PAYMENT_UID, 'payments', 'payments']] as const) {
          const model = s.getModel(uid as any);
          scopes[`Query.${naming.getFindQueryName(model)}`] = { auth: { scope: [`plugin::billing.tenant.${list}`] } };
          scopes[`Query.${naming.getFindConnectionQueryName(model)}`] = { auth: { scope: [`plugin::billing.tenant.${list}`] } };
          scopes[`Query.${naming.getFindOneQueryName(model)}`] = { auth: { scope: [`plugin::billing.tenant.${one}`] } };
        }
        return { resolversConfig: scopes };
      });
    }
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
    events: createEventsService,
    invoices: createInvoicesService,
    'monthly-usage': createMonthlyUsageService,
    notifications: createNotificationsService,
    payments: createPaymentsService,
    requests: createRequestsService,
    subscriptions: createSubscriptionsService,
  },
};
