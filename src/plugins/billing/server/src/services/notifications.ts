import type { Core } from '@strapi/strapi';
import { ACCOUNT_UID } from '../domain/uids';

interface Message {
  subject: string;
  text: string;
}

/**
 * Emails to the customer through Strapi's email plugin. Called after commit only, so a rolled-back
 * approval never mails; a mail failure is logged and never undoes the billing change.
 */
export const createNotificationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function recipientOf(accountId: number): Promise<string | null> {
    const account = await strapi.db.query(ACCOUNT_UID).findOne({ where: { id: accountId }, select: ['billingEmail'], populate: { owner: { select: ['email'] } } });
    return account?.billingEmail || account?.owner?.email || null;
  }

  async function send(accountId: number, message: Message) {
    const to = await recipientOf(accountId);
    if (!to) {
      strapi.log.warn(`[billing] account ${accountId} has no billing email or owner; "${message.subject}" not sent`);
      return;
    }
    try {
      await strapi.plugin('email').service('email').send({ to, subject: message.subject, text: message.text });
    } catch (error) {
      strapi.log.error(`[billing] could not email account ${accountId} ("${message.subject}"): ${(error as Error).message}`);
    }
  }

  const money = (amount: number | string, currency: string) => `${Number(amount).toFixed(2)} ${currency}`;

  return {
    paymentApproved(input: { accountId: number; invoiceNumber: string; amount: number | string; currency: string; credits: number; pool: 'plan' | 'bonus' }) {
      return send(input.accountId, {
        subject: `Payment received: invoice ${input.invoiceNumber}`,
        text:
          `Your payment of ${money(input.amount, input.currency)} for invoice ${input.invoiceNumber} was approved.\n` +
          (input.credits ? `${input.credits.toLocaleString('en-US')} ${input.pool === 'bonus' ? 'bonus' : 'plan'} credits are now on your account.\n` : '') +
          '\nThank you for using IGNY8.',
      });
    },
    paymentRejected(input: { accountId: number; invoiceNumber: string; amount: number | string; currency: string; reason: string }) {
      return send(input.accountId, {
        subject: `Payment not approved: invoice ${input.invoiceNumber}`,
        text:
          `We could not approve your payment of ${money(input.amount, input.currency)} for invoice ${input.invoiceNumber}.\n` +
          `Reason: ${input.reason}\n\nThe invoice is still open; you can submit the payment again with the corrected details.`,
      });
    },
    renewalReminder(input: { accountId: number; invoiceNumber: string; amount: number | string; currency: string; graceDays: number }) {
      return send(input.accountId, {
        subject: `Your subscription renewal is due: invoice ${input.invoiceNumber}`,
        text: `Your plan renewed and invoice ${input.invoiceNumber} (${money(input.amount, input.currency)}) is due. Please pay within ${input.graceDays} days to keep your plan credits.`,
      });
    },
    graceExpired(input: { accountId: number; invoiceNumber: string }) {
      return send(input.accountId, {
        subject: `Plan credits paused: invoice ${input.invoiceNumber} is unpaid`,
        text: `Invoice ${input.invoiceNumber} is past its grace period, so your plan credits are paused. Bonus credits stay available. Paying the invoice restores them.`,
      });
    },
    subscriptionExpired(input: { accountId: number }) {
      return send(input.accountId, { subject: 'Your subscription has expired', text: 'Your subscription expired after the renewal invoice stayed unpaid. Pay the open invoice to reactivate it.' });
    },
  };
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;
