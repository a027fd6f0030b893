import type { Core } from '@strapi/strapi';
import { ROLE_WRITE_GROUPS, STAFF_ROLES, type StaffRoleCode } from '../domain/staff-roles';

export interface StaffPermission {
  action: string;
  subject?: string | null;
  properties?: Record<string, unknown>;
  conditions?: string[];
}

const SEEDED_KEY = 'seeded-permissions';
const CM = 'plugin::content-manager.explorer';

/**
 * Creates the staff roles and grants them permissions. Other plugins call `grant(roleCode, perms)` in
 * their bootstrap to add theirs (the billing desk for Billing Administrator, say). A permission is
 * granted the first time it is seen and remembered, so removing it later in the admin UI sticks.
 */
export const createRolesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'staff' });
  const roleService = () => strapi.service('admin::role') as any;
  const pending = new Map<StaffRoleCode, StaffPermission[]>();

  const keyOf = (p: StaffPermission) => `${p.action}|${p.subject ?? ''}`;

  return {
    grant(code: StaffRoleCode, permissions: StaffPermission[]) {
      if (!STAFF_ROLES.some((r) => r.code === code)) throw new Error(`Unknown staff role "${code}"`);
      pending.set(code, [...(pending.get(code) ?? []), ...permissions]);
    },

    /** Default content permissions, from each content type's admin group. */
    defaults(): Array<[StaffRoleCode, StaffPermission[]]> {
      const types = Object.values(strapi.contentTypes as Record<string, any>).filter((ct) => ct.uid.startsWith('api::'));
      const fieldsOf = (ct: any) => Object.keys(ct.attributes);
      return STAFF_ROLES.map(({ code }) => {
        const read = types.map((ct) => ({ action: `${CM}.read`, subject: ct.uid, properties: { fields: fieldsOf(ct) } }));
        const writable = types.filter((ct) => ROLE_WRITE_GROUPS[code].includes(ct.pluginOptions?.['admin-groups']?.group));
        const write = writable.flatMap((ct) => [
          { action: `${CM}.create`, subject: ct.uid, properties: { fields: fieldsOf(ct) } },
          { action: `${CM}.update`, subject: ct.uid, properties: { fields: fieldsOf(ct) } },
          { action: `${CM}.delete`, subject: ct.uid },
        ]);
        return [code, [...read, ...write]];
      });
    },

    /** Idempotent: creates missing roles, adds permissions never granted before. Runs at the end of boot. */
    async sync() {
      const seeded = ((await store().get({ key: SEEDED_KEY })) as Record<string, string[]> | null) ?? {};
      const all = new Map<StaffRoleCode, StaffPermission[]>(this.defaults());
      for (const [code, perms] of pending) all.set(code, [...(all.get(code) ?? []), ...perms]);
      const known = new Set(strapi.admin.services.permission.actionProvider.keys());

      for (const definition of STAFF_ROLES) {
        let role = await roleService().findOne({ code: definition.code });
        if (!role) role = await roleService().create({ name: definition.name, code: definition.code, description: definition.description });
        const done = new Set(seeded[definition.code] ?? []);
        const fresh = (all.get(definition.code) ?? []).filter((p) => known.has(p.action) && !done.has(keyOf(p)));
        if (fresh.length) {
          await roleService().addPermissions(
            role.id,
            fresh.map((p) => ({ action: p.action, subject: p.subject ?? null, properties: p.properties ?? {}, conditions: p.conditions ?? [] }))
          );
          seeded[definition.code] = [...done, ...fresh.map(keyOf)];
        }
      }
      await store().set({ key: SEEDED_KEY, value: seeded });
    },
  };
};

export type RolesService = ReturnType<typeof createRolesService>;
