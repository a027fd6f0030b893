import type { Core } from '@strapi/strapi';
import { createFirstAdminService } from './services/first-admin';
import { createRolesService, type RolesService } from './services/roles';

export default {
  config: {
    default: () => ({ adminEmail: '', adminPassword: '' }),
    validator(config: { adminEmail: string; adminPassword: string }) {
      if (config.adminEmail && !/^[^@\s]+@[^@\s]+$/.test(config.adminEmail)) throw new Error('staff.adminEmail (ADMIN_EMAIL) must be an email');
      if (config.adminEmail && config.adminPassword.length < 8) throw new Error('staff.adminPassword (ADMIN_PASSWORD) must be at least 8 characters');
    },
  },
  services: { roles: createRolesService, 'first-admin': createFirstAdminService },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Role permissions are synced by the app's bootstrap (src/index.ts), after every plugin has
    // registered its admin actions and called roles.grant().
    await strapi.plugin('staff').service('first-admin').ensure();
  },
};

export type { RolesService };
