/** Audited content types: the money and configuration records staff change (issue 7, audit trail). */
export const DEFAULT_AUDITED = [
  'api::account.account',
  'api::plan.plan',
  'api::subscription.subscription',
  'plugin::billing.payment',
  'plugin::credits.cost-config',
  'plugin::credits.model-config',
  'plugin::settings.account-setting',
  'plugin::settings.account-override',
  'plugin::settings.global-integration',
];

export interface AuditConfig {
  contentTypes: string[];
  retentionDays: number;
  purgeEveryMs: number;
}

export default {
  default: { contentTypes: DEFAULT_AUDITED, retentionDays: 365, purgeEveryMs: 86_400_000 } satisfies AuditConfig,
  validator(config: AuditConfig) {
    if (!Array.isArray(config.contentTypes) || config.contentTypes.some((uid) => typeof uid !== 'string')) throw new Error('audit.contentTypes must be a list of uids');
    if (!Number.isInteger(config.retentionDays) || config.retentionDays < 1) throw new Error('audit.retentionDays must be a positive integer');
    if (!Number.isInteger(config.purgeEveryMs) || config.purgeEveryMs < 1000) throw new Error('audit.purgeEveryMs must be an integer of at least 1000');
  },
};
