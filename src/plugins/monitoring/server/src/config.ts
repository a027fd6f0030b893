import { DEFAULT_CONFIG, resolveConfig, type MonitoringConfig } from './domain/config';

export default {
  default: (): MonitoringConfig => DEFAULT_CONFIG,
  validator(config: unknown) {
    resolveConfig(config);
  },
};
