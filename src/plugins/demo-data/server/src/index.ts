import { createSeedService } from './services/seed';

export default {
  config: { default: () => ({ seed: false }), validator() {} },
  services: { seed: createSeedService },
};
