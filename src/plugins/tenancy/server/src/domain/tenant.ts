import type { AccountRole } from './roles';

/**
 * Who is asking, as far as data scoping is concerned.
 * - tenant: a user or API key of one account; sees only that account's records.
 * - staff: a Strapi admin user (or a staff-issued Strapi API token); sees every account.
 * - system: code with no request (workers, bootstrap); unscoped unless it runs as a tenant.
 * - anonymous: a content-API request with no credentials; sees no tenant-owned record.
 */
export type Tenant =
  | { kind: 'tenant'; accountId: number; accountDocumentId: string; role: AccountRole; userId?: number; apiKeyId?: number }
  | { kind: 'staff' }
  | { kind: 'system' }
  | { kind: 'anonymous' };

export type TenantKind = Tenant['kind'];

/** How a tenant caller is recorded as the author of a change: `user:<id>`, or `key:<id>` for an account API key. */
export const tenantActor = (t: { userId?: number; apiKeyId?: number }) => (t.userId ? `user:${t.userId}` : `key:${t.apiKeyId ?? '?'}`);
