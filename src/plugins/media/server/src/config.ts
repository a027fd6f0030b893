export interface MediaConfig {
  /** Largest image file a tenant may attach, in bytes. */
  maxImageBytes: number;
}

export default {
  default: (): MediaConfig => ({ maxImageBytes: 10 * 1024 * 1024 }),
  validator(config: MediaConfig) {
    if (!Number.isInteger(config.maxImageBytes) || config.maxImageBytes < 1) throw new Error('media.maxImageBytes must be a positive integer (bytes)');
  },
};
