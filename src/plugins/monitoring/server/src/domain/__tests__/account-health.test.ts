import { runwayDays, scoreAccount, type AccountFacts } from '../account-health';

const healthy: AccountFacts = {
  status: 'active',
  availableCredits: 5000,
  lowBalanceThreshold: 500,
  creditsUsed7d: 70,
  creditsUsed30d: 300,
  overdueInvoices: 0,
  failedPayments30d: 0,
  pastDue: false,
  content30d: 12,
  failedSyncs7d: 0,
};

describe('scoreAccount', () => {
  it('a paying, active account with credit is 100 and good, with no reasons', () => {
    expect(scoreAccount(healthy)).toEqual({ score: 100, level: 'good', reasons: [] });
  });

  it('low credit with a short runway is at risk, and says why (largest penalty first)', () => {
    const h = scoreAccount({ ...healthy, availableCredits: 200, creditsUsed7d: 700 });
    expect(h.reasons.map((r) => r.code)).toEqual(['credits-low', 'credits-runway']);
    expect(h.reasons[1].message).toBe('Credits run out in about 2 days at the current pace');
    expect(h).toMatchObject({ score: 75, level: 'at-risk' });
  });

  it('suspended with overdue invoices and failed payments is critical; penalties are capped', () => {
    const h = scoreAccount({ ...healthy, status: 'suspended', overdueInvoices: 5, failedPayments30d: 4, pastDue: true });
    expect(h.reasons.find((r) => r.code === 'invoices-overdue')!.penalty).toBe(40);
    expect(h.reasons.find((r) => r.code === 'payments-failed')!.penalty).toBe(20);
    expect(h).toMatchObject({ score: 0, level: 'critical' });
  });

  it('more credits held than owned, and an idle active account', () => {
    const h = scoreAccount({ ...healthy, availableCredits: -20, creditsUsed7d: 0, creditsUsed30d: 0, content30d: 0 });
    expect(h.reasons.map((r) => r.code)).toEqual(['credits-negative', 'inactive']);
    expect(h.score).toBe(60);
  });

  it('an idle cancelled account is not also "inactive"', () => {
    const h = scoreAccount({ ...healthy, status: 'cancelled', creditsUsed30d: 0, content30d: 0, creditsUsed7d: 0 });
    expect(h.reasons.map((r) => r.code)).toEqual(['status-cancelled']);
  });
});

describe('runwayDays', () => {
  it('is null without usage and days at the 7-day pace otherwise', () => {
    expect(runwayDays({ availableCredits: 100, creditsUsed7d: 0 })).toBeNull();
    expect(runwayDays({ availableCredits: 100, creditsUsed7d: 70 })).toBe(10);
  });
});
