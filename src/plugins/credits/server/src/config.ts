export default {
  default: {
    /** Available credits under which an account counts as low on balance, unless it set its own. */
    defaultLowBalanceThreshold: 500,
    /** How often open holds past their expiry are released (Bull repeatable job, once per tick cluster-wide). */
    expireHoldsEveryMs: 60_000,
  },
  validator(config: { defaultLowBalanceThreshold: number; expireHoldsEveryMs: number }) {
    if (!Number.isInteger(config.defaultLowBalanceThreshold) || config.defaultLowBalanceThreshold < 0) {
      throw new Error('credits.defaultLowBalanceThreshold must be a non-negative integer');
    }
    if (!Number.isInteger(config.expireHoldsEveryMs) || config.expireHoldsEveryMs < 1000) throw new Error('credits.expireHoldsEveryMs must be at least 1000');
  },
};
