import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import type { RolesService } from '../../../staff/server/src/services/roles';
import { ensureRolePermissions } from '../../../tenancy/server/src/permissions';
import { ensureSchema } from './database/ensure-schema';
import { DEFAULT_PACKAGES, DEFAULT_PAYMENT_METHODS } from './domain/defaults';
import { EVENT_UID, INVOICE_UID, METHOD_UID, PACKAGE_UID, PAYMENT_UID } from './domain/uids';
import { BILLING_QUEUE } from './register';

const CM = 'plugin::content-manager.explorer';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureSchema(strapi);

  if (!(await strapi.db.query(PACKAGE_UID).count())) for (const data of DEFAULT_PACKAGES) await strapi.db.query(PACKAGE_UID).create({ data });
  if (!(await strapi.db.query(METHOD_UID).count())) for (const data of DEFAULT_PAYMENT_METHODS) await strapi.db.query(METHOD_UID).create({ data });

  await strapi.admin.services.permission.actionProvider.registerMany([
    { section: 'plugins', displayName: 'See payments (approval desk)', uid: 'payments.read', pluginName: 'billing' },
    { section: 'plugins', displayName: 'Approve or reject payments', uid: 'payments.approve', pluginName: 'billing' },
  ]);
  const fields = (uid: string) => Object.keys((strapi.getModel(uid as any) as any).attributes);
  const cm = (action: string, subjects: string[]) => subjects.map((subject) => ({ action: `${CM}.${action}`, subject, ...(action === 'delete' ? {} : { properties: { fields: fields(subject) } }) }));
  const billingTypes = [INVOICE_UID, PAYMENT_UID, EVENT_UID, PACKAGE_UID, METHOD_UID];
  const roles = strapi.plugin('staff').service('roles') as RolesService;
  roles.grant('igny8-billing-admin', [
    { action: 'plugin::billing.payments.read' },
    { action: 'plugin::billing.payments.approve' },
    ...cm('read', billingTypes),
    ...cm('create', [PACKAGE_UID, METHOD_UID]),
    ...cm('update', [PACKAGE_UID, METHOD_UID, INVOICE_UID]),
  ]);
  roles.grant('igny8-support-agent', [{ action: 'plugin::billing.payments.read' }, ...cm('read', billingTypes)]);

  const tenantActions = ['packages', 'purchase', 'changePlan', 'invoices', 'invoice', 'submitPayment', 'payments', 'paymentMethods', 'monthlyUsage'].map((a) => `plugin::billing.tenant.${a}`);
  await ensureRolePermissions(strapi, 'authenticated', tenantActions);

  const queues = getQueueService(strapi);
  if (queues.isAvailable()) {
    const every = strapi.config.get('plugin::billing.renewalEveryMs') as number;
    await queues.add(BILLING_QUEUE, 'renewals', {}, { repeat: { every }, jobId: 'renewals', removeOnComplete: 100, removeOnFail: 100 });
  } else {
    strapi.log.warn('[billing] Redis unavailable at boot: renewals are scheduled once a process boots with Redis');
  }
};
