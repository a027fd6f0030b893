import { checkPlanLimit, planLimitMessage, type PlanLimitDefinition } from '../plan-limits';

describe('planLimits', () => {
  describe('checkPlanLimit', () => {
    it.each<[string, { limit: number | null | undefined; used: number; adding?: number }, { allowed: boolean; limit: number | null; used: number }]>([
      ['null is unlimited', { limit: null, used: 1_000_000 }, { allowed: true, limit: null, used: 1_000_000 }],
      ['undefined is unlimited', { limit: undefined, used: 50 }, { allowed: true, limit: null, used: 50 }],
      ['NaN is unlimited', { limit: Number.NaN, used: 50 }, { allowed: true, limit: null, used: 50 }],
      ['Infinity is unlimited', { limit: Number.POSITIVE_INFINITY, used: 50 }, { allowed: true, limit: null, used: 50 }],
      ['below the limit', { limit: 3, used: 1 }, { allowed: true, limit: 3, used: 1 }],
      ['reaching the limit exactly (used + 1 == limit)', { limit: 3, used: 2 }, { allowed: true, limit: 3, used: 2 }],
      ['at the limit already', { limit: 3, used: 3 }, { allowed: false, limit: 3, used: 3 }],
      ['above the limit already', { limit: 3, used: 5 }, { allowed: false, limit: 3, used: 5 }],
      ['a limit of zero', { limit: 0, used: 0 }, { allowed: false, limit: 0, used: 0 }],
      ['a limit of one, none used', { limit: 1, used: 0 }, { allowed: true, limit: 1, used: 0 }],
      ['adding several that fit exactly', { limit: 10, used: 7, adding: 3 }, { allowed: true, limit: 10, used: 7 }],
      ['adding several, one too many', { limit: 10, used: 7, adding: 4 }, { allowed: false, limit: 10, used: 7 }],
      ['adding zero at the limit', { limit: 3, used: 3, adding: 0 }, { allowed: true, limit: 3, used: 3 }],
    ])('%s', (_label, input, expected) => {
      expect(checkPlanLimit(input)).toEqual(expected);
    });

    it('adds one record when adding is not given', () => {
      expect(checkPlanLimit({ limit: 5, used: 4 }).allowed).toBe(true);
      expect(checkPlanLimit({ limit: 5, used: 5 }).allowed).toBe(false);
    });
  });

  describe('planLimitMessage', () => {
    const sites: PlanLimitDefinition = { uid: 'api::site.site', planField: 'maxSites', noun: ['site', 'sites'] };
    const keywords: PlanLimitDefinition = { uid: 'api::keyword.keyword', planField: 'maxKeywords', noun: ['keyword', 'keywords'] };

    it.each<[PlanLimitDefinition, string, number, string]>([
      [sites, 'Free', 1, 'Plan limit reached: the Free plan allows 1 site (maxSites). Upgrade the plan or remove one first.'],
      [sites, 'Starter', 3, 'Plan limit reached: the Starter plan allows 3 sites (maxSites). Upgrade the plan or remove one first.'],
      [sites, 'Trial', 0, 'Plan limit reached: the Trial plan allows 0 sites (maxSites). Upgrade the plan or remove one first.'],
      [keywords, 'Growth', 10000, 'Plan limit reached: the Growth plan allows 10000 keywords (maxKeywords). Upgrade the plan or remove one first.'],
    ])('for %j on the %s plan with limit %i says %j', (definition, planName, limit, expected) => {
      expect(planLimitMessage({ definition, planName, limit })).toBe(expected);
    });
  });
});
