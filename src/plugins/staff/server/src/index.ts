import type { Core } from '@strapi/strapi';
import navigation from './controllers/navigation';
import { STAFF_ROLES } from './domain/staff-roles';
import adminRoutes from './routes/admin';
import { ensurePermissionVersion } from './database/permission-version';
import { createAbilityCacheService } from './services/ability-cache';
import { createFirstAdminService } from './services/first-admin';
import { createNavigationService, NAVIGATION_ACTION } from './services/navigation';
import { createRolesService, type RolesService } from './services/roles';
import { getService } from './utils/get-service';

export default {
  config: {
    default: () => ({ adminEmail: '', adminPassword: '' }),
    validator(config: { adminEmail: string; adminPassword: string }) {
      if (config.adminEmail && !/^[^@\s]+@[^@\s]+$/.test(config.adminEmail)) throw new Error('staff.adminEmail (ADMIN_EMAIL) must be an email');
      if (config.adminEmail && config.adminPassword.length < 8) throw new Error('staff.adminPassword (ADMIN_PASSWORD) must be at least 8 characters');
    },
  },
  services: { roles: createRolesService, 'first-admin': createFirstAdminService, navigation: createNavigationService, 'ability-cache': createAbilityCacheService },
  controllers: { navigation },
  routes: { admin: adminRoutes },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.admin.services.permission.actionProvider.registerMany([
      { section: 'plugins', displayName: 'Browse content by group', uid: 'navigation.read', pluginName: 'staff' },
    ]);
    // Every staff role gets the grouped navigation; it lists only the types each may read anyway.
    for (const { code } of STAFF_ROLES) getService(strapi, 'roles').grant(code, [{ action: NAVIGATION_ACTION }]);
    // Admin requests reuse the user's built permission ability until a permission, the user or its roles change.
    await ensurePermissionVersion(strapi);
    getService(strapi, 'ability-cache').install();
    // Role permissions are synced, and the first admin created, by the app's bootstrap (src/index.ts):
    // after every plugin has registered its admin actions and called roles.grant(), and after the admin
    // plugin has created the Super Admin role on a fresh database.
  },
};

export type { RolesService };
export { getService };
