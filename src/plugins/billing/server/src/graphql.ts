import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { validate } from '../../../../lib/validate';
import { idempotencyKeyHeader } from '../../../credits/server/src/validation/schemas';
import { INVOICE_UID, PAYMENT_UID } from './domain/uids';
import { getService } from './utils/get-service';
import { documentIdParam, planChangeBody, purchaseBody, submitPaymentBody } from './validation/schemas';

const typeDefs = /* GraphQL */ `
  type BillingInvoiceSummary {
    documentId: ID! number: String! type: String! status: String! currency: String!
    subtotal: Float! tax: Float! total: Float! credits: Int! dueDate: String periodStart: DateTime periodEnd: DateTime
  }
  type BillingPaymentMethod { method: String! displayName: String! instructions: String details: JSON }
  type BillingPaymentSummary { documentId: ID! status: String! method: String! reference: String amount: Float! currency: String! }
  type BillingCheckoutResult { invoice: BillingInvoiceSummary! paymentMethods: [BillingPaymentMethod!] replayed: Boolean! }
  type BillingPaymentResult { payment: BillingPaymentSummary! replayed: Boolean! }
  extend type Mutation {
    purchaseCreditPackage(packageId: ID!, quantity: Int, idempotencyKey: String!): BillingCheckoutResult!
    requestPlan(plan: String!, idempotencyKey: String!): BillingCheckoutResult!
    submitPayment(invoiceId: ID!, method: String!, reference: String!, proofUrl: String, idempotencyKey: String!): BillingPaymentResult!
  }
`;

const keyArg = z.strictObject({ idempotencyKey: idempotencyKeyHeader });
const defined = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));

/**
 * Tenant billing over GraphQL: reads of invoices and payments come from shadow CRUD (scoped by the
 * tenancy middleware, guarded by the REST permissions); the three money-moving flows are mutations
 * that call the same checkout service, validation and idempotency as REST.
 */
export const registerBillingGraphql = (strapi: Core.Strapi) => {
  const extension = strapi.plugin('graphql')?.service('extension');
  if (!extension) return;
  for (const uid of [INVOICE_UID, PAYMENT_UID]) extension.shadowCRUD(uid).disableMutations();
  for (const uid of ['plugin::billing.payment-event', 'plugin::billing.payment-method-config', 'plugin::billing.credit-package']) extension.shadowCRUD(uid).disable();

  extension.use(({ strapi: s }: { strapi: Core.Strapi }) => {
    const buyer = async (context: any) => {
      const tenant = await s.plugin('tenancy').service('tenant-context').fromGraphqlContext(context);
      if (tenant.kind !== 'tenant') throw new errors.ForbiddenError('Sign in as a member of an account');
      return tenant;
    };
    const checkout = () => getService(s, 'checkout');
    const naming = s.plugin('graphql').service('utils').naming;
    // Content-API permissions exist only for actions with REST routes, and these types have none: the
    // GraphQL reads are guarded by the permissions of the matching REST reads of /api/billing.
    const readScopes: Record<string, unknown> = {};
    for (const [uid, list, one] of [[INVOICE_UID, 'invoices', 'invoice'], [PAYMENT_UID, 'payments', 'payments']] as const) {
      const model = s.getModel(uid as any);
      for (const name of [naming.getFindQueryName(model), naming.getFindConnectionQueryName(model)]) readScopes[`Query.${name}`] = { auth: { scope: [`plugin::billing.tenant.${list}`] } };
      readScopes[`Query.${naming.getFindOneQueryName(model)}`] = { auth: { scope: [`plugin::billing.tenant.${one}`] } };
    }

    return {
      typeDefs,
      resolvers: {
        Mutation: {
          async purchaseCreditPackage(_: unknown, args: any, context: any) {
            const packageDocumentId = validate(documentIdParam, args.packageId);
            const { quantity } = validate(purchaseBody, defined({ quantity: args.quantity }));
            const { idempotencyKey } = validate(keyArg, { idempotencyKey: args.idempotencyKey });
            const { response, replayed } = await checkout().purchase(await buyer(context), { packageDocumentId, quantity, idempotencyKey });
            return { ...response, replayed };
          },
          async requestPlan(_: unknown, args: any, context: any) {
            const { plan } = validate(planChangeBody, { plan: args.plan });
            const { idempotencyKey } = validate(keyArg, { idempotencyKey: args.idempotencyKey });
            const { response, replayed } = await checkout().changePlan(await buyer(context), { plan, idempotencyKey });
            return { ...response, paymentMethods: null, replayed };
          },
          async submitPayment(_: unknown, args: any, context: any) {
            const invoiceDocumentId = validate(documentIdParam, args.invoiceId);
            const body = validate(submitPaymentBody, defined({ method: args.method, reference: args.reference, proofUrl: args.proofUrl }));
            const { idempotencyKey } = validate(keyArg, { idempotencyKey: args.idempotencyKey });
            const { response, replayed } = await checkout().submitPayment(await buyer(context), { invoiceDocumentId, ...body, idempotencyKey });
            return { ...response, replayed };
          },
        },
      },
      resolversConfig: {
        ...readScopes,
        'Mutation.purchaseCreditPackage': { auth: { scope: ['plugin::billing.tenant.purchase'] } },
        'Mutation.requestPlan': { auth: { scope: ['plugin::billing.tenant.changePlan'] } },
        'Mutation.submitPayment': { auth: { scope: ['plugin::billing.tenant.submitPayment'] } },
      },
    };
  });
};
