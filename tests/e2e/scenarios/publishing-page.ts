/**
 * The publishing plugin's staff page in the admin panel, on the app build-start.e2e.test.ts built and
 * started (with workers in process). A tenant connects a site whose address resolves to loopback: the
 * doctor's report says so and publishing to it fails permanently. A Content Manager then, in Chromium,
 * sees the doctor's failed check with its fix, retries the failed record and cancels a scheduled one
 * from the records tab; the outcomes are checked over the tenant API.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { freePort, http, type Launched } from '../../helpers/processes';
import { registerStaff, signIn } from './staff';

export interface PublishingPageContext {
  app: () => Launched;
  browser: () => Promise<Browser>;
  /** The Super Admin's API token, shared with the other scenarios (admin logins are rate-limited). */
  superAdminToken: () => Promise<string>;
}

const rand = () => randomUUID().slice(0, 8);

export const publishingPageScenario = (ctx: PublishingPageContext) => () => {
  const manager = { email: `e2e-publishing-${rand()}@igny8.test`, password: 'E2e-Publish-pass-2026', firstname: 'Cora', lastname: 'Content' };
  const tenant = { jwt: '', accountId: 0 };
  let page: Page;
  let integrationId: string;
  let failedId: number;
  let pendingId: number;
  const pageErrors: string[] = [];

  const api = (method: string, url: string, body?: unknown) => http(ctx.app(), method, url, { token: tenant.jwt, body });
  const waitFor = async <T>(fn: () => Promise<T | undefined | null | false>, ms = 30000): Promise<T> => {
    const until = Date.now() + ms;
    for (;;) {
      const v = await fn();
      if (v) return v;
      if (Date.now() > until) throw new Error('timed out waiting');
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    // The tenant side, over the REST API.
    const username = `pub_${rand()}`;
    const signup = await http(ctx.app(), 'POST', '/api/auth/local/register', { body: { username, email: `${username}@example.test`, password: 'Secret-pass-123' } });
    expect(signup.status).toBe(200);
    tenant.jwt = signup.body.jwt;
    tenant.accountId = (await api('GET', '/api/tenancy/account')).body.data.id;
    const site = await api('POST', '/api/sites', { data: { name: 'Loopback blog', domain: 'loopback.example.com' } });
    expect(site.status).toBe(201);
    const connected = await api('POST', '/api/publishing/integrations', { site: site.body.data.documentId, baseUrl: `https://localhost:${await freePort()}`, username: 'editor', applicationPassword: 'abcd efgh ijkl mnop qrst uvwx' });
    expect(connected.status).toBe(201);
    expect(connected.body.data.report.checks[0]).toMatchObject({ id: 'address', status: 'failed' });
    integrationId = connected.body.data.integration.documentId;
    const content = async (title: string) => (await api('POST', '/api/contents', { data: { title, site: site.body.data.documentId, html: `<p>${title}</p>` } })).body.data.documentId as string;
    const now = await api('POST', `/api/publishing/contents/${await content('Fails at once')}/publish`, {});
    expect(now.status).toBe(202);
    failedId = now.body.data.id;
    const later = await api('POST', `/api/publishing/contents/${await content('Scheduled')}/publish`, { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
    pendingId = later.body.data.id;
    await waitFor(async () => (await api('GET', '/api/publishing/records?status=failed')).body.data.some((r: { id: number }) => r.id === failedId));

    // A Content Manager, created and registered through the admin API as the Super Admin would.
    const superToken = await ctx.superAdminToken();
    await registerStaff(ctx.app(), superToken, 'igny8-content-manager', manager);
    page = await signIn(await ctx.browser(), ctx.app(), manager, pageErrors);
    const menuLink = page.locator('nav a[href$="/plugins/publishing"]');
    await menuLink.waitFor({ timeout: 60000 });
    await menuLink.click();
    await page.getByRole('heading', { name: 'Publishing', level: 1 }).waitFor({ timeout: 30000 });
  }, 180000);

  afterAll(async () => {
    await page?.context().close().catch(() => undefined);
  });

  it('retries a failed record and cancels a pending one, in bulk, filtered by account', async () => {
    await page.locator('#publishing-records-account').fill(String(tenant.accountId));
    const failedRow = page.locator(`[data-testid="record-row-${failedId}"]`);
    await failedRow.waitFor({ timeout: 30000 });
    await expect(failedRow.getAttribute('data-status')).resolves.toBe('failed');
    await expect(failedRow.innerText()).resolves.toMatch(/address|resolves/i);
    await page.getByRole('checkbox', { name: `Select record ${failedId}` }).click();
    await page.getByRole('button', { name: 'Retry failed (1)' }).click();
    await page.locator('[data-testid="records-outcome"]', { hasText: 'Retried 1 of 1' }).waitFor({ timeout: 30000 });
    // The retry ran: a second attempt is in the content's history.
    const status = await waitFor(async () => {
      const records = (await api('GET', '/api/publishing/records')).body.data as Array<{ id: number; status: string; contentDocumentId: string }>;
      const record = records.find((r) => r.id === failedId)!;
      const s = (await api('GET', `/api/publishing/contents/${record.contentDocumentId}/status`)).body.data;
      return s.events.filter((e: { action: string }) => e.action === 'publish').length >= 2 && s.records[0].status !== 'pending' ? s : null;
    });
    expect(status.records[0]).toMatchObject({ id: failedId, status: 'failed' });

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Pending' }).click();
    const pendingRow = page.locator(`[data-testid="record-row-${pendingId}"]`);
    await pendingRow.waitFor({ timeout: 30000 });
    await page.getByRole('checkbox', { name: `Select record ${pendingId}` }).click();
    await page.getByRole('button', { name: 'Cancel pending (1)' }).click();
    await page.locator('[data-testid="records-outcome"]', { hasText: 'Cancelled 1 of 1' }).waitFor({ timeout: 30000 });
    const cancelled = (await api('GET', '/api/publishing/records?status=cancelled')).body.data;
    expect(cancelled.map((r: { id: number }) => r.id)).toEqual([pendingId]);
  }, 120000);

  it("shows the account's site integration with the doctor's failed check and its fix", async () => {
    await page.getByRole('tab', { name: 'Site integrations' }).click();
    await page.locator('#publishing-integrations-account').fill(String(tenant.accountId));
    const row = page.locator(`[data-testid="integration-row-${integrationId}"]`);
    await row.waitFor({ timeout: 30000 });
    await expect(row.locator('[data-testid="integration-status"]').innerText()).resolves.toMatch(/error/i);
    const address = row.locator('[data-testid="doctor-address"]');
    await expect(address.getAttribute('data-status')).resolves.toBe('failed');
    await expect(address.innerText()).resolves.toContain('Fix:');
    await expect(row.locator('[data-testid="doctor-rest"]').getAttribute('data-status')).resolves.toBe('skipped');
    const checkedAt = (await api('GET', '/api/publishing/integrations')).body.data[0].lastCheckedAt;
    await row.getByRole('button', { name: 'Test connection' }).click();
    await waitFor(async () => (await api('GET', '/api/publishing/integrations')).body.data[0].lastCheckedAt !== checkedAt);
    expect(pageErrors).toEqual([]);
  }, 120000);

  it("connects a site for the account from the page, shows the doctor's report, and publishes a content from the page", async () => {
    // Another account (a plan's site limit keeps the first tenant at one site), signed up over the REST API.
    const username = `pub_${rand()}`;
    const signup = await http(ctx.app(), 'POST', '/api/auth/local/register', { body: { username, email: `${username}@example.test`, password: 'Secret-pass-123' } });
    expect(signup.status).toBe(200);
    const other = (method: string, url: string, body?: unknown) => http(ctx.app(), method, url, { token: signup.body.jwt, body });
    const accountId = (await other('GET', '/api/tenancy/account')).body.data.id;
    const site = await other('POST', '/api/sites', { data: { name: 'Staff-connected blog', domain: 'staff.example.com' } });
    expect(site.status).toBe(201);
    const form = page.locator('[data-testid="connect-site-form"]');
    await form.locator('#publishing-accountId').fill(String(accountId));
    await form.locator('#publishing-site').fill(site.body.data.documentId);
    await form.locator('#publishing-baseUrl').fill(`https://localhost:${await freePort()}`);
    await form.locator('#publishing-username').fill('editor');
    await form.locator('#publishing-applicationPassword').fill('abcd efgh ijkl mnop qrst uvwx');
    await form.getByRole('button', { name: 'Connect and test' }).click();
    const report = page.locator('[data-testid="connect-report"]');
    await report.waitFor({ timeout: 30000 });
    await expect(report.getAttribute('data-ok')).resolves.toBe('false');
    await expect(report.locator('[data-testid="doctor-address"]').getAttribute('data-status')).resolves.toBe('failed');
    // The password left the form, and the integration is the account's (seen over the tenant API).
    await expect(form.locator('#publishing-applicationPassword').inputValue()).resolves.toBe('');
    const mine = (await other('GET', '/api/publishing/integrations')).body.data as Array<{ site: { documentId: string } | null; applicationPassword: { configured: boolean } }>;
    expect(mine.find((i) => i.site?.documentId === site.body.data.documentId)?.applicationPassword.configured).toBe(true);

    const content = (await other('POST', '/api/contents', { data: { title: 'Published by staff', site: site.body.data.documentId, html: '<p>Staff</p>' } })).body.data.documentId as string;
    await page.getByRole('tab', { name: 'Publishing records' }).click();
    const publish = page.locator('[data-testid="publish-content-form"]');
    await publish.locator('#publishing-contentDocumentId').fill(content);
    await publish.getByRole('button', { name: 'Publish', exact: true }).click();
    const outcome = page.locator('[data-testid="publish-outcome"]');
    await outcome.waitFor({ timeout: 30000 });
    await expect(outcome.innerText()).resolves.toMatch(/Requested: record #\d+, publish/);
    const status = (await other('GET', `/api/publishing/contents/${content}/status`)).body.data;
    expect(status.records[0]).toMatchObject({ action: 'publish', requestedBy: expect.stringMatching(/^admin:/) });
    expect(pageErrors).toEqual([]);
  }, 120000);
};
