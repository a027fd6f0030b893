import { invoiceNumber } from '../invoice-number';
import { invoiceTotals, sameAmount } from '../invoice-totals';
import { nextPeriod, renewalAction, type SubscriptionState } from '../renewal';

describe('invoiceNumber', () => {
  it('is INV-<account>-<YYYYMM>-<seq> in UTC', () => {
    expect(invoiceNumber(42, new Date('2026-11-30T23:30:00Z'), 7)).toBe('INV-42-202611-0007');
    expect(invoiceNumber(42, new Date('2026-12-01T00:00:00Z'), 12345)).toBe('INV-42-202612-12345');
    expect(() => invoiceNumber(0, new Date(), 1)).toThrow(RangeError);
  });
});

describe('invoiceTotals', () => {
  it('adds in cents', () => {
    expect(invoiceTotals([{ description: 'Pack', quantity: 3, unitPrice: 19.99 }])).toMatchObject({ subtotal: 59.97, tax: 0, total: 59.97 });
    expect(invoiceTotals([{ description: 'A', quantity: 1, unitPrice: 0.1 }, { description: 'B', quantity: 1, unitPrice: 0.2 }], 0.2)).toMatchObject({
      subtotal: 0.3, tax: 0.06, total: 0.36,
    });
    expect(() => invoiceTotals([])).toThrow(RangeError);
    expect(sameAmount('59.97', 59.97)).toBe(true);
    expect(sameAmount('59.96', 59.97)).toBe(false);
  });
});

describe('renewalAction', () => {
  const schedule = { graceDays: 7, expireDays: 14 };
  const end = new Date('2026-11-01T00:00:00Z');
  const at = (days: number) => new Date(end.getTime() + days * 86400000);
  const sub = (over: Partial<SubscriptionState> = {}): SubscriptionState => ({
    status: 'active', currentPeriodEnd: end, cancelAtPeriodEnd: false, planPrice: 29, renewalInvoiced: false, graceExpired: false, ...over,
  });
  it.each([
    ['before the period ends', sub(), -1, 'none'],
    ['free plan at period end', sub({ planPrice: 0 }), 0, 'roll_free_period'],
    ['paid plan at period end', sub(), 0, 'invoice_and_remind'],
    ['invoiced, within grace', sub({ status: 'past_due', renewalInvoiced: true }), 3, 'none'],
    ['invoiced, grace over', sub({ status: 'past_due', renewalInvoiced: true }), 7, 'zero_plan_credits'],
    ['grace already applied', sub({ status: 'past_due', renewalInvoiced: true, graceExpired: true }), 10, 'none'],
    ['expiry reached', sub({ status: 'past_due', renewalInvoiced: true, graceExpired: true }), 14, 'expire'],
    ['cancel at period end', sub({ cancelAtPeriodEnd: true }), 0, 'cancel'],
    ['already expired', sub({ status: 'expired' }), 30, 'none'],
  ])('%s', (_, state, days, expected) => {
    expect(renewalAction(state, at(days as number), schedule)).toBe(expected);
  });
});

describe('nextPeriod', () => {
  it('adds a calendar month or year, clamping to the month end', () => {
    expect(nextPeriod(new Date('2026-01-31T10:00:00Z'), 'monthly').end.toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(nextPeriod(new Date('2026-11-15T00:00:00Z'), 'monthly').end.toISOString()).toBe('2026-12-15T00:00:00.000Z');
    expect(nextPeriod(new Date('2028-02-29T00:00:00Z'), 'annual').end.toISOString()).toBe('2029-02-28T00:00:00.000Z');
  });
});

import { checkMonthlyLimit, periodKey } from '../monthly-limits';

describe('monthly limits', () => {
  it.each([
    [{ images: 200 }, 'images', 150, 50, true],
    [{ images: 200 }, 'images', 150, 51, false],
    [{ images: 200 }, 'ideas', 1e6, 1, true], // no limit set for the metric
    [null, 'images', 5, 1, true],
    [{ images: 0 }, 'images', 0, 1, false],
  ])('%j %s used %i + %i fits: %s', (limits, metric, used, requested, fits) => {
    expect(checkMonthlyLimit(limits as any, metric as string, used as number, requested as number).fits).toBe(fits);
  });

  it('keys counters by the subscription period, else the calendar month', () => {
    const start = new Date('2026-11-15T10:00:00Z');
    const end = new Date('2026-12-15T10:00:00Z');
    expect(periodKey(new Date('2026-12-01T00:00:00Z'), start, end)).toBe('2026-11-15');
    expect(periodKey(new Date('2026-12-20T00:00:00Z'), start, end)).toBe('2026-12-01');
    expect(periodKey(new Date('2026-12-20T00:00:00Z'))).toBe('2026-12-01');
  });
});
