import type { Core } from '@strapi/strapi';
import { canManageMembers, type AccountRole } from '../../../../tenancy/server/src/domain/roles';
import { PublicForbiddenError } from '../../../../tenancy/server/src/utils/public-forbidden';
import { ACCOUNT_UID } from '../domain/uids';
import { getService } from '../utils/get-service';
import type { PaymentMethod } from './payments';

export interface Buyer {
  accountId: number;
  role: AccountRole;
  userId?: number;
  apiKeyId?: number;
}

export const INVOICE_FIELDS = ['id', 'documentId', 'number', 'type', 'status', 'currency', 'lineItems', 'subtotal', 'tax', 'total', 'credits', 'dueDate', 'paidAt', 'periodStart', 'periodEnd', 'createdAt'];
export const PAYMENT_FIELDS = ['id', 'documentId', 'amount', 'currency', 'method', 'status', 'reference', 'proofUrl', 'approvedAt', 'failureReason', 'createdAt'];

const pick = (row: Record<string, any>, fields: string[]) => Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f]]));
const actorOf = (buyer: Buyer) => (buyer.userId ? `user:${buyer.userId}` : `api-key:${buyer.apiKeyId}`);

/**
 * What a tenant does to pay: buy a package, change plan, report a payment. Shared by REST and GraphQL;
 * each call is idempotent on the caller's key and open to owners and admins only.
 */
export const createCheckoutService = ({ strapi }: { strapi: Core.Strapi }) => {
  const requireBuyer = (buyer: Buyer) => {
    if (!canManageMembers(buyer.role)) throw new PublicForbiddenError('Only the account owner or an admin can buy or pay');
  };
  const once: ReturnType<typeof getService<'requests'>>['once'] = (input, run) => getService(strapi, 'requests').once(input, run);

  return {
    async purchase(buyer: Buyer, input: { packageDocumentId: string; quantity: number; idempotencyKey: string }) {
      requireBuyer(buyer);
      return once({ accountId: buyer.accountId, idempotencyKey: input.idempotencyKey, params: { op: 'purchase', packageDocumentId: input.packageDocumentId, quantity: input.quantity } }, async (trx) => {
        const invoice = await getService(strapi, 'invoices').forPackage(trx, { accountId: buyer.accountId, packageDocumentId: input.packageDocumentId, quantity: input.quantity, actor: actorOf(buyer) });
        const account = await strapi.db.query(ACCOUNT_UID).findOne({ where: { id: buyer.accountId }, select: ['billingCountry'] });
        return { invoice: pick(invoice, INVOICE_FIELDS), paymentMethods: await getService(strapi, 'payments').methodsFor(account?.billingCountry) };
      });
    },

    async changePlan(buyer: Buyer, input: { plan: string; idempotencyKey: string }) {
      requireBuyer(buyer);
      return once({ accountId: buyer.accountId, idempotencyKey: input.idempotencyKey, params: { op: 'plan', plan: input.plan } }, async (trx) => ({
        invoice: pick(await getService(strapi, 'subscriptions').requestPlan(trx, { accountId: buyer.accountId, planSlug: input.plan, actor: actorOf(buyer) }), INVOICE_FIELDS),
      }));
    },

    async submitPayment(buyer: Buyer, input: { invoiceDocumentId: string; method: PaymentMethod; reference: string; proofUrl?: string; idempotencyKey: string }) {
      requireBuyer(buyer);
      const { idempotencyKey, ...params } = input;
      return once({ accountId: buyer.accountId, idempotencyKey, params: { op: 'payment', ...params } }, async (trx) => ({
        payment: pick(await getService(strapi, 'payments').submit(trx, { accountId: buyer.accountId, ...params, actor: actorOf(buyer) }), PAYMENT_FIELDS),
      }));
    },
  };
};

export type CheckoutService = ReturnType<typeof createCheckoutService>;
