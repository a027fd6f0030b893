import type { Core } from '@strapi/strapi';
import { readPermissionVersion } from '../database/permission-version';

const MAX_ENTRIES = 500;

/**
 * Strapi's admin authentication builds the user's CASL ability on every admin request: it loads every
 * permission of the user's roles and runs the permission engine over them (30 to 40 ms of CPU for a
 * Super Admin on this app's ~50 content types, most of an admin request's time). The ability depends
 * only on the user (conditions read it) and on the permission rows, so this keeps the built ability per
 * user, keyed by what would change it: the user row's `updatedAt`, its role ids (the strategy loads
 * both fresh on every request, so a deactivated user or a changed role membership applies at once) and
 * the permission version PostgreSQL bumps on any write to the permission table (one small read per
 * request, so a role edit in any process applies to the next request everywhere).
 */
export const createAbilityCacheService = ({ strapi }: { strapi: Core.Strapi }) => {
  const cache = new Map<string, unknown>();
  let installed = false;
  const stats = { hits: 0, misses: 0 };

  let version: string | null = null;

  const keyOf = (user: any) => {
    const roles = ((user.roles ?? []) as Array<{ id: number }>).map((r) => r.id).sort((a, b) => a - b).join(',');
    const updatedAt = user.updatedAt instanceof Date ? user.updatedAt.getTime() : String(user.updatedAt ?? '');
    return `${user.id}|${updatedAt}|${roles}`;
  };

  return {
    /** Wraps the admin permission engine's `generateUserAbility` (once per process). */
    install() {
      if (installed) return;
      installed = true;
      const engine = (strapi.admin.services.permission as any).engine;
      const generate = engine.generateUserAbility.bind(engine);
      engine.generateUserAbility = async (user: any) => {
        // Any permission written anywhere since the last request: every ability built before is stale.
        const current = await readPermissionVersion(strapi);
        if (current !== version) {
          cache.clear();
          version = current;
        }
        const key = keyOf(user);
        const cached = cache.get(key);
        if (cached) {
          stats.hits += 1;
          // Most recently used last, so eviction drops the coldest.
          cache.delete(key);
          cache.set(key, cached);
          return cached;
        }
        stats.misses += 1;
        const ability = await generate(user);
        if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
        cache.set(key, ability);
        return ability;
      };
    },
    stats: () => ({ ...stats, size: cache.size }),
    clear: () => cache.clear(),
  };
};

export type AbilityCacheService = ReturnType<typeof createAbilityCacheService>;
