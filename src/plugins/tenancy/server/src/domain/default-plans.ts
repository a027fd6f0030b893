/** The four plans a fresh install starts with. Limits of null mean unlimited. */
export const DEFAULT_PLANS = [
  { name: 'Free', slug: 'free', price: 0, billingCycle: 'monthly', includedCredits: 1000, maxSites: 1, maxUsers: 1, maxKeywords: 100,
    monthlyLimits: { contentWords: 10000, images: 20, ideas: 50 }, features: ['planner', 'writer'], allowsOwnApiKeys: false, sortOrder: 1 },
  { name: 'Starter', slug: 'starter', price: 29, billingCycle: 'monthly', includedCredits: 10000, maxSites: 3, maxUsers: 3, maxKeywords: 1000,
    monthlyLimits: { contentWords: 100000, images: 200, ideas: 500 }, features: ['planner', 'writer', 'publishing'], allowsOwnApiKeys: false, sortOrder: 2 },
  { name: 'Growth', slug: 'growth', price: 99, billingCycle: 'monthly', includedCredits: 50000, maxSites: 10, maxUsers: 10, maxKeywords: 10000,
    monthlyLimits: { contentWords: 500000, images: 1000, ideas: 2500 }, features: ['planner', 'writer', 'publishing', 'automation'], allowsOwnApiKeys: true, sortOrder: 3 },
  { name: 'Scale', slug: 'scale', price: 299, billingCycle: 'monthly', includedCredits: 200000, maxSites: null, maxUsers: 50, maxKeywords: null,
    monthlyLimits: { contentWords: 2000000, images: 5000, ideas: 10000 }, features: ['planner', 'writer', 'publishing', 'automation', 'thinker'], allowsOwnApiKeys: true, sortOrder: 4 },
] as const;
