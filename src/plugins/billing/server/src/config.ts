export interface BillingConfig {
  renewal: { graceDays: number; expireDays: number };
  /** How often the renewal tick runs (Bull repeatable job, once per tick cluster-wide). */
  renewalEveryMs: number;
}

export default {
  default: { renewal: { graceDays: 7, expireDays: 14 }, renewalEveryMs: 5 * 60_000 } satisfies BillingConfig,
  validator(config: BillingConfig) {
    const { graceDays, expireDays } = config.renewal;
    if (!(Number.isInteger(graceDays) && graceDays >= 0)) throw new Error('billing.renewal.graceDays must be a non-negative integer');
    if (!(Number.isInteger(expireDays) && expireDays >= graceDays)) throw new Error('billing.renewal.expireDays must be an integer >= graceDays');
    if (!(Number.isInteger(config.renewalEveryMs) && config.renewalEveryMs >= 1000)) throw new Error('billing.renewalEveryMs must be at least 1000');
  },
};
