/**
 * The billing plugin's approval desk in the admin panel, on an app another e2e file already built and
 * started (the desk needs the production admin bundle; building it twice would double the e2e time).
 * A tenant buys credit packages and reports bank transfers over the REST API; a Billing Administrator
 * approves, rejects and bulk-approves them in Chromium; the credits and emails are checked over HTTP
 * and SMTP. Also a staff credit adjustment from the desk's second tab.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { startSmtp } from '../../helpers/smtp';
import { adminLogin, http, type Launched } from '../../helpers/processes';
import { registerStaff, signIn } from './staff';

export interface DeskContext {
  app: () => Launched;
  smtp: () => Awaited<ReturnType<typeof startSmtp>>;
  browser: () => Promise<Browser>;
  /** The first admin (Super Admin) from ADMIN_EMAIL/ADMIN_PASSWORD. */
  superAdmin: { email: string; password: string };
}

interface Balance {
  plan: number;
  bonus: number;
  held: number;
  available: number;
}

interface Tenant {
  jwt: string;
  email: string;
}

const rand = () => randomUUID().slice(0, 8);

export const approvalDeskScenario = (ctx: DeskContext) => () => {
  const billingAdmin = { email: `e2e-billing-${rand()}@igny8.test`, password: 'E2e-Billing-pass-2026', firstname: 'Bea', lastname: 'Billing' };
  let page: Page;
  let staffToken: string;
  const pageErrors: string[] = [];

  const signUp = async (): Promise<Tenant> => {
    const username = `desk_${rand()}`;
    const email = `${username}@example.test`;
    const res = await http(ctx.app(), 'POST', '/api/auth/local/register', { body: { username, email, password: 'Secret-pass-123' } });
    expect(res.status).toBe(200);
    return { jwt: res.body.jwt, email };
  };
  const keyed = (tenant: Tenant, url: string, body: unknown) => http(ctx.app(), 'POST', url, { token: tenant.jwt, body, headers: { 'Idempotency-Key': randomUUID() } });
  const balance = async (tenant: Tenant) => {
    const res = await http(ctx.app(), 'GET', '/api/credits/balance', { token: tenant.jwt });
    expect(res.status).toBe(200);
    return res.body.data as Balance;
  };
  /** The balance after `credits` more bonus credits (available = plan + bonus - held). */
  const plusBonus = (b: Balance, credits: number): Balance => ({ ...b, bonus: b.bonus + credits, available: b.available + credits });
  /** Buys the first package and reports a bank transfer for it, as the tenant's client would. */
  const buyAndPay = async (tenant: Tenant, extra: { proofUrl?: string } = {}) => {
    const packages = await http(ctx.app(), 'GET', '/api/billing/packages', { token: tenant.jwt });
    expect(packages.status).toBe(200);
    const pkg = packages.body.data[0] as { documentId: string; credits: number };
    const bought = await keyed(tenant, `/api/billing/packages/${pkg.documentId}/purchase`, { quantity: 1 });
    expect(bought.status).toBe(201);
    const invoice = bought.body.data.invoice as { documentId: string; number: string };
    const reference = `E2E-${rand()}`;
    const paid = await keyed(tenant, `/api/billing/invoices/${invoice.documentId}/payments`, { method: 'bank_transfer', reference, ...extra });
    expect(paid.status).toBe(201);
    return { pkg, invoice, reference, payment: paid.body.data as { id: number; status: string } };
  };
  const row = (paymentId: number) => page.locator(`[data-testid="payment-row-${paymentId}"]`);
  const openDesk = async () => {
    await page.goto(`${ctx.app().baseUrl}/admin/plugins/billing`);
    await page.getByRole('heading', { name: 'Payment approvals', level: 1 }).waitFor({ timeout: 30000 });
  };

  beforeAll(async () => {
    // A Billing Administrator, created and registered through the admin API as the Super Admin would.
    const superToken = await adminLogin(ctx.app(), ctx.superAdmin.email, ctx.superAdmin.password);
    await registerStaff(ctx.app(), superToken, 'igny8-billing-admin', billingAdmin);
    staffToken = await adminLogin(ctx.app(), billingAdmin.email, billingAdmin.password);
    page = await signIn(await ctx.browser(), ctx.app(), billingAdmin, pageErrors);
    const menuLink = page.locator('nav a[href$="/plugins/billing"]');
    await menuLink.waitFor({ timeout: 60000 });
    await menuLink.click();
    await page.getByRole('heading', { name: 'Payment approvals', level: 1 }).waitFor({ timeout: 30000 });
  }, 120000);

  afterAll(async () => {
    await page?.context().close().catch(() => undefined);
  });

  it('approves a bank transfer from the desk: the bonus credits arrive exactly once and the customer is emailed', async () => {
    const tenant = await signUp();
    const before = await balance(tenant);
    const proofUrl = `https://proofs.example.test/${rand()}.png`;
    const { pkg, invoice, reference, payment } = await buyAndPay(tenant, { proofUrl });
    expect(payment.status).toBe('pending_approval');

    await openDesk();
    const r = row(payment.id);
    await r.waitFor({ timeout: 30000 });
    await expect(r.innerText()).resolves.toEqual(expect.stringContaining(invoice.number));
    await expect(r.innerText()).resolves.toEqual(expect.stringContaining(reference));
    await expect(r.innerText()).resolves.toEqual(expect.stringContaining('Bank transfer'));
    const proof = r.locator('a[data-testid="proof-link"]');
    await expect(proof.getAttribute('href')).resolves.toBe(proofUrl);
    await expect(proof.getAttribute('target')).resolves.toBe('_blank');
    await expect(proof.getAttribute('rel')).resolves.toBe('noopener noreferrer');

    await r.getByRole('button', { name: 'Approve' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea[name="notes"]').fill('Seen on the bank statement');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await page.locator(`[data-testid="decision-result-${payment.id}"]`, { hasText: 'Approved' }).waitFor({ timeout: 30000 });
    await r.waitFor({ state: 'detached', timeout: 30000 });

    const after = await balance(tenant);
    expect(after).toEqual(plusBonus(before, pkg.credits));
    // Approving again (a second click elsewhere) changes nothing.
    const again = await http(ctx.app(), 'POST', `/billing/payments/${payment.id}/approve`, { token: staffToken, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ paymentId: payment.id, status: 'succeeded', changed: false });
    expect(await balance(tenant)).toEqual(after);
    const rows = await http(ctx.app(), 'GET', '/api/credits/transactions', { token: tenant.jwt });
    expect(rows.body.data.filter((t: { type: string }) => t.type === 'purchase')).toEqual([expect.objectContaining({ pool: 'bonus', amount: pkg.credits })]);

    const mail = await ctx.smtp().waitFor((m) => m.to.includes(tenant.email) && m.subject.includes(invoice.number), 15000);
    expect(mail.subject).toBe(`Payment received: invoice ${invoice.number}`);
    expect(ctx.smtp().received.filter((m) => m.subject.includes(invoice.number))).toHaveLength(1);
  }, 120000);

  it('rejects a payment through the dialog, which requires a reason; nothing is granted', async () => {
    const tenant = await signUp();
    const before = await balance(tenant);
    const { invoice, payment } = await buyAndPay(tenant);
    const reason = 'No transfer with this reference arrived';

    await openDesk();
    const r = row(payment.id);
    await r.waitFor({ timeout: 30000 });
    await r.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Reject' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.locator('textarea[name="reason"]').fill(reason);
    await expect(confirm.isEnabled()).resolves.toBe(true);
    await confirm.click();
    await page.locator(`[data-testid="decision-result-${payment.id}"]`, { hasText: 'Rejected' }).waitFor({ timeout: 30000 });
    await r.waitFor({ state: 'detached', timeout: 30000 });

    expect(await balance(tenant)).toEqual(before);
    const failed = await http(ctx.app(), 'GET', '/billing/payments?status=failed&pageSize=100', { token: staffToken });
    expect(failed.body.data.find((p: { id: number }) => p.id === payment.id)).toMatchObject({ status: 'failed', failureReason: reason });
    const mail = await ctx.smtp().waitFor((m) => m.to.includes(tenant.email) && m.subject === `Payment not approved: invoice ${invoice.number}`, 15000);
    expect(mail.text).toContain(reason);
  }, 120000);

  it('approves several selected payments at once, with a result per payment', async () => {
    const tenant = await signUp();
    const before = await balance(tenant);
    const first = await buyAndPay(tenant);
    const second = await buyAndPay(tenant);

    await openDesk();
    await row(second.payment.id).waitFor({ timeout: 30000 });
    for (const { payment } of [first, second]) await page.getByRole('checkbox', { name: `Select payment ${payment.id}` }).click();
    await page.locator('[data-testid="bulk-actions"]').getByRole('button', { name: 'Approve selected' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    for (const { payment } of [first, second]) {
      await page.locator(`[data-testid="decision-result-${payment.id}"]`, { hasText: 'Approved' }).waitFor({ timeout: 30000 });
    }
    await expect(page.locator('[data-testid="decision-results"]').innerText()).resolves.toContain('2 of 2 done');
    expect(await balance(tenant)).toEqual(plusBonus(before, first.pkg.credits + second.pkg.credits));
  }, 120000);

  it('adjusts an account\'s credits from the second tab and shows the resulting balance', async () => {
    const tenant = await signUp();
    const account = await http(ctx.app(), 'GET', '/api/tenancy/account', { token: tenant.jwt });
    const accountId = account.body.data.id as number;
    expect(accountId).toBeGreaterThan(0);
    const before = await balance(tenant);

    await openDesk();
    await page.getByRole('tab', { name: 'Credit adjustments' }).click();
    const form = page.locator('[data-testid="adjustment-form"]');
    await form.locator('input[name="accountId"]').fill(String(accountId));
    await form.locator('input[name="amount"]').fill('250');
    await form.locator('textarea[name="reason"]').fill('Goodwill for the outage');
    await form.getByRole('button', { name: 'Apply adjustment' }).click();
    await form.locator('[data-testid="adjustment-balance"]').waitFor({ timeout: 30000 });
    await expect(form.locator('[data-testid="balance-bonus"]').innerText()).resolves.toBe((before.bonus + 250).toLocaleString('en-US'));
    expect(await balance(tenant)).toEqual(plusBonus(before, 250));
    const rows = await http(ctx.app(), 'GET', '/api/credits/transactions', { token: tenant.jwt });
    expect(rows.body.data.filter((t: { type: string }) => t.type === 'adjustment')).toEqual([expect.objectContaining({ pool: 'bonus', amount: 250, reason: 'Goodwill for the outage' })]);

    expect(pageErrors).toEqual([]);
  }, 120000);
};
