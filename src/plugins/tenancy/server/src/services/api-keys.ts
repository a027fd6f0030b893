import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PublicForbiddenError } from '../utils/public-forbidden';
import { ACCOUNT_UID, API_KEY_UID } from '../domain/constants';
import { apiKeyMatches, generateApiKey, hashApiKey, parseApiKey } from '../domain/api-key-format';
import { canManageMembers, isAccountRole, type AccountRole } from '../domain/roles';
import type { Tenant } from '../domain/tenant';
import { getService } from '../utils/get-service';

type TenantOf = Extract<Tenant, { kind: 'tenant' }>;
const LIST_FIELDS = ['id', 'documentId', 'name', 'prefix', 'role', 'lastUsedAt', 'expiresAt', 'revokedAt', 'createdAt'] as const;
const LAST_USED_RESOLUTION_MS = 60_000;

/** Per-account API keys for machine clients: hashed at rest, shown once, revocable. */
export const createApiKeysService = ({ strapi }: { strapi: Core.Strapi }) => {
  const pepper = () => {
    const configured = strapi.config.get('plugin::tenancy.apiKeyPepper') as string | undefined;
    if (configured) return configured;
    // Derived from the app keys so a fresh install works; set API_KEY_PEPPER to rotate it separately.
    const appKeys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
    return createHash('sha256').update(`igny8-api-keys:${appKeys.join(',')}`).digest('hex');
  };

  const requireManager = (tenant: TenantOf) => {
    if (!canManageMembers(tenant.role)) throw new PublicForbiddenError('Only the account owner or an admin can manage API keys');
  };

  return {
    async create(tenant: TenantOf, body: { name: string; role: AccountRole; expiresAt?: string | null }) {
      requireManager(tenant);
      const { key, prefix } = generateApiKey();
      const row = await strapi.db.query(API_KEY_UID).create({
        data: {
          name: body.name,
          prefix,
          keyHash: hashApiKey(key, pepper()),
          role: body.role,
          account: tenant.accountId,
          issuedBy: tenant.userId ?? null,
          expiresAt: body.expiresAt ?? null,
        },
        select: [...LIST_FIELDS],
      });
      // The only time the key leaves the server.
      return { ...row, key };
    },

    async list(tenant: TenantOf) {
      requireManager(tenant);
      return strapi.db.query(API_KEY_UID).findMany({ where: { account: { id: tenant.accountId } }, select: [...LIST_FIELDS], orderBy: { id: 'desc' } });
    },

    async revoke(tenant: TenantOf, id: number) {
      requireManager(tenant);
      const updated = await strapi.db.query(API_KEY_UID).update({
        where: { id, account: { id: tenant.accountId } },
        data: { revokedAt: new Date() },
        select: [...LIST_FIELDS],
      });
      if (!updated) throw new errors.NotFoundError('API key not found');
      return updated;
    },

    /** The tenant a presented key acts as, or null when the key is unknown, revoked, expired or its account is not live. */
    async authenticate(raw: string): Promise<{ apiKeyId: number; tenant: TenantOf } | null> {
      const parsed = parseApiKey(raw);
      if (!parsed) return null;
      const { tableName: keys, link } = getService(strapi, 'schema').table(API_KEY_UID);
      const accounts = strapi.db.metadata.get(ACCOUNT_UID).tableName;
      const row = await strapi.db
        .connection(`${keys} as k`)
        .join(`${link!.table} as l`, `l.${link!.ownerColumn}`, 'k.id')
        .join(`${accounts} as a`, 'a.id', `l.${link!.accountColumn}`)
        .where('k.prefix', parsed.prefix)
        .first('k.id', 'k.key_hash as keyHash', 'k.role', 'k.revoked_at as revokedAt', 'k.expires_at as expiresAt', 'k.last_used_at as lastUsedAt',
          'a.id as accountId', 'a.document_id as accountDocumentId', 'a.status as accountStatus', 'a.deleted_at as accountDeletedAt');
      if (!row || !apiKeyMatches(raw, row.keyHash, pepper())) return null;
      if (row.revokedAt || (row.expiresAt && new Date(row.expiresAt) <= new Date())) return null;
      if (row.accountDeletedAt || ['suspended', 'cancelled'].includes(row.accountStatus) || !isAccountRole(row.role)) return null;
      if (!row.lastUsedAt || Date.now() - new Date(row.lastUsedAt).getTime() > LAST_USED_RESOLUTION_MS) {
        await strapi.db.connection(keys).where('id', row.id).update({ last_used_at: new Date() });
      }
      return {
        apiKeyId: row.id,
        tenant: { kind: 'tenant', accountId: row.accountId, accountDocumentId: row.accountDocumentId, role: row.role, apiKeyId: row.id },
      };
    },
  };
};

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
