import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PublicForbiddenError } from './public-forbidden';
import type { Tenant } from '../domain/tenant';
import { getService } from './get-service';

/** The calling tenant, or 401/403 for anyone who is not acting for an account. */
export const requireTenant = async (strapi: Core.Strapi): Promise<Extract<Tenant, { kind: 'tenant' }>> => {
  const tenant = await getService(strapi, 'tenant-context').current();
  if (tenant.kind === 'tenant') return tenant;
  if (tenant.kind === 'anonymous') throw new errors.UnauthorizedError('Sign in as a member of an account');
  throw new PublicForbiddenError('This endpoint is for account members; staff use the admin panel');
};
