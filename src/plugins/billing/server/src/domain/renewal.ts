/**
 * What the renewal tick does to one subscription, pure. Free plans roll over by themselves. A paid
 * plan whose period ended gets a renewal invoice and a reminder and becomes past_due; if the invoice
 * is still unpaid after the grace period its plan credits drop to zero; after the expiry period the
 * subscription expires. Paying the invoice (approval) renews it, whatever stage it reached.
 */
export interface RenewalSchedule {
  graceDays: number;
  expireDays: number;
}

export interface SubscriptionState {
  status: 'pending_payment' | 'active' | 'past_due' | 'expired' | 'cancelled';
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  planPrice: number;
  /** A renewal invoice for the period after currentPeriodEnd exists (and is unpaid). */
  renewalInvoiced: boolean;
  /** Plan credits were already zeroed for this unpaid renewal. */
  graceExpired: boolean;
}

export type RenewalAction = 'none' | 'roll_free_period' | 'invoice_and_remind' | 'zero_plan_credits' | 'expire' | 'cancel';

const DAY = 24 * 60 * 60 * 1000;

export function renewalAction(sub: SubscriptionState, now: Date, schedule: RenewalSchedule): RenewalAction {
  if (sub.status === 'expired' || sub.status === 'cancelled' || sub.status === 'pending_payment' || !sub.currentPeriodEnd) return 'none';
  const overdue = now.getTime() - sub.currentPeriodEnd.getTime();
  if (overdue < 0) return 'none';
  if (sub.cancelAtPeriodEnd) return 'cancel';
  if (sub.planPrice <= 0) return 'roll_free_period';
  if (!sub.renewalInvoiced) return 'invoice_and_remind';
  if (overdue >= schedule.expireDays * DAY) return 'expire';
  if (overdue >= schedule.graceDays * DAY && !sub.graceExpired) return 'zero_plan_credits';
  return 'none';
}

/** The next period after `end`: one month or one year later (UTC calendar, clamped to month ends). */
export function nextPeriod(start: Date, cycle: 'monthly' | 'annual'): { start: Date; end: Date } {
  const end = new Date(start.getTime());
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + (cycle === 'annual' ? 12 : 1));
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  return { start, end };
}
