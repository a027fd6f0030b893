import type { Core } from '@strapi/strapi';
import { validate } from '../../../../../lib/validate';
import { idempotencyKeyOf } from '../../../../credits/server/src/utils/idempotency-key';
import { canManageMembers } from '../../../../tenancy/server/src/domain/roles';
import { PublicForbiddenError } from '../../../../tenancy/server/src/utils/public-forbidden';
import { requireTenant } from '../../../../tenancy/server/src/utils/require-tenant';
import { BillingNotFoundError } from '../domain/errors';
import { ACCOUNT_UID, INVOICE_UID, PACKAGE_UID, PAYMENT_UID } from '../domain/uids';
import { getService } from '../utils/get-service';
import { documentIdParam, listQuery, planChangeBody, purchaseBody, submitPaymentBody } from '../validation/schemas';

const INVOICE_FIELDS = ['id', 'documentId', 'number', 'type', 'status', 'currency', 'lineItems', 'subtotal', 'tax', 'total', 'credits', 'dueDate', 'paidAt', 'periodStart', 'periodEnd', 'createdAt'];
const PAYMENT_FIELDS = ['id', 'documentId', 'amount', 'currency', 'method', 'status', 'reference', 'proofUrl', 'approvedAt', 'failureReason', 'createdAt'];

/** Only owners and admins spend the account's money. */
const requireBillingRole = async (strapi: Core.Strapi) => {
  const tenant = await requireTenant(strapi);
  if (!canManageMembers(tenant.role)) throw new PublicForbiddenError('Only the account owner or an admin can buy or pay');
  return tenant;
};
const actorOf = (tenant: { userId?: number; apiKeyId?: number }) => (tenant.userId ? `user:${tenant.userId}` : `api-key:${tenant.apiKeyId}`);
const page = (q: { page: number; pageSize: number }, total: number) => ({ pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total } });

/** The calling account's billing: packages, invoices, payments, payment methods, plan changes. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async packages(ctx: any) {
    await requireTenant(strapi);
    ctx.body = {
      data: await strapi.db.query(PACKAGE_UID).findMany({ where: { isActive: true }, orderBy: [{ sortOrder: 'asc' }, { credits: 'asc' }], select: ['documentId', 'name', 'credits', 'price', 'currency', 'isFeatured'] }),
    };
  },

  async purchase(ctx: any) {
    const tenant = await requireBillingRole(strapi);
    const packageDocumentId = validate(documentIdParam, ctx.params.documentId);
    const body = validate(purchaseBody, ctx.request.body ?? {});
    const idempotencyKey = idempotencyKeyOf(ctx);
    const { response, replayed } = await getService(strapi, 'requests').once(
      { accountId: tenant.accountId, idempotencyKey, params: { op: 'purchase', packageDocumentId, ...body } },
      async (trx) => {
        const invoice = await getService(strapi, 'invoices').forPackage(trx, { accountId: tenant.accountId, packageDocumentId, quantity: body.quantity, actor: actorOf(tenant) });
        const account = await strapi.db.query(ACCOUNT_UID).findOne({ where: { id: tenant.accountId }, select: ['billingCountry'] });
        return { invoice: pick(invoice, INVOICE_FIELDS), paymentMethods: await getService(strapi, 'payments').methodsFor(account?.billingCountry) };
      }
    );
    ctx.status = replayed ? 200 : 201;
    ctx.body = { data: response, meta: { replayed } };
  },

  async changePlan(ctx: any) {
    const tenant = await requireBillingRole(strapi);
    const body = validate(planChangeBody, ctx.request.body ?? {});
    const idempotencyKey = idempotencyKeyOf(ctx);
    const { response, replayed } = await getService(strapi, 'requests').once(
      { accountId: tenant.accountId, idempotencyKey, params: { op: 'plan', ...body } },
      async (trx) => ({ invoice: pick(await getService(strapi, 'subscriptions').requestPlan(trx, { accountId: tenant.accountId, planSlug: body.plan, actor: actorOf(tenant) }), INVOICE_FIELDS) })
    );
    ctx.status = replayed ? 200 : 201;
    ctx.body = { data: response, meta: { replayed } };
  },

  async invoices(ctx: any) {
    const tenant = await requireTenant(strapi);
    const q = validate(listQuery, ctx.query);
    const where = { account: { id: tenant.accountId } };
    const [rows, total] = await Promise.all([
      strapi.db.query(INVOICE_UID).findMany({ where, select: INVOICE_FIELDS, orderBy: { id: 'desc' }, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
      strapi.db.query(INVOICE_UID).count({ where }),
    ]);
    ctx.body = { data: rows, meta: page(q, total) };
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
    const tenant = await requireBillingRole(strapi);
    const invoiceDocumentId = validate(documentIdParam, ctx.params.documentId);
    const body = validate(submitPaymentBody, ctx.request.body ?? {});
    const idempotencyKey = idempotencyKeyOf(ctx);
    const { response, replayed } = await getService(strapi, 'requests').once(
      { accountId: tenant.accountId, idempotencyKey, params: { op: 'payment', invoiceDocumentId, ...body } },
      async (trx) => pick(await getService(strapi, 'payments').submit(trx, { accountId: tenant.accountId, invoiceDocumentId, ...body, actor: actorOf(tenant) }), PAYMENT_FIELDS)
    );
    ctx.status = replayed ? 200 : 201;
    ctx.body = { data: response, meta: { replayed } };
  },

  async payments(ctx: any) {
    const tenant = await requireTenant(strapi);
    const q = validate(listQuery, ctx.query);
    const where = { account: { id: tenant.accountId } };
    const [rows, total] = await Promise.all([
      strapi.db.query(PAYMENT_UID).findMany({ where, select: PAYMENT_FIELDS, populate: { invoice: { select: ['documentId', 'number'] } }, orderBy: { id: 'desc' }, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
      strapi.db.query(PAYMENT_UID).count({ where }),
    ]);
    ctx.body = { data: rows, meta: page(q, total) };
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

const pick = (row: Record<string, any>, fields: string[]) => Object.fromEntries(fields.filter((f) => f in row).map((f) => [f, row[f]]));
