/**
 * The bulk-actions plugin in the Content Manager list view, on the app build-start.e2e.test.ts built and
 * started. A filtered list shows one page of 10 of the 12 matching keywords; a Content Manager (staff
 * role, registered through the admin API) selects the page,
 * open "Bulk actions…", choose "all rows matching the current filters" (resolved on the server from
 * the URL's filters, not from the 10 ids on the page), fill a form action (mark as archived) with a
 * reason, check the dry run, run it and see the result. The database side is checked over HTTP: all 12
 * changed, the 3 keywords outside the filter did not, and the audit trail holds the run with its reason.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { http, type Launched } from '../../helpers/processes';
import { registerStaff, signIn } from './staff';

export interface BulkListContext {
  app: () => Launched;
  browser: () => Promise<Browser>;
  /** The suite's one Super Admin API login (admin logins are rate-limited per email). */
  superAdminToken: () => Promise<string>;
}

/**
 * Waits for `locator` while asking the page for frames. The Content Manager publishes its bulk action
 * buttons (Strapi's own Delete as well as ours) from a `requestIdleCallback`, and headless Chromium runs
 * idle callbacks only after it draws a frame, which a quiet page never asks for: without a frame the
 * buttons stay unrendered however long the test waits.
 */
export const waitWhileDrawing = async (page: Page, locator: Locator, timeoutMs = 30000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await locator.isVisible())) {
    if (Date.now() > deadline) throw new Error(`not shown after ${timeoutMs} ms: ${locator}`);
    // (page code: the tests' tsconfig has no DOM types)
    await page.evaluate(() => new Promise((resolve) => (globalThis as any).requestAnimationFrame(() => setTimeout(resolve, 50))));
  }
};

const KEYWORD = 'api::keyword.keyword';

export const bulkListViewScenario = (ctx: BulkListContext) => () => {
  const tag = `e2ebulk${randomUUID().slice(0, 8)}`;
  const reason = `Season over (${tag})`;
  const staff = { email: `e2e-bulk-${tag}@igny8.test`, password: 'E2e-Bulk-pass-2026', firstname: 'Bea', lastname: 'Bulk' };
  const accountName = `Bulk ${tag}`;
  let token: string;
  let page: Page;
  const pageErrors: string[] = [];

  let tenantJwt: string;
  // A tenant's keywords, created over REST as its client would (they belong to its account); new
  // keywords are `pending`, the schema default.
  const create = async (keyword: string) => {
    const res = await http(ctx.app(), 'POST', '/api/keywords', { token: tenantJwt, body: { data: { keyword } } });
    expect([res.status, res.body?.error?.message]).toEqual([201, undefined]);
  };
  // Read back over the tenant's REST API: the Content Manager's list answer reuses `status` for the
  // document's Draft & Publish state, which hides this type's own `status` field.
  const statuses = async (contains: string) => {
    const query = new URLSearchParams({ 'pagination[pageSize]': '100', 'filters[keyword][$contains]': contains });
    const res = await http(ctx.app(), 'GET', `/api/keywords?${query.toString()}`, { token: tenantJwt });
    expect(res.status).toBe(200);
    return (res.body.data as Array<{ keyword: string; status: string }>).map((r) => r.status);
  };

  /** The filtered list (12 matching, 10 on the page), the page selected, and the plugin's dialog open. */
  const openBulkActions = async () => {
    const filter = new URLSearchParams({ page: '1', pageSize: '10', sort: 'keyword:ASC', 'filters[$and][0][keyword][$contains]': tag });
    await page.goto(`${ctx.app().baseUrl}/admin/content-manager/collection-types/${KEYWORD}?${filter.toString()}`);
    await page.getByRole('heading', { name: /^Keywords?$/, level: 1 }).waitFor({ timeout: 30000 });
    await page.getByRole('checkbox', { name: /select all entries/i }).waitFor({ timeout: 30000 });

    // Select the page (10 rows); the plugin's bulk action appears in the list view's bulk bar.
    await page.getByRole('checkbox', { name: /select all entries/i }).click();
    await waitWhileDrawing(page, page.getByRole('button', { name: 'Bulk actions…' }));
    await page.getByRole('button', { name: 'Bulk actions…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bulk actions' });
    await dialog.waitFor({ timeout: 30000 });
    return dialog;
  };

  beforeAll(async () => {
    token = await ctx.superAdminToken();
    const username = `bulk_${randomUUID().slice(0, 8)}`;
    const signup = await http(ctx.app(), 'POST', '/api/auth/local/register', { body: { username, email: `${username}@example.test`, password: 'Secret-pass-123', accountName } });
    expect(signup.status).toBe(200);
    tenantJwt = signup.body.jwt;
    for (let i = 1; i <= 12; i++) await create(`${tag} match ${i}`);
    for (let i = 1; i <= 3; i++) await create(`other ${tag.slice(0, 4)}${i} ${randomUUID().slice(0, 6)}`);

    // A Content Manager (the staff role that may bulk-edit keywords).
    await registerStaff(ctx.app(), token, 'igny8-content-manager', staff);
    page = await signIn(await ctx.browser(), ctx.app(), staff, pageErrors);
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30000 });
  }, 120000);

  afterAll(async () => {
    await page?.context().close().catch(() => undefined);
  });

  it('selects all 12 matching the filter, fills a form action with a reason, confirms and sees the result', async () => {
    await expect(statuses(`${tag} match`)).resolves.toEqual(Array(12).fill('pending'));
    const dialog = await openBulkActions();

    await dialog.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'Mark as (status)' }).click();
    await dialog.getByRole('radio', { name: /All rows matching the current filters/ }).click();
    await dialog.getByRole('combobox', { name: 'status' }).click();
    await page.getByRole('option', { name: 'archived' }).click();
    await dialog.getByRole('textbox', { name: /Reason/ }).fill(reason);

    await dialog.getByRole('button', { name: 'Check what will change' }).click();
    const dry = dialog.locator('[data-testid="bulk-dry-run"]');
    await dry.waitFor({ timeout: 30000 });
    await expect(dry.innerText()).resolves.toContain('12 records match; 12 will change');

    await dialog.getByRole('button', { name: 'Run on 12 records' }).click();
    const result = dialog.locator('[data-testid="bulk-run"]');
    await result.waitFor({ timeout: 30000 });
    await dialog.locator('[data-testid="bulk-run"] >> text=/completed\\. 12 of 12 processed, 12 changed, 0 failed/').waitFor({ timeout: 30000 });

    // All 12 matching changed (not only the 10 on the page); the 3 others did not.
    await expect(statuses(`${tag} match`)).resolves.toEqual(Array(12).fill('archived'));
    await expect(statuses(`other ${tag.slice(0, 4)}`)).resolves.toEqual(Array(3).fill('pending'));

    // The run is in the audit trail with who and why.
    const audit = await http(ctx.app(), 'GET', `/audit/entries?source=bulk&action=bulk:set-status`, { token });
    expect(audit.status).toBe(200);
    expect(audit.body.data.find((e: any) => e.reason === reason)).toMatchObject({ contentType: KEYWORD, actorEmail: staff.email, details: { changed: 12, failed: 0 } });
    expect(pageErrors).toEqual([]);
  }, 180000);

  it('shows what an AI action would cost each account against its balance before anything runs', async () => {
    const dialog = await openBulkActions();
    await dialog.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: 'AI: cluster keywords' }).click();
    await dialog.getByRole('radio', { name: /All rows matching the current filters/ }).click();
    await dialog.getByRole('button', { name: 'Check what will change' }).click();
    const estimate = dialog.locator('[data-testid="bulk-credit-estimate"]');
    await estimate.waitFor({ timeout: 30000 });
    // One row: the tenant's account by name, its 12 keywords without a cluster, and whether it can pay.
    const row = estimate.locator('tbody tr');
    await expect(row.count()).resolves.toBe(1);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe(accountName);
    expect(cells[1]).toBe('12');
    expect(Number(cells[2].replace(/\D/g, ''))).toBeGreaterThan(0);
    await expect(dialog.locator('[data-testid="bulk-dry-run"]').innerText()).resolves.toMatch(/Costs \d+ credits \(clustering\) across 1 account\./);
    // Checked, not run: no AI run was started for the account.
    const runs = await http(ctx.app(), 'GET', '/api/ai/runs', { token: tenantJwt });
    expect([runs.status, runs.body.data.length]).toEqual([200, 0]);
    expect(pageErrors).toEqual([]);
  }, 180000);
};
