import type { Core } from '@strapi/strapi';

/**
 * App lifecycles: wiring between plugins only; every rule lives in a plugin.
 * (The user lifecycles run after all plugins' lifecycles of the same phase.)
 */
export default {
  register() {},

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Last, so every plugin has registered its admin actions and staff role grants.
    await strapi.plugin('staff').service('roles').sync();
    // After sync: on a fresh database the Super Admin role only exists once the admin plugin has booted.
    await strapi.plugin('staff').service('first-admin').ensure();
    await strapi.plugin('demo-data').service('seed').run();
  },
};
