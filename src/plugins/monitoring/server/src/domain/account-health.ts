/**
 * Account health, pure: a score from 100 down, with the reasons that took points off. Staff read it in
 * the account list and the account view to see which tenants need attention and why.
 */
export interface AccountFacts {
  status: string | null;
  /** plan + bonus - held. */
  availableCredits: number;
  lowBalanceThreshold: number;
  /** Credits used in the last 7 days (burn rate = this / 7 per day). */
  creditsUsed7d: number;
  /** Credits used in the last 30 days (none: the account is idle). */
  creditsUsed30d: number;
  /** Invoices still pending after their due date. */
  overdueInvoices: number;
  /** Payments that failed in the last 30 days. */
  failedPayments30d: number;
  /** A subscription in `past_due`. */
  pastDue: boolean;
  /** Content items created in the last 30 days. */
  content30d: number;
  /** Publishing attempts that failed in the last 7 days. */
  failedSyncs7d: number;
}

export type HealthLevel = 'good' | 'at-risk' | 'critical';

export interface AccountHealth {
  score: number;
  level: HealthLevel;
  reasons: Array<{ code: string; message: string; penalty: number }>;
}

/** Days of credit left at the last 7 days' pace; null when nothing was used. */
export const runwayDays = (facts: Pick<AccountFacts, 'availableCredits' | 'creditsUsed7d'>): number | null =>
  facts.creditsUsed7d > 0 ? Math.max(0, facts.availableCredits) / (facts.creditsUsed7d / 7) : null;

const STATUS_PENALTY: Record<string, [number, string]> = {
  cancelled: [60, 'Account cancelled'],
  suspended: [50, 'Account suspended'],
  pending_payment: [30, 'Waiting for its first payment'],
};

export const AT_RISK_BELOW = 80;
export const CRITICAL_BELOW = 50;

export function scoreAccount(f: AccountFacts): AccountHealth {
  const reasons: AccountHealth['reasons'] = [];
  const take = (code: string, penalty: number, message: string) => reasons.push({ code, message, penalty });

  const statusPenalty = f.status ? STATUS_PENALTY[f.status] : undefined;
  if (statusPenalty) take(`status-${f.status}`, statusPenalty[0], statusPenalty[1]);

  if (f.availableCredits < 0) take('credits-negative', 30, `More credits held than owned (${f.availableCredits})`);
  else if (f.availableCredits === 0) take('credits-empty', 25, 'No credits left');
  else if (f.availableCredits < f.lowBalanceThreshold) take('credits-low', 15, `Low credit: ${f.availableCredits} left (threshold ${f.lowBalanceThreshold})`);
  const runway = runwayDays(f);
  if (f.availableCredits > 0 && runway !== null && runway < 7) take('credits-runway', 10, `Credits run out in about ${Math.max(1, Math.floor(runway))} days at the current pace`);

  if (f.overdueInvoices > 0) take('invoices-overdue', Math.min(40, 20 * f.overdueInvoices), `${f.overdueInvoices} overdue invoice${f.overdueInvoices > 1 ? 's' : ''}`);
  if (f.pastDue) take('subscription-past-due', 25, 'Subscription past due');
  if (f.failedPayments30d > 0) take('payments-failed', Math.min(20, 10 * f.failedPayments30d), `${f.failedPayments30d} failed payment${f.failedPayments30d > 1 ? 's' : ''} in 30 days`);
  if (f.failedSyncs7d > 0) take('publishing-failing', Math.min(15, 5 * f.failedSyncs7d), `${f.failedSyncs7d} failed WordPress sync${f.failedSyncs7d > 1 ? 's' : ''} in 7 days`);
  // An active tenant that stopped using the product is a churn risk, not a fault.
  if ((f.status === 'active' || f.status === 'trial') && f.creditsUsed30d === 0 && f.content30d === 0) take('inactive', 10, 'No activity in 30 days');

  const score = Math.max(0, 100 - reasons.reduce((s, r) => s + r.penalty, 0));
  const level: HealthLevel = score < CRITICAL_BELOW ? 'critical' : score < AT_RISK_BELOW ? 'at-risk' : 'good';
  return { score, level, reasons: reasons.sort((a, b) => b.penalty - a.penalty) };
}
