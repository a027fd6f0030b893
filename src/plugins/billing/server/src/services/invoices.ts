import type { Core } from '@strapi/strapi';
import { BillingNotFoundError } from '../domain/errors';
import { invoiceNumber, invoicePeriod } from '../domain/invoice-number';
import { invoiceTotals, type LineItem } from '../domain/invoice-totals';
import { INVOICE_UID, PACKAGE_UID } from '../domain/uids';
import { getService } from '../utils/get-service';
import type { Trx } from '../utils/trx';

const DUE_IN_DAYS = 7;

export interface IssueInvoice {
  accountId: number;
  type: 'subscription' | 'credit_package' | 'addon' | 'custom';
  lineItems: LineItem[];
  currency: string;
  credits: number;
  planId?: number | null;
  subscriptionId?: number | null;
  creditPackageId?: number | null;
  periodStart?: Date | null;
  periodEnd?: Date | null;
  actor: string;
}

/** Issues invoices with gap-free per-account monthly numbers. */
export const createInvoicesService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Next sequence for the account and month; the upsert's row lock makes concurrent issues take turns. */
  async function nextSequence(trx: Trx, accountId: number, at: Date): Promise<number> {
    const { rows } = await trx.raw(
      `INSERT INTO billing_invoice_sequences (account_id, period, last) VALUES (?, ?, 1)
       ON CONFLICT (account_id, period) DO UPDATE SET last = billing_invoice_sequences.last + 1 RETURNING last`,
      [accountId, invoicePeriod(at)]
    );
    return rows[0].last;
  }

  return {
    /** Takes the caller's transaction, so the number and the invoice commit (or roll back) together. */
    async issue(trx: Trx, input: IssueInvoice) {
      const now = new Date();
      const totals = invoiceTotals(input.lineItems);
      const number = invoiceNumber(input.accountId, now, await nextSequence(trx, input.accountId, now));
      const invoice = await strapi.db.query(INVOICE_UID).create({
        data: {
          account: input.accountId,
          number,
          type: input.type,
          status: 'pending',
          currency: input.currency,
          lineItems: totals.lineItems,
          subtotal: totals.subtotal,
          tax: totals.tax,
          total: totals.total,
          credits: input.credits,
          dueDate: new Date(now.getTime() + DUE_IN_DAYS * 86400000).toISOString().slice(0, 10),
          periodStart: input.periodStart ?? null,
          periodEnd: input.periodEnd ?? null,
          plan: input.planId ?? null,
          subscription: input.subscriptionId ?? null,
          creditPackage: input.creditPackageId ?? null,
        },
      });
      await getService(strapi, 'events').log({ accountId: input.accountId, invoiceId: invoice.id, type: 'invoice_issued', actor: input.actor, data: { number, total: totals.total, currency: input.currency } });
      return invoice;
    },

    /** A credit-package invoice for `quantity` packages. */
    async forPackage(trx: Trx, input: { accountId: number; packageDocumentId: string; quantity: number; actor: string }) {
      const pkg = await strapi.db.query(PACKAGE_UID).findOne({ where: { documentId: input.packageDocumentId, isActive: true } });
      if (!pkg) throw new BillingNotFoundError('Credit package');
      return this.issue(trx, {
        accountId: input.accountId,
        type: 'credit_package',
        lineItems: [{ description: `${pkg.name} (${pkg.credits.toLocaleString('en-US')} credits)`, quantity: input.quantity, unitPrice: Number(pkg.price) }],
        currency: pkg.currency,
        credits: pkg.credits * input.quantity,
        creditPackageId: pkg.id,
        actor: input.actor,
      });
    },
  };
};

export type InvoicesService = ReturnType<typeof createInvoicesService>;
