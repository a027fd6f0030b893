import type { Core } from '@strapi/strapi';
import { getCreditsService } from '../../../../credits/server/src/utils/get-service';
import { BillingNotFoundError, BillingStateError } from '../domain/errors';
import { nextPeriod, renewalAction, type RenewalSchedule } from '../domain/renewal';
import { ACCOUNT_UID, INVOICE_UID, PLAN_UID, SUBSCRIPTION_UID } from '../domain/uids';
import { getService } from '../utils/get-service';
import type { Trx } from '../utils/trx';

const SYSTEM = 'system';

/**
 * Subscriptions: the free plan starts at signup; paid periods start when their invoice is paid; the
 * renewal tick rolls free periods, invoices paid ones, and follows the unpaid schedule (reminder,
 * grace, plan credits to zero, expiry). Every step locks the subscription row and re-reads it, so two
 * processes ticking at once cannot act twice; credit movements carry period-derived idempotency keys.
 */
export const createSubscriptionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const schedule = (): RenewalSchedule => strapi.config.get('plugin::billing.renewal') as RenewalSchedule;
  const ledger = () => getCreditsService(strapi, 'ledger');
  const events = () => getService(strapi, 'events');

  async function lockSubscription(trx: Trx, id: number) {
    await trx.raw('SELECT id FROM subscriptions WHERE id = ? FOR UPDATE', [id]);
    return strapi.db.query(SUBSCRIPTION_UID).findOne({ where: { id }, populate: { account: { select: ['id'] }, plan: true } });
  }

  /** Plan credits for a period, once per (subscription, period start) however often it is called. */
  const grantPeriod = (accountId: number, subscriptionId: number, start: Date, credits: number, actor: string) =>
    ledger().resetPlan({
      accountId,
      amount: credits,
      type: 'subscription',
      idempotencyKey: `subscription:${subscriptionId}:period:${start.toISOString()}`,
      reason: 'Plan credits for the new period',
      reference: { type: 'subscription', id: subscriptionId },
      actor,
    });

  return {
    /**
     * A new account's subscription to its plan. Free plans start now, with their credits; paid plans
     * wait for their first invoice to be paid (status pending_payment).
     */
    async startFor(accountId: number) {
      const account = await strapi.db.query(ACCOUNT_UID).findOne({ where: { id: accountId }, populate: { plan: true } });
      const plan = account?.plan;
      if (!plan) return null;
      const existing = await strapi.db.query(SUBSCRIPTION_UID).findOne({ where: { account: { id: accountId } } });
      if (existing) return existing;
      const free = Number(plan.price) <= 0;
      const period = nextPeriod(new Date(), plan.billingCycle);
      const subscription = await strapi.db.query(SUBSCRIPTION_UID).create({
        data: {
          account: accountId,
          plan: plan.id,
          status: free ? 'active' : 'pending_payment',
          currentPeriodStart: free ? period.start : null,
          currentPeriodEnd: free ? period.end : null,
        },
      });
      if (free && plan.includedCredits > 0) await grantPeriod(accountId, subscription.id, period.start, plan.includedCredits, SYSTEM);
      return subscription;
    },

    /** Invoice for moving to `planSlug` (or renewing it), starting now. Paid on approval. */
    async requestPlan(trx: Trx, input: { accountId: number; planSlug: string; actor: string }) {
      const plan = await strapi.db.query(PLAN_UID).findOne({ where: { slug: input.planSlug, isActive: true } });
      if (!plan) throw new BillingNotFoundError('Plan');
      if (Number(plan.price) <= 0) throw new BillingStateError('Free plans need no invoice; downgrades take effect at renewal', { plan: plan.slug });
      let subscription = await strapi.db.query(SUBSCRIPTION_UID).findOne({ where: { account: { id: input.accountId } } });
      if (!subscription) subscription = await strapi.db.query(SUBSCRIPTION_UID).create({ data: { account: input.accountId, plan: plan.id, status: 'pending_payment' } });
      const period = nextPeriod(new Date(), plan.billingCycle);
      return getService(strapi, 'invoices').issue(trx, {
        accountId: input.accountId,
        type: 'subscription',
        lineItems: [{ description: `${plan.name} plan, ${plan.billingCycle}`, quantity: 1, unitPrice: Number(plan.price) }],
        currency: plan.currency ?? 'USD',
        credits: plan.includedCredits,
        planId: plan.id,
        subscriptionId: subscription.id,
        periodStart: period.start,
        periodEnd: period.end,
        actor: input.actor,
      });
    },

    /** Called by payment approval, inside its transaction: the invoice's plan and period become current. */
    async activateFromInvoice(trx: Trx, input: { accountId: number; invoice: any }) {
      const { invoice } = input;
      const subscriptionId = invoice.subscription?.id;
      if (!subscriptionId) throw new BillingStateError(`Subscription invoice ${invoice.number} has no subscription`, { invoice: invoice.number });
      await lockSubscription(trx, subscriptionId);
      await strapi.db.query(SUBSCRIPTION_UID).update({
        where: { id: subscriptionId },
        data: { status: 'active', plan: invoice.plan?.id, currentPeriodStart: invoice.periodStart, currentPeriodEnd: invoice.periodEnd, dunningStage: 'none' },
      });
      if (invoice.plan?.id) await strapi.db.query(ACCOUNT_UID).update({ where: { id: input.accountId }, data: { plan: invoice.plan.id } });
      await events().log({ accountId: input.accountId, invoiceId: invoice.id, type: 'subscription_renewed', actor: SYSTEM, data: { periodStart: invoice.periodStart, periodEnd: invoice.periodEnd } });
    },

    /** One renewal pass over subscriptions whose period has ended. Returns what it did, per action. */
    async tick(now = new Date(), limit = 500) {
      const due = await strapi.db.query(SUBSCRIPTION_UID).findMany({
        where: { status: { $in: ['active', 'past_due'] }, currentPeriodEnd: { $lte: now } },
        select: ['id'],
        limit,
      });
      const done: Record<string, number> = {};
      for (const { id } of due) {
        const action = await this.step(id, now);
        done[action] = (done[action] ?? 0) + 1;
      }
      return done;
    },

    /** Advances one subscription by at most one step of the schedule. */
    async step(id: number, now: Date) {
      const after: Array<() => Promise<unknown>> = [];
      const action = await strapi.db.transaction(async ({ trx }) => {
        const sub = await lockSubscription(trx, id);
        if (!sub?.plan || !sub.account) return 'none';
        const accountId = sub.account.id as number;
        const end = sub.currentPeriodEnd ? new Date(sub.currentPeriodEnd) : null;
        const renewalInvoice = end
          ? await strapi.db.query(INVOICE_UID).findOne({ where: { subscription: { id }, type: 'subscription', status: 'pending', periodStart: end } })
          : null;
        const act = renewalAction(
          {
            status: sub.status,
            currentPeriodEnd: end,
            cancelAtPeriodEnd: Boolean(sub.cancelAtPeriodEnd),
            planPrice: Number(sub.plan.price),
            renewalInvoiced: Boolean(renewalInvoice),
            graceExpired: sub.dunningStage === 'grace_expired',
          },
          now,
          schedule()
        );
        switch (act) {
          case 'roll_free_period': {
            const period = nextPeriod(end!, sub.plan.billingCycle);
            await strapi.db.query(SUBSCRIPTION_UID).update({ where: { id }, data: { currentPeriodStart: period.start, currentPeriodEnd: period.end } });
            await grantPeriod(accountId, id, period.start, sub.plan.includedCredits, SYSTEM);
            await events().log({ accountId, type: 'subscription_renewed', actor: SYSTEM, data: { periodStart: period.start, periodEnd: period.end } });
            break;
          }
          case 'invoice_and_remind': {
            const period = nextPeriod(end!, sub.plan.billingCycle);
            const invoice = await getService(strapi, 'invoices').issue(trx, {
              accountId,
              type: 'subscription',
              lineItems: [{ description: `${sub.plan.name} plan renewal`, quantity: 1, unitPrice: Number(sub.plan.price) }],
              currency: sub.plan.currency ?? 'USD',
              credits: sub.plan.includedCredits,
              planId: sub.plan.id,
              subscriptionId: id,
              periodStart: period.start,
              periodEnd: period.end,
              actor: SYSTEM,
            });
            await strapi.db.query(SUBSCRIPTION_UID).update({ where: { id }, data: { status: 'past_due', dunningStage: 'invoiced' } });
            await events().log({ accountId, invoiceId: invoice.id, type: 'renewal_reminder', actor: SYSTEM, data: { number: invoice.number } });
            after.push(() => getService(strapi, 'notifications').renewalReminder({ accountId, invoiceNumber: invoice.number, amount: invoice.total, currency: invoice.currency, graceDays: schedule().graceDays }));
            break;
          }
          case 'zero_plan_credits': {
            await ledger().resetPlan({
              accountId,
              amount: 0,
              type: 'expiry',
              idempotencyKey: `subscription:${id}:grace:${end!.toISOString()}`,
              reason: 'Renewal unpaid after the grace period',
              reference: { type: 'subscription', id },
              actor: SYSTEM,
            });
            await strapi.db.query(SUBSCRIPTION_UID).update({ where: { id }, data: { dunningStage: 'grace_expired' } });
            await events().log({ accountId, invoiceId: renewalInvoice?.id, type: 'grace_expired', actor: SYSTEM });
            after.push(() => getService(strapi, 'notifications').graceExpired({ accountId, invoiceNumber: renewalInvoice?.number ?? '-' }));
            break;
          }
          case 'expire':
            await strapi.db.query(SUBSCRIPTION_UID).update({ where: { id }, data: { status: 'expired' } });
            // Not 'suspended': that locks members out, and they must still be able to pay the open invoice.
            await strapi.db.query(ACCOUNT_UID).update({ where: { id: accountId }, data: { status: 'pending_payment' } });
            await events().log({ accountId, invoiceId: renewalInvoice?.id, type: 'subscription_expired', actor: SYSTEM });
            after.push(() => getService(strapi, 'notifications').subscriptionExpired({ accountId }));
            break;
          case 'cancel':
            await strapi.db.query(SUBSCRIPTION_UID).update({ where: { id }, data: { status: 'cancelled' } });
            break;
          default:
            break;
        }
        return act;
      });
      for (const effect of after) await effect();
      return action;
    },
  };
};

export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
