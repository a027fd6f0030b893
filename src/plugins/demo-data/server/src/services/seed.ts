import type { Core } from '@strapi/strapi';
import { DEMO_ACCOUNT, DEMO_INDUSTRIES } from '../domain/demo';

/**
 * Idempotent demo data (SEED_DEMO_DATA=true, which `npm run develop` sets): reference data, and a demo
 * account with its owner, a site, sectors and a few keywords. Each piece is created only if missing.
 */
export const createSeedService = ({ strapi }: { strapi: Core.Strapi }) => {
  const findBy = (uid: string, where: Record<string, unknown>) => strapi.db.query(uid as any).findOne({ where, select: ['id', 'documentId'] });
  const ensure = async (uid: string, where: Record<string, unknown>, data: Record<string, unknown>) =>
    (await findBy(uid, where)) ?? strapi.documents(uid as any).create({ data: { ...where, ...data } as any });

  /**
   * The demo account goes through billing as a customer would: a Growth plan invoice paid by bank
   * transfer and approved (so it has Growth's plan credits, with their ledger rows), plus a credit
   * package bought and paid but left pending, so the approval desk has something to show.
   */
  async function billDemoAccount(accountId: number) {
    const billing = strapi.plugin('billing');
    if (!billing) return;
    const pay = (invoiceDocumentId: string, reference: string) =>
      strapi.db.transaction(({ trx }) => billing.service('payments').submit(trx, { accountId, invoiceDocumentId, method: 'bank_transfer', reference, actor: 'system' }));
    const planInvoice = await strapi.db.transaction(({ trx }) => billing.service('subscriptions').requestPlan(trx, { accountId, planSlug: 'growth', actor: 'system' }));
    const planPayment = await pay(planInvoice.documentId, 'DEMO-GROWTH-0001');
    await billing.service('payments').approve({ paymentId: planPayment.id, actor: 'system', notes: 'Demo data' });
    const pkg = await strapi.db.query('plugin::billing.credit-package').findOne({ where: { isActive: true }, orderBy: { sortOrder: 'asc' } });
    if (!pkg) return;
    const topUp = await strapi.db.transaction(({ trx }) => billing.service('invoices').forPackage(trx, { accountId, packageDocumentId: pkg.documentId, quantity: 1, actor: 'system' }));
    await pay(topUp.documentId, 'DEMO-TOPUP-0001');
  }

  return {
    async run() {
      if (!strapi.config.get('plugin::demo-data.seed')) return;
      const sectorIds: string[] = [];
      for (const industry of DEMO_INDUSTRIES) {
        const i = await ensure('api::industry.industry', { slug: industry.slug }, { name: industry.name });
        for (const sector of industry.sectors) {
          const s = await ensure('api::industry-sector.industry-sector', { slug: sector.slug, industry: { id: i.id } }, { name: sector.name, industry: i.documentId });
          sectorIds.push(s.documentId);
          for (const [keyword, volume, difficulty, intent] of sector.keywords) {
            await ensure('api::seed-keyword.seed-keyword', { keyword, industrySector: { id: s.id } }, { industry: i.documentId, industrySector: s.documentId, volume, difficulty, intent });
          }
        }
      }

      if (await findBy('api::account.account', { slug: DEMO_ACCOUNT.slug })) return;
      const tenancy = strapi.plugin('tenancy');
      const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
      const user = await strapi.plugin('users-permissions').service('user').add({ ...DEMO_ACCOUNT.owner, provider: 'local', confirmed: true, blocked: false, role: role.id });
      const account = await tenancy.service('accounts').createForOwner({ userId: user.id, name: DEMO_ACCOUNT.name });
      await strapi.db.query('api::account.account').update({ where: { id: account.id }, data: { slug: DEMO_ACCOUNT.slug } });
      await billDemoAccount(account.id);

      const industry = await findBy('api::industry.industry', { slug: 'ecommerce' });
      const site = await strapi.documents('api::site.site').create({ data: { ...DEMO_ACCOUNT.site, account: account.documentId, industry: industry?.documentId } as any });
      const garden = await findBy('api::industry-sector.industry-sector', { slug: 'home-garden' });
      const sector = await strapi.documents('api::sector.sector').create({ data: { name: 'Home & Garden', site: site.documentId, industrySector: garden?.documentId, account: account.documentId } as any });
      for (const keyword of ['raised garden bed ideas', 'buy indoor plants online', 'best compost bin', 'how to start a vegetable garden']) {
        await strapi.documents('api::keyword.keyword').create({ data: { keyword, site: site.documentId, sector: sector.documentId, account: account.documentId, status: 'active' } as any });
      }
      strapi.log.info(`[demo-data] demo tenant ready: ${DEMO_ACCOUNT.owner.email} / ${DEMO_ACCOUNT.owner.password}`);
    },
  };
};
