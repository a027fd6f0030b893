import type { Core } from '@strapi/strapi';

/**
 * Creates the first Super Admin from ADMIN_EMAIL / ADMIN_PASSWORD when no admin exists yet, so a fresh
 * install (and CI, and the browser tests) need no interactive registration step.
 */
export const createFirstAdminService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensure() {
    const email = strapi.config.get('plugin::staff.adminEmail') as string;
    const password = strapi.config.get('plugin::staff.adminPassword') as string;
    if (!email || !password) return;
    const users = strapi.service('admin::user') as any;
    if ((await users.count()) > 0) return;
    const superAdmin = await (strapi.service('admin::role') as any).getSuperAdmin();
    if (!superAdmin) {
      strapi.log.warn('[staff] no Super Admin role yet: the first admin from ADMIN_EMAIL was not created');
      return;
    }
    await users.create({ email: email.toLowerCase(), firstname: 'IGNY8', lastname: 'Admin', password, isActive: true, roles: [superAdmin.id], registrationToken: null });
    strapi.log.info(`[staff] created the first admin: ${email}`);
  },
});

export type FirstAdminService = ReturnType<typeof createFirstAdminService>;
