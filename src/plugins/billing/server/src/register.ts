import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import { ACCOUNT_UID, INVOICE_UID } from './domain/uids';
import { getService } from './utils/get-service';

export const BILLING_QUEUE = 'billing';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (context: any, next: any) => {
    // Invoices are immutable once issued, except their status (staff void one in the Content Manager).
    if (context.uid === INVOICE_UID && context.action === 'update' && context.params?.data) {
      const { status } = context.params.data;
      context.params.data = status === undefined ? {} : { status };
    }
    const result = await next();
    // Every new account gets its subscription (free plans start at once, with their credits). In the
    // signup transaction when there is one, so a failure here also undoes the signup.
    if (context.uid === ACCOUNT_UID && context.action === 'create' && result?.id) {
      await getService(strapi, 'subscriptions').startFor(result.id);
    }
    return result;
  });

  getQueueService(strapi).define({
    name: BILLING_QUEUE,
    description: 'Subscription renewals: free periods roll over, paid ones are invoiced, unpaid ones follow the dunning schedule',
    processors: {
      renewals: { concurrency: 1, handler: async () => getService(strapi, 'subscriptions').tick() },
    },
  });
};
