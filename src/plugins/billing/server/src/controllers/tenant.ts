import { paginationMeta } from '../../../../../lib/pagination';
import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { idempotencyKeyOf } from '../../../../credits/server/src/utils/idempotency-key';
import { requireTenant } from '../../../../tenancy/server/src/utils/require-tenant';
import { BillingNotFoundError } from '../domain/errors';
import { ACCOUNT_UID, INVOICE_UID, PACKAGE_UID, PAYMENT_UID } from '../domain/uids';
import { INVOICE_FIELDS, PAYMENT_FIELDS } from '../services/checkout';
import { getService } from '../utils/get-service';
import { documentIdParam, listQuery, planChangeBody, purchaseBody, submitPaymentBody } from '../validation/schemas';

/** 201 for a new document, 200 when the Idempotency-Key replayed an earlier response. */
const respond = (ctx: any, { response, replayed }: { response: unknown; replayed: boolean }) => {
  ctx.status = replayed ? 200 : 201;
  ctx.body = { data: response, meta: { replayed } };
};

/** The calling account's billing: packages, invoices, payments, payment methods, plan changes. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async packages(ctx: any) {
    await requireTenant(strapi);
    ctx.body = {
      data: await strapi.db.query(PACKAGE_UID).findMany({ where: { isActive: true }, orderBy: [{ sortOrder: 'asc' }, { credits: 'asc' }], select: ['documentId', 'name', 'credits', 'price', 'currency', 'isFeatured'] }),
    };
  },

  async purchase(ctx: any) {
    const tenant = await requireTenant(strapi);
    const packageDocumentId = validate(documentIdParam, ctx.params.documentId);
    const body = validate(purchaseBody, ctx.request.body ?? {});
    respond(ctx, await getService(strapi, 'checkout').purchase(tenant, { packageDocumentId, ...body, idempotencyKey: idempotencyKeyOf(ctx) }));
  },

  async changePlan(ctx: any) {
    const tenant = await requireTenant(strapi);
    const body = validate(planChangeBody, ctx.request.body ?? {});
    respond(ctx, await getService(strapi, 'checkout').changePlan(tenant, { ...body, idempotencyKey: idempotencyKeyOf(ctx) }));
  },

  async invoices(ctx: any) {
    const tenant = await requireTenant(strapi);
    const q = validate(listQuery, ctx.query);
    const where = { account: { id: tenant.accountId } };
    const [rows, total] = await Promise.all([
      strapi.db.query(INVOICE_UID).findMany({ where, select: INVOICE_FIELDS, orderBy: { id: 'desc' }, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
      strapi.db.query(INVOICE_UID).count({ where }),
    ]);
    ctx.body = { data: rows, meta: paginationMeta(q, total) };
  },

  async invoice(ctx: any) {
    const tenant = await requireTenant(strapi);
    const documentId = validate(documentIdParam, ctx.params.documentId);
    const invoice = await strapi.db.query(INVOICE_UID).findOne({
      where: { documentId, account: { id: tenant.accountId } },
      select: INVOICE_FIELDS,
    });
    if (!invoice) throw new BillingNotFoundError('Invoice');
    const payments = await strapi.db.query(PAYMENT_UID).findMany({ where: { invoice: { id: invoice.id } }, select: PAYMENT_FIELDS, orderBy: { id: 'desc' } });
    ctx.body = { data: { ...invoice, payments } };
  },

  async submitPayment(ctx: any) {
    const tenant = await requireTenant(strapi);
    const invoiceDocumentId = validate(documentIdParam, ctx.params.documentId);
    const body = validate(submitPaymentBody, ctx.request.body ?? {});
    const { response, replayed } = await getService(strapi, 'checkout').submitPayment(tenant, { invoiceDocumentId, ...body, idempotencyKey: idempotencyKeyOf(ctx) });
    respond(ctx, { response: response.payment, replayed });
  },

  async payments(ctx: any) {
    const tenant = await requireTenant(strapi);
    const q = validate(listQuery, ctx.query);
    const where = { account: { id: tenant.accountId } };
    const [rows, total] = await Promise.all([
      strapi.db.query(PAYMENT_UID).findMany({ where, select: PAYMENT_FIELDS, populate: { invoice: { select: ['documentId', 'number'] } }, orderBy: { id: 'desc' }, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
      strapi.db.query(PAYMENT_UID).count({ where }),
    ]);
    ctx.body = { data: rows, meta: paginationMeta(q, total) };
  },

  async monthlyUsage(ctx: any) {
    const tenant = await requireTenant(strapi);
    ctx.body = { data: await getService(strapi, 'monthly-usage').summary(tenant.accountId) };
  },

  async paymentMethods(ctx: any) {
    const tenant = await requireTenant(strapi);
    const account = await strapi.db.query(ACCOUNT_UID).findOne({ where: { id: tenant.accountId }, select: ['billingCountry'] });
    ctx.body = { data: await getService(strapi, 'payments').methodsFor(account?.billingCountry) };
  },
});

