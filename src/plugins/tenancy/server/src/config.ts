export interface TenancyConfig {
  /** Pepper for API key hashes; derived from APP_KEYS when empty. */
  apiKeyPepper: string;
  graphql: { maxAliases: number; maxFields: number };
}

export default {
  default: (): TenancyConfig => ({ apiKeyPepper: '', graphql: { maxAliases: 15, maxFields: 500 } }),
  validator(config: TenancyConfig) {
    for (const key of ['maxAliases', 'maxFields'] as const) {
      if (!Number.isInteger(config.graphql?.[key]) || config.graphql[key] < 1) {
        throw new Error(`tenancy.graphql.${key} must be a positive integer`);
      }
    }
  },
};
