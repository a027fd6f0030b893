/**
 * Billing end to end over HTTP: a tenant buys a credit package, submits a bank-transfer payment,
 * staff approve it from the desk API, the bonus credits arrive exactly once and the customer gets an
 * email on a real SMTP server. Also rejection, double approval, plan changes, renewals, bad input.
 */
import { randomUUID } from 'node:crypto';
import { startSmtp } from '../../helpers/smtp';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken, type Tenant } from '../../helpers/tenants';

let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let A: Tenant;
let B: Tenant;
let billingAdmin: string;
let supportAgent: string;

const ledger = () => app.strapi.plugin('credits').service('ledger');
const keyed = (token: string) => ({
  post: (url: string, body: unknown, key = randomUUID()) => app.request().post(url).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key).send(body as object),
});
const desk = (token: string) => ({
  list: (query = 'status=pending_approval') => app.request().get(`/billing/payments?${query}`).set('Authorization', `Bearer ${token}`),
  approve: (id: number, body: unknown = {}) => app.request().post(`/billing/payments/${id}/approve`).set('Authorization', `Bearer ${token}`).send(body as object),
  reject: (id: number, body: unknown) => app.request().post(`/billing/payments/${id}/reject`).set('Authorization', `Bearer ${token}`).send(body as object),
  bulk: (body: unknown) => app.request().post('/billing/payments/bulk').set('Authorization', `Bearer ${token}`).send(body as object),
});
const packages = async (tenant: Tenant) => (await as(app, tenant.jwt).get('/api/billing/packages')).body.data as Array<{ documentId: string; credits: number; price: string }>;

/** Buys the first package and submits a bank transfer for it; returns the invoice and the payment. */
const buyAndPay = async (tenant: Tenant, quantity = 1) => {
  const [pkg] = await packages(tenant);
  const bought = await keyed(tenant.jwt).post(`/api/billing/packages/${pkg.documentId}/purchase`, { quantity });
  expect(bought.status).toBe(201);
  const invoice = bought.body.data.invoice;
  const paid = await keyed(tenant.jwt).post(`/api/billing/invoices/${invoice.documentId}/payments`, { method: 'bank_transfer', reference: `TRX-${randomUUID().slice(0, 8)}` });
  expect(paid.status).toBe(201);
  return { pkg, invoice, payment: paid.body.data };
};

beforeAll(async () => {
  smtp = await startSmtp();
  app = await bootStrapi({ env: { SMTP_PORT: String(smtp.port), SMTP_HOST: '127.0.0.1' } });
  A = await signUp(app);
  B = await signUp(app);
  billingAdmin = await staffToken(app, 'igny8-billing-admin');
  supportAgent = await staffToken(app, 'igny8-support-agent');
}, 120000);

afterAll(async () => {
  await app?.close();
  await smtp?.close();
});

describe('signup', () => {
  it('starts the Free plan subscription with its included credits, as a ledger row', async () => {
    const free = await app.strapi.db.query('api::plan.plan').findOne({ where: { slug: 'free' } });
    const balance = await ledger().balance(A.accountId);
    expect(balance.plan).toBe(free.includedCredits);
    const sub = await as(app, A.jwt).get('/api/subscriptions?populate=plan');
    expect(sub.body.data).toHaveLength(1);
    expect(sub.body.data[0]).toMatchObject({ status: 'active', plan: { slug: 'free' } });
    const rows = await as(app, A.jwt).get('/api/credits/transactions');
    expect(rows.body.data).toEqual([expect.objectContaining({ pool: 'plan', amount: free.includedCredits, type: 'subscription' })]);
  });
});

describe('buy a package, pay by bank transfer, approval from the desk', () => {
  it('grants the bonus credits exactly once, marks everything paid, logs events and emails the customer', async () => {
    const before = await ledger().balance(A.accountId);
    const { pkg, invoice, payment } = await buyAndPay(A, 2);
    expect(invoice.number).toMatch(new RegExp(`^INV-${A.accountId}-\\d{6}-0001$`));
    expect(invoice).toMatchObject({ type: 'credit_package', status: 'pending', credits: pkg.credits * 2 });
    expect(Number(invoice.total)).toBeCloseTo(Number(pkg.price) * 2, 2);
    expect(payment).toMatchObject({ status: 'pending_approval', method: 'bank_transfer' });
    expect(await ledger().balance(A.accountId)).toEqual(before);

    const queue = await desk(billingAdmin).list();
    expect(queue.status).toBe(200);
    const row = queue.body.data.find((p: any) => p.id === payment.id);
    expect(row).toMatchObject({ status: 'pending_approval', reference: payment.reference, account: { id: A.accountId }, invoice: { number: invoice.number } });

    // Two staff click at the same instant, plus a bulk approval racing them: one grant.
    const results = await Promise.all([
      desk(billingAdmin).approve(payment.id, { notes: 'seen on statement' }),
      desk(billingAdmin).approve(payment.id),
      desk(billingAdmin).bulk({ action: 'approve', ids: [payment.id] }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const changed = [results[0].body.data.changed, results[1].body.data.changed, results[2].body.data[0].changed];
    expect(changed.filter(Boolean)).toHaveLength(1);

    const after = await ledger().balance(A.accountId);
    expect(after.bonus).toBe(before.bonus + pkg.credits * 2);
    expect(after.plan).toBe(before.plan);
    const grants = await app.strapi.db.connection('credit_transactions').where({ account_id: A.accountId, type: 'purchase' });
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ pool: 'bonus', amount: pkg.credits * 2, reference_type: 'invoice', reference_id: invoice.number });

    const mine = await as(app, A.jwt).get(`/api/billing/invoices/${invoice.documentId}`);
    expect(mine.body.data).toMatchObject({ status: 'paid', payments: [expect.objectContaining({ status: 'succeeded' })] });
    expect(mine.body.data.paidAt).toBeTruthy();
    const stored = await app.strapi.db.query('plugin::billing.payment').findOne({ where: { id: payment.id } });
    expect(stored.approvedBy).toMatch(/^admin:\d+$/);
    expect(stored.approvedAt).toBeTruthy();
    const events = await app.strapi.db.query('plugin::billing.payment-event').findMany({ where: { paymentId: payment.id }, orderBy: { id: 'asc' } });
    expect(events.map((e: any) => e.type)).toEqual(['payment_submitted', 'payment_approved', 'credits_granted']);

    const mail = await smtp.waitFor((m) => m.to.includes(A.email) && m.subject.includes(invoice.number));
    expect(mail.subject).toBe(`Payment received: invoice ${invoice.number}`);
    expect(mail.text).toContain(`${(pkg.credits * 2).toLocaleString('en-US')} bonus credits`);
    expect(smtp.received.filter((m) => m.subject.includes(invoice.number))).toHaveLength(1);
  });

  it('rejection needs a reason, grants nothing, keeps the invoice open and emails the reason', async () => {
    const before = await ledger().balance(B.accountId);
    const { invoice, payment } = await buyAndPay(B);
    const noReason = await desk(billingAdmin).reject(payment.id, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('reason');
    const res = await desk(billingAdmin).reject(payment.id, { reason: 'No transfer with this reference arrived' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'failed', changed: true });
    expect(await ledger().balance(B.accountId)).toEqual(before);
    const again = await desk(billingAdmin).approve(payment.id);
    expect(again.status).toBe(409);
    const open = await as(app, B.jwt).get(`/api/billing/invoices/${invoice.documentId}`);
    expect(open.body.data.status).toBe('pending');
    const mail = await smtp.waitFor((m) => m.to.includes(B.email) && m.subject.startsWith('Payment not approved'));
    expect(mail.text).toContain('No transfer with this reference arrived');
    // The tenant can try again on the same invoice.
    const retry = await keyed(B.jwt).post(`/api/billing/invoices/${invoice.documentId}/payments`, { method: 'bank_transfer', reference: 'TRX-CORRECTED' });
    expect(retry.status).toBe(201);
  });

  it('permissions: Support Agents see the desk but cannot decide; tenants reach neither', async () => {
    const { payment } = await buyAndPay(A);
    expect((await desk(supportAgent).list()).status).toBe(200);
    expect((await desk(supportAgent).approve(payment.id)).status).toBe(403);
    expect((await desk(A.jwt).list()).status).toBe(401);
    expect((await app.request().post(`/billing/payments/${payment.id}/approve`)).status).toBe(401);
    const bulk = await desk(billingAdmin).bulk({ action: 'reject', ids: [payment.id, 999999], reason: 'duplicate submission' });
    expect(bulk.status).toBe(200);
    expect(bulk.body.data).toEqual([
      { paymentId: payment.id, status: 'failed', changed: true },
      { paymentId: 999999, error: expect.objectContaining({ status: 404 }) },
    ]);
  });
});

describe('tenant API', () => {
  it('replays a purchase with the same Idempotency-Key and refuses the key with other parameters', async () => {
    const [pkg] = await packages(A);
    const key = randomUUID();
    const first = await keyed(A.jwt).post(`/api/billing/packages/${pkg.documentId}/purchase`, { quantity: 1 }, key);
    const second = await keyed(A.jwt).post(`/api/billing/packages/${pkg.documentId}/purchase`, { quantity: 1 }, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.data.invoice.number).toBe(first.body.data.invoice.number);
    expect(second.body.meta.replayed).toBe(true);
    const other = await keyed(A.jwt).post(`/api/billing/packages/${pkg.documentId}/purchase`, { quantity: 3 }, key);
    expect(other.status).toBe(409);
  });

  it('numbers invoices per account and month without gaps under concurrent purchases', async () => {
    const [pkg] = await packages(B);
    const res = await Promise.all(Array.from({ length: 6 }, () => keyed(B.jwt).post(`/api/billing/packages/${pkg.documentId}/purchase`, {})));
    expect(res.map((r) => r.status)).toEqual(Array(6).fill(201));
    const all = (await as(app, B.jwt).get('/api/billing/invoices?pageSize=100')).body.data.map((i: any) => Number(i.number.split('-').pop())).sort((a: number, b: number) => a - b);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });

  it.each([
    [(inv: string) => `/api/billing/invoices/${inv}/payments`, { method: 'cheque', reference: 'X-123' }, 'method'],
    [(inv: string) => `/api/billing/invoices/${inv}/payments`, { method: 'bank_transfer' }, 'reference'],
    [(inv: string) => `/api/billing/invoices/${inv}/payments`, { method: 'bank_transfer', reference: 'X-123', proofUrl: 'javascript:alert(1)' }, 'proofUrl'],
    [(inv: string) => `/api/billing/invoices/${inv}/payments`, { method: 'bank_transfer', reference: 'X-123', status: 'succeeded' }, 'status'],
    [() => '/api/billing/packages/not-a-document-id/purchase', {}, 'body'],
  ])('refuses bad input with a 400 naming the field (%#)', async (url, body, field) => {
    const [pkg] = await packages(A);
    const bought = await keyed(A.jwt).post(`/api/billing/packages/${pkg.documentId}/purchase`, {});
    const before = await app.strapi.db.query('plugin::billing.payment').count();
    const res = await keyed(A.jwt).post(url(bought.body.data.invoice.documentId), body);
    expect(res.status).toBe(400);
    if (field !== 'body') expect(res.body.error.message).toContain(field);
    expect(await app.strapi.db.query('plugin::billing.payment').count()).toBe(before);
  });

  it('requires the Idempotency-Key header on purchases and payments', async () => {
    const [pkg] = await packages(A);
    const res = await as(app, A.jwt).post(`/api/billing/packages/${pkg.documentId}/purchase`, {});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Idempotency-Key');
  });

  it('never shows or accepts payments on another account\'s invoice', async () => {
    const { invoice } = await buyAndPay(B);
    expect((await as(app, A.jwt).get(`/api/billing/invoices/${invoice.documentId}`)).status).toBe(404);
    expect((await keyed(A.jwt).post(`/api/billing/invoices/${invoice.documentId}/payments`, { method: 'bank_transfer', reference: 'steal-123' })).status).toBe(404);
    const mine = await as(app, A.jwt).get('/api/billing/invoices?pageSize=100');
    expect(mine.body.data.map((i: any) => i.documentId)).not.toContain(invoice.documentId);
    const query = app.strapi.plugin('graphql').service('utils').naming.getFindQueryName(app.strapi.getModel('plugin::billing.invoice' as any));
    const gql = await as(app, A.jwt).graphql(`{ items: ${query}(pagination: { pageSize: 100 }) { documentId number } }`);
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.items.map((i: any) => i.documentId)).not.toContain(invoice.documentId);
    expect(gql.body.data.items.length).toBeGreaterThan(0);
  });

  it('editors cannot spend the account\'s money', async () => {
    const G = await signUp(app, { plan: 'growth' });
    const member = await as(app, G.jwt).post('/api/tenancy/members', { username: `ed_${Date.now()}`, email: `ed_${Date.now()}@example.test`, password: 'Secret-pass-123', role: 'editor' });
    expect(member.status).toBe(201);
    const login = await app.request().post('/api/auth/local').send({ identifier: member.body.data.email, password: 'Secret-pass-123' });
    const [pkg] = await packages(G);
    const res = await keyed(login.body.jwt).post(`/api/billing/packages/${pkg.documentId}/purchase`, {});
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('owner or an admin');
  });

  it('lists payment methods for the account\'s country', async () => {
    const res = await as(app, A.jwt).get('/api/billing/payment-methods');
    expect(res.body.data.map((m: any) => m.method)).toEqual(['bank_transfer', 'manual']);
    await as(app, A.jwt).put('/api/tenancy/account', { billingCountry: 'PK' });
    const pk = await as(app, A.jwt).get('/api/billing/payment-methods');
    expect(pk.body.data.map((m: any) => m.method)).toEqual(['bank_transfer', 'local_wallet']);
    expect(pk.body.data[1].instructions).toBeTruthy();
    await as(app, A.jwt).put('/api/tenancy/account', { billingCountry: null });
  });
});

describe('plans and renewals', () => {
  it('a paid plan change resets plan credits to the plan\'s amount on approval and starts the period', async () => {
    const C = await signUp(app);
    const res = await keyed(C.jwt).post('/api/billing/plan', { plan: 'starter' });
    expect(res.status).toBe(201);
    const invoice = res.body.data.invoice;
    expect(invoice).toMatchObject({ type: 'subscription', credits: 10000 });
    const paid = await keyed(C.jwt).post(`/api/billing/invoices/${invoice.documentId}/payments`, { method: 'bank_transfer', reference: 'TRX-PLAN-1' });
    const bonusBefore = (await ledger().balance(C.accountId)).bonus;
    expect((await desk(billingAdmin).approve(paid.body.data.id)).status).toBe(200);
    const balance = await ledger().balance(C.accountId);
    expect(balance).toMatchObject({ plan: 10000, bonus: bonusBefore });
    const sub = (await as(app, C.jwt).get('/api/subscriptions?populate=plan')).body.data[0];
    expect(sub).toMatchObject({ status: 'active', plan: { slug: 'starter' } });
    expect(new Date(sub.currentPeriodEnd).getTime()).toBeGreaterThan(Date.now() + 27 * 86400000);
  });

  it('renewal tick: invoice + reminder at period end, plan credits to zero after grace, expiry, and payment restores', async () => {
    const D = await signUp(app);
    const change = await keyed(D.jwt).post('/api/billing/plan', { plan: 'starter' });
    const pay = await keyed(D.jwt).post(`/api/billing/invoices/${change.body.data.invoice.documentId}/payments`, { method: 'bank_transfer', reference: 'TRX-D-1' });
    await desk(billingAdmin).approve(pay.body.data.id);
    const subs = () => app.strapi.plugin('billing').service('subscriptions');
    const sub = await app.strapi.db.query('api::subscription.subscription').findOne({ where: { account: { id: D.accountId } } });
    const end = new Date(sub.currentPeriodEnd);
    const day = (n: number) => new Date(end.getTime() + n * 86400000 + 1000);

    expect(await subs().step(sub.id, day(0))).toBe('invoice_and_remind');
    expect(await subs().step(sub.id, day(0))).toBe('none'); // a second tick in the same state does nothing
    const renewal = (await as(app, D.jwt).get('/api/billing/invoices')).body.data[0];
    expect(renewal).toMatchObject({ type: 'subscription', status: 'pending' });
    await smtp.waitFor((m) => m.to.includes(D.email) && m.subject.includes(renewal.number));

    expect(await subs().step(sub.id, day(7))).toBe('zero_plan_credits');
    expect((await ledger().balance(D.accountId)).plan).toBe(0);
    expect(await subs().step(sub.id, day(8))).toBe('none');
    expect(await subs().step(sub.id, day(14))).toBe('expire');
    const account = await app.strapi.db.query('api::account.account').findOne({ where: { id: D.accountId } });
    expect(account.status).toBe('pending_payment');

    const late = await keyed(D.jwt).post(`/api/billing/invoices/${renewal.documentId}/payments`, { method: 'bank_transfer', reference: 'TRX-D-LATE' });
    expect(late.status).toBe(201);
    expect((await desk(billingAdmin).approve(late.body.data.id)).status).toBe(200);
    expect((await ledger().balance(D.accountId)).plan).toBe(10000);
    const restored = await app.strapi.db.query('api::subscription.subscription').findOne({ where: { id: sub.id } });
    expect(restored).toMatchObject({ status: 'active', dunningStage: 'none' });
    expect((await app.strapi.db.query('api::account.account').findOne({ where: { id: D.accountId } })).status).toBe('active');
  });

  it('free plans roll over by themselves with fresh plan credits, once per period', async () => {
    const E = await signUp(app);
    await ledger().spend({ accountId: E.accountId, amount: 300, idempotencyKey: `spend:${randomUUID()}` });
    const sub = await app.strapi.db.query('api::subscription.subscription').findOne({ where: { account: { id: E.accountId } } });
    const at = new Date(new Date(sub.currentPeriodEnd).getTime() + 1000);
    const subs = app.strapi.plugin('billing').service('subscriptions');
    expect(await subs.step(sub.id, at)).toBe('roll_free_period');
    expect(await subs.step(sub.id, at)).toBe('none');
    expect((await ledger().balance(E.accountId)).plan).toBe(1000);
  });
});

describe('monthly plan-limit counters', () => {
  it('count per period, refuse with 403 naming the limit, never overshoot under concurrency, and restart each period', async () => {
    const F = await signUp(app);
    const usage = app.strapi.plugin('billing').service('monthly-usage');
    const free = await app.strapi.db.query('api::plan.plan').findOne({ where: { slug: 'free' } });
    const allowed = free.monthlyLimits.images as number;
    const results = await Promise.allSettled(Array.from({ length: allowed + 10 }, () => usage.consume({ accountId: F.accountId, metric: 'images', amount: 1 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(allowed);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ name: 'ForbiddenError', details: { limit: 'images', allowed, used: allowed, requested: 1 } });
    const summary = await as(app, F.jwt).get('/api/billing/monthly-usage');
    expect(summary.status).toBe(200);
    expect(summary.body.data.metrics).toContainEqual({ metric: 'images', used: allowed, allowed });
    await expect(usage.consume({ accountId: F.accountId, metric: 'images', amount: allowed + 1 })).rejects.toMatchObject({ details: { limit: 'images' } });

    const sub = await app.strapi.db.query('api::subscription.subscription').findOne({ where: { account: { id: F.accountId } } });
    const nextPeriod = new Date(new Date(sub.currentPeriodEnd).getTime() + 1000);
    await app.strapi.plugin('billing').service('subscriptions').step(sub.id, nextPeriod);
    expect(await usage.used(F.accountId, 'images', nextPeriod)).toBe(0);
    await expect(usage.consume({ accountId: F.accountId, metric: 'images', amount: 5, at: nextPeriod })).resolves.toMatchObject({ used: 5 });
  });
});

describe('GraphQL checkout', () => {
  it('buys a package and submits a payment through mutations, idempotently, then approval grants the credits', async () => {
    const H = await signUp(app);
    const [pkg] = await packages(H);
    const key = randomUUID();
    const buy = `mutation($p: ID!, $k: String!) { purchaseCreditPackage(packageId: $p, quantity: 1, idempotencyKey: $k) { replayed invoice { documentId number status total credits } paymentMethods { method displayName } } }`;
    const first = await as(app, H.jwt).graphql(buy, { p: pkg.documentId, k: key });
    expect(first.body.errors).toBeUndefined();
    const result = first.body.data.purchaseCreditPackage;
    expect(result).toMatchObject({ replayed: false, invoice: { status: 'pending', credits: pkg.credits } });
    expect(result.paymentMethods.map((m: any) => m.method)).toContain('bank_transfer');
    const again = await as(app, H.jwt).graphql(buy, { p: pkg.documentId, k: key });
    expect(again.body.data.purchaseCreditPackage).toMatchObject({ replayed: true, invoice: { number: result.invoice.number } });

    const submit = `mutation($i: ID!, $k: String!, $m: String!) { submitPayment(invoiceId: $i, method: $m, reference: "GQL-TRX-1", idempotencyKey: $k) { replayed payment { documentId status method } } }`;
    const bad = await as(app, H.jwt).graphql(submit, { i: result.invoice.documentId, k: randomUUID(), m: 'cheque' });
    expect(bad.body.errors[0].message).toContain('method');
    const paid = await as(app, H.jwt).graphql(submit, { i: result.invoice.documentId, k: randomUUID(), m: 'bank_transfer' });
    expect(paid.body.errors).toBeUndefined();
    expect(paid.body.data.submitPayment.payment).toMatchObject({ status: 'pending_approval', method: 'bank_transfer' });

    const row = (await desk(billingAdmin).list()).body.data.find((p: any) => p.documentId === paid.body.data.submitPayment.payment.documentId);
    const before = await ledger().balance(H.accountId);
    expect((await desk(billingAdmin).approve(row.id)).status).toBe(200);
    expect((await ledger().balance(H.accountId)).bonus).toBe(before.bonus + pkg.credits);
  });

  it('refuses checkout mutations without a signed-in member', async () => {
    const res = await app.request().post('/graphql').send({ query: 'mutation { requestPlan(plan: "starter", idempotencyKey: "anon-key-123") { replayed } }' });
    expect(res.body.data?.requestPlan ?? null).toBeNull();
    expect(res.body.errors[0].message).toMatch(/Forbidden|Unauthorized/i);
  });
});
