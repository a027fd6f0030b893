import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PublicForbiddenError } from './errors';

type AccountRole = 'owner' | 'admin' | 'editor' | 'viewer';
export interface TenantCaller {
  kind: 'tenant';
  accountId: number;
  accountDocumentId: string;
  role: AccountRole;
  userId?: number;
}

/** The calling account member, via the tenancy plugin (the one authority on "whose request is this"). */
export const requireTenant = async (strapi: Core.Strapi, minimum: 'viewer' | 'editor' | 'admin' = 'viewer'): Promise<TenantCaller> => {
  const tenant = await strapi.plugin('tenancy').service('tenant-context').current();
  if (tenant.kind === 'anonymous') throw new errors.UnauthorizedError('Sign in as a member of an account');
  if (tenant.kind !== 'tenant') throw new PublicForbiddenError('This endpoint is for account members; staff use the admin panel');
  const rank = ['owner', 'admin', 'editor', 'viewer'];
  if (rank.indexOf(tenant.role) > rank.indexOf(minimum)) {
    throw new PublicForbiddenError(minimum === 'admin' ? 'Only account owners and admins can change integration settings' : 'Viewers can read but not change settings');
  }
  return tenant as TenantCaller;
};
