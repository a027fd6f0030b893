/**
 * The demo data `npm run develop` seeds: reference data, and a demo tenant billed like a customer
 * (Growth plan paid and approved, a credit top-up waiting on the approval desk). Seeding twice is a no-op.
 */
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { as, staffToken } from '../helpers/tenants';
import { DEMO_ACCOUNT } from '../../src/plugins/demo-data/server/src/domain/demo';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi({ env: { SEED_DEMO_DATA: 'true' } });
}, 120000);

afterAll(async () => app?.close());

it('the demo tenant signs in and has the Growth plan, its credits, a site and keywords', async () => {
  const login = await app.request().post('/api/auth/local').send({ identifier: DEMO_ACCOUNT.owner.email, password: DEMO_ACCOUNT.owner.password });
  expect(login.status).toBe(200);
  const jwt = login.body.jwt;
  const sub = await as(app, jwt).get('/api/subscriptions?populate=plan');
  expect(sub.body.data[0]).toMatchObject({ status: 'active', plan: { slug: 'growth' } });
  const balance = await as(app, jwt).get('/api/credits/balance');
  expect(balance.body.data).toMatchObject({ plan: 50000, bonus: 0 });
  expect((await as(app, jwt).get('/api/sites')).body.data).toHaveLength(1);
  expect((await as(app, jwt).get('/api/keywords')).body.data.length).toBeGreaterThanOrEqual(4);
  const invoices = await as(app, jwt).get('/api/billing/invoices');
  expect(invoices.body.data.map((i: any) => [i.type, i.status]).sort()).toEqual([['credit_package', 'pending'], ['subscription', 'paid']]);
});

it('leaves one payment waiting on the approval desk', async () => {
  const token = await staffToken(app, 'igny8-billing-admin');
  const queue = await app.request().get('/billing/payments?status=pending_approval').set('Authorization', `Bearer ${token}`);
  expect(queue.body.data).toEqual([expect.objectContaining({ reference: 'DEMO-TOPUP-0001', method: 'bank_transfer' })]);
});

it('seeding again changes nothing', async () => {
  const count = async () => Promise.all(['plugin::billing.invoice', 'plugin::billing.payment', 'api::keyword.keyword', 'api::account.account'].map((uid) => app.strapi.db.query(uid as any).count()));
  const before = await count();
  await app.strapi.plugin('demo-data').service('seed').run();
  expect(await count()).toEqual(before);
});
