import { paginationMeta } from '../../../../../lib/pagination';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getCreditsService } from '../../../../credits/server/src/utils/get-service';
import { BillingNotFoundError, BillingStateError } from '../domain/errors';
import { sameAmount } from '../domain/invoice-totals';
import { ACCOUNT_UID, INVOICE_UID, METHOD_UID, PAYMENT_UID } from '../domain/uids';
import { getService } from '../utils/get-service';

export type PaymentMethod = 'stripe' | 'paypal' | 'bank_transfer' | 'local_wallet' | 'manual';
/** Methods a tenant reports by hand and staff approve; card/wallet gateways confirm themselves. */
export const MANUAL_METHODS: PaymentMethod[] = ['bank_transfer', 'local_wallet', 'manual'];

export interface Decision {
  paymentId: number;
  actor: string;
}

export interface DecisionResult {
  paymentId: number;
  status: 'succeeded' | 'failed';
  /** False when the payment was already in that state: nothing happened this time. */
  changed: boolean;
}

/**
 * Manual payments: tenants submit them against an invoice, staff approve or reject them. Approval is
 * one transaction that starts by locking the payment row, so however many times and from however many
 * places it is triggered, exactly one caller finds it pending and does the work; the others see it
 * succeeded and change nothing. The credit grant also carries the invoice's idempotency key, a second
 * line of defence. Emails go out after commit.
 */
export const createPaymentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const lockPayment = async (trx: any, paymentId: number) => {
    const { rows } = await trx.raw('SELECT id FROM billing_payments WHERE id = ? FOR UPDATE', [paymentId]);
    if (!rows.length) throw new BillingNotFoundError('Payment');
    return strapi.db.query(PAYMENT_UID).findOne({
      where: { id: paymentId },
      populate: { account: { select: ['id', 'status'] }, invoice: { populate: { plan: true, subscription: true } } },
    });
  };

  /** Payment methods offered to an account's country (a country's own list wins over the `*` default). */
  async function methodsFor(country: string | null | undefined) {
    const rows = await strapi.db.query(METHOD_UID).findMany({ where: { isEnabled: true, country: { $in: [country ?? '*', '*'] } }, orderBy: { sortOrder: 'asc' } });
    const own = rows.filter((r: any) => r.country === country);
    return (own.length ? own : rows.filter((r: any) => r.country === '*')).map((r: any) => ({
      method: r.method,
      displayName: r.displayName,
      instructions: r.instructions,
      details: r.details,
    }));
  }

  return {
    methodsFor,

    /** A tenant reports a manual payment; it waits for approval. Runs inside the request's transaction. */
    async submit(
      trx: any,
      input: { accountId: number; invoiceDocumentId: string; method: PaymentMethod; reference: string; proofUrl?: string | null; actor: string }
    ) {
      const invoice = await strapi.db.query(INVOICE_UID).findOne({ where: { documentId: input.invoiceDocumentId, account: { id: input.accountId } } });
      if (!invoice) throw new BillingNotFoundError('Invoice');
      await trx.raw('SELECT id FROM billing_invoices WHERE id = ? FOR UPDATE', [invoice.id]);
      if (invoice.status !== 'pending') throw new BillingStateError(`Invoice ${invoice.number} is ${invoice.status}; only pending invoices take payments`, { invoice: invoice.number, status: invoice.status });
      const waiting = await strapi.db.query(PAYMENT_UID).count({ where: { invoice: { id: invoice.id }, status: 'pending_approval' } });
      if (waiting) throw new BillingStateError(`A payment for invoice ${invoice.number} is already waiting for approval`, { invoice: invoice.number });

      const account = await strapi.db.query(ACCOUNT_UID).findOne({ where: { id: input.accountId }, select: ['billingCountry'] });
      const offered = (await methodsFor(account?.billingCountry)).map((m: any) => m.method);
      if (!MANUAL_METHODS.includes(input.method) || !offered.includes(input.method)) {
        throw new errors.ValidationError(`method: "${input.method}" is not offered for manual payment here; use one of ${offered.filter((m: PaymentMethod) => MANUAL_METHODS.includes(m)).join(', ') || 'none'}`, {
          errors: [{ path: ['method'], message: 'is not an offered manual payment method', name: 'ValidationError' }],
        });
      }
      const payment = await strapi.db.query(PAYMENT_UID).create({
        data: {
          account: input.accountId,
          invoice: invoice.id,
          amount: invoice.total,
          currency: invoice.currency,
          method: input.method,
          status: 'pending_approval',
          reference: input.reference,
          proofUrl: input.proofUrl ?? null,
          submittedBy: input.actor,
        },
      });
      await getService(strapi, 'events').log({ accountId: input.accountId, paymentId: payment.id, invoiceId: invoice.id, type: 'payment_submitted', actor: input.actor, data: { method: input.method, reference: input.reference } });
      return payment;
    },

    /** Approves a pending payment: everything it implies happens in one transaction, exactly once. */
    async approve(input: Decision & { notes?: string | null }): Promise<DecisionResult> {
      const after: Array<() => Promise<unknown>> = [];
      const result = await strapi.db.transaction(async ({ trx }) => {
        const payment = await lockPayment(trx, input.paymentId);
        if (payment.status === 'succeeded') return { paymentId: payment.id, status: 'succeeded' as const, changed: false };
        if (payment.status !== 'pending_approval') throw new BillingStateError(`Payment ${payment.id} is ${payment.status}; only pending payments can be approved`, { paymentId: payment.id, status: payment.status });
        const invoice = payment.invoice;
        if (!invoice) throw new BillingStateError(`Payment ${payment.id} has no invoice`, { paymentId: payment.id });
        await trx.raw('SELECT id FROM billing_invoices WHERE id = ? FOR UPDATE', [invoice.id]);
        if (invoice.status !== 'pending') throw new BillingStateError(`Invoice ${invoice.number} is ${invoice.status}; reject this payment instead`, { invoice: invoice.number, status: invoice.status });
        if (!sameAmount(payment.amount, invoice.total)) throw new BillingStateError(`Payment amount ${payment.amount} does not match invoice total ${invoice.total}`, { paymentId: payment.id });

        const now = new Date();
        const accountId = payment.account.id as number;
        await strapi.db.query(PAYMENT_UID).update({ where: { id: payment.id }, data: { status: 'succeeded', approvedBy: input.actor, approvedAt: now, adminNotes: input.notes ?? payment.adminNotes } });
        await strapi.db.query(INVOICE_UID).update({ where: { id: invoice.id }, data: { status: 'paid', paidAt: now } });
        await getService(strapi, 'events').log({ accountId, paymentId: payment.id, invoiceId: invoice.id, type: 'payment_approved', actor: input.actor, data: { notes: input.notes ?? null } });

        const ledger = getCreditsService(strapi, 'ledger');
        const grant = { accountId, idempotencyKey: `invoice:${invoice.id}:grant`, actor: input.actor, reference: { type: 'invoice', id: invoice.number } };
        let pool: 'plan' | 'bonus' = 'bonus';
        if (invoice.type === 'subscription') {
          pool = 'plan';
          await getService(strapi, 'subscriptions').activateFromInvoice(trx, { accountId, invoice });
          await ledger.resetPlan({ ...grant, amount: invoice.credits ?? 0, type: 'subscription', reason: `Subscription ${invoice.plan?.name ?? ''} period paid`.trim() });
        } else if (invoice.credits > 0) {
          await ledger.grant({ ...grant, pool: 'bonus', amount: invoice.credits, type: 'purchase', reason: `Invoice ${invoice.number}` });
        }
        if (invoice.credits > 0) {
          await getService(strapi, 'events').log({ accountId, paymentId: payment.id, invoiceId: invoice.id, type: 'credits_granted', actor: input.actor, data: { credits: invoice.credits, pool } });
        }
        if (payment.account.status !== 'active') await strapi.db.query(ACCOUNT_UID).update({ where: { id: accountId }, data: { status: 'active' } });

        after.push(() =>
          getService(strapi, 'notifications').paymentApproved({ accountId, invoiceNumber: invoice.number, amount: payment.amount, currency: payment.currency, credits: invoice.credits ?? 0, pool })
        );
        return { paymentId: payment.id, status: 'succeeded' as const, changed: true };
      });
      // After commit: a rolled-back approval never reaches here, so it never mails.
      for (const effect of after) await effect();
      return result;
    },

    /** Rejects a pending payment with a reason: nothing is granted, the invoice stays open. */
    async reject(input: Decision & { reason: string }): Promise<DecisionResult> {
      const after: Array<() => Promise<unknown>> = [];
      const result = await strapi.db.transaction(async ({ trx }) => {
        const payment = await lockPayment(trx, input.paymentId);
        if (payment.status === 'failed') return { paymentId: payment.id, status: 'failed' as const, changed: false };
        if (payment.status !== 'pending_approval') throw new BillingStateError(`Payment ${payment.id} is ${payment.status}; only pending payments can be rejected`, { paymentId: payment.id, status: payment.status });
        await strapi.db.query(PAYMENT_UID).update({ where: { id: payment.id }, data: { status: 'failed', failureReason: input.reason, approvedBy: input.actor, approvedAt: new Date() } });
        await getService(strapi, 'events').log({ accountId: payment.account.id, paymentId: payment.id, invoiceId: payment.invoice?.id, type: 'payment_rejected', actor: input.actor, data: { reason: input.reason } });
        after.push(() =>
          getService(strapi, 'notifications').paymentRejected({ accountId: payment.account.id, invoiceNumber: payment.invoice?.number ?? '-', amount: payment.amount, currency: payment.currency, reason: input.reason })
        );
        return { paymentId: payment.id, status: 'failed' as const, changed: true };
      });
      for (const effect of after) await effect();
      return result;
    },

    /** Many at once, each in its own transaction: one bad payment does not block the others. */
    async decideMany(input: { action: 'approve' | 'reject'; paymentIds: number[]; actor: string; reason?: string; notes?: string | null }) {
      const results: Array<DecisionResult | { paymentId: number; error: { status: number; name: string; message: string } }> = [];
      for (const paymentId of input.paymentIds) {
        try {
          results.push(
            input.action === 'approve'
              ? await this.approve({ paymentId, actor: input.actor, notes: input.notes })
              : await this.reject({ paymentId, actor: input.actor, reason: input.reason! })
          );
        } catch (error: any) {
          if (!error?.status || error.status >= 500) throw error;
          results.push({ paymentId, error: { status: error.status, name: error.name, message: error.message } });
        }
      }
      return results;
    },

    /** The approval desk's queue (or any status), newest first, with account and invoice. */
    async list(query: { status?: string; page: number; pageSize: number; accountId?: number }) {
      const where: Record<string, unknown> = {};
      if (query.status) where.status = query.status;
      if (query.accountId) where.account = { id: query.accountId };
      const [rows, total] = await Promise.all([
        strapi.db.query(PAYMENT_UID).findMany({
          where,
          orderBy: { createdAt: query.status === 'pending_approval' ? 'asc' : 'desc' },
          limit: query.pageSize,
          offset: (query.page - 1) * query.pageSize,
          populate: { account: { select: ['id', 'documentId', 'name', 'slug'] }, invoice: { select: ['id', 'documentId', 'number', 'type', 'total', 'currency', 'credits', 'status'] } },
        }),
        strapi.db.query(PAYMENT_UID).count({ where }),
      ]);
      return { data: rows, meta: paginationMeta(query, total) };
    },
  };
};

export type PaymentsService = ReturnType<typeof createPaymentsService>;
