/**
 * Monthly plan limits, pure: a plan's `monthlyLimits` (e.g. { contentWords: 100000, images: 200 })
 * against what the account used in its current period. Counters are keyed by the period's start, so a
 * new period starts from zero without anything being reset in place.
 */
export type MonthlyLimits = Record<string, number | null | undefined>;

export interface LimitCheck {
  metric: string;
  /** null when the plan sets no limit for the metric. */
  allowed: number | null;
  used: number;
  requested: number;
  fits: boolean;
}

export function checkMonthlyLimit(limits: MonthlyLimits | null | undefined, metric: string, used: number, requested: number): LimitCheck {
  if (!Number.isSafeInteger(requested) || requested <= 0) throw new RangeError(`requested must be a positive integer, got ${requested}`);
  const raw = limits?.[metric];
  const allowed = typeof raw === 'number' && raw >= 0 ? raw : null;
  return { metric, allowed, used, requested, fits: allowed === null || used + requested <= allowed };
}

/** The start of the period a moment falls in: the subscription's period, else the calendar month (UTC). */
export function periodKey(at: Date, currentPeriodStart?: Date | null, currentPeriodEnd?: Date | null): string {
  if (currentPeriodStart && currentPeriodEnd && at >= currentPeriodStart && at < currentPeriodEnd) return currentPeriodStart.toISOString().slice(0, 10);
  return `${at.toISOString().slice(0, 7)}-01`;
}
