export interface SettingsPluginConfig {
  /** SETTINGS_ENCRYPTION_KEYS: "v2:<base64 32 bytes>,v1:<...>", newest first. */
  encryptionKeys: string;
  /** Upper bound on staleness should an invalidation be lost. */
  cacheTtlMs: number;
}

export default {
  default: (): SettingsPluginConfig => ({ encryptionKeys: '', cacheTtlMs: 60000 }),
  validator(config: SettingsPluginConfig) {
    if (process.env.NODE_ENV === 'production' && !config.encryptionKeys) {
      throw new Error('settings.encryptionKeys (SETTINGS_ENCRYPTION_KEYS) is required in production: "v1:<base64 of 32 random bytes>"');
    }
    if (!Number.isInteger(config.cacheTtlMs) || config.cacheTtlMs < 0) throw new Error('settings.cacheTtlMs must be a non-negative integer');
  },
};
