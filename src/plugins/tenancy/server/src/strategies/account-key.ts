import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { looksLikeApiKey } from '../domain/api-key-format';
import { canWriteContent } from '../domain/roles';
import { getService } from '../utils/get-service';

const READ_ACTION = /\.(find|findOne|me|count)$/;
const ABILITY_TTL_MS = 10_000;

/**
 * Content-API auth strategy for account API keys (`Authorization: Bearer igk_...`). A key acts as its
 * account with its own role, and with the same route permissions as the Authenticated role; a viewer
 * key is limited to read actions.
 */
export const createAccountKeyStrategy = (strapi: Core.Strapi) => {
  let cached: { ability: unknown; at: number } | undefined;

  const authenticatedAbility = async () => {
    if (cached && Date.now() - cached.at < ABILITY_TTL_MS) return cached.ability;
    const up = strapi.plugin('users-permissions');
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' }, select: ['id'] });
    const permissions = (await up.service('permission').findRolePermissions(role.id)).map(up.service('permission').toContentAPIPermission);
    const ability = await strapi.contentAPI.permissions.engine.generateAbility(permissions);
    cached = { ability, at: Date.now() };
    return ability;
  };

  return {
    name: 'account-key',

    async authenticate(ctx: any) {
      const [scheme, token] = String(ctx.request.header.authorization ?? '').split(/\s+/);
      if (scheme?.toLowerCase() !== 'bearer' || !token || !looksLikeApiKey(token)) return { authenticated: false };
      const result = await getService(strapi, 'api-keys').authenticate(token);
      if (!result) return { authenticated: false, error: 'Invalid, revoked or expired API key' };
      return { authenticated: true, credentials: result, ability: await authenticatedAbility() };
    },

    verify(auth: any, config: { scope?: string | string[] }) {
      if (!config.scope) return;
      const scopes = ([] as string[]).concat(config.scope);
      const { ability, credentials } = auth;
      if (!scopes.every((scope) => ability?.can(scope))) throw new errors.ForbiddenError();
      if (!canWriteContent(credentials.tenant.role) && !scopes.every((scope) => READ_ACTION.test(scope))) {
        throw new errors.ForbiddenError('This API key is read-only');
      }
    },
  };
};
