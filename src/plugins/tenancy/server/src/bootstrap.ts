import type { Core } from '@strapi/strapi';
import { PublicForbiddenError } from './utils/public-forbidden';
import { ACCOUNT_UID, PLAN_UID, SYSTEM_ACCOUNT_SLUG } from './domain/constants';
import { DEFAULT_PLANS } from './domain/default-plans';
import { createGraphqlLimitsMiddleware } from './middlewares/graphql-limits';
import { grantTenantPermissions } from './permissions';
import { canWriteContent } from './domain/roles';
import { protectSystemAccount } from './system-account';
import { getService } from './utils/get-service';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // After Strapi's own middlewares (body parsing) and before routing.
  strapi.server.use(createGraphqlLimitsMiddleware(strapi));

  // Plans are platform reference data signup depends on: created when missing, never overwritten.
  for (const plan of DEFAULT_PLANS) {
    const existing = await strapi.db.query(PLAN_UID).findOne({ where: { slug: plan.slug }, select: ['id'] });
    if (!existing) await strapi.documents(PLAN_UID).create({ data: plan as any });
  }
  const system = await strapi.db.query(ACCOUNT_UID).findOne({ where: { slug: SYSTEM_ACCOUNT_SLUG }, select: ['id'] });
  if (!system) {
    const scale = await strapi.db.query(PLAN_UID).findOne({ where: { slug: 'scale' }, select: ['documentId'] });
    await strapi.documents(ACCOUNT_UID).create({
      data: { name: 'IGNY8 System', slug: SYSTEM_ACCOUNT_SLUG, isSystem: true, status: 'active', plan: scale?.documentId } as any,
    });
  }
  await protectSystemAccount(strapi);
  await grantTenantPermissions(strapi);

  // Restoring from the trash is a write, and may take a plan slot back (a site, a keyword).
  strapi.plugin('soft-delete')?.service('soft-delete').registerRestoreGuard(async ({ uid, trx }: { uid: string; trx: any }) => {
    const tenant = await getService(strapi, 'tenant-context').current();
    if (tenant.kind !== 'tenant') return;
    if (!canWriteContent(tenant.role)) throw new PublicForbiddenError('Viewers cannot restore records');
    await getService(strapi, 'plan-limits').assertRoom({ uid, accountId: tenant.accountId, trx });
  });
};
