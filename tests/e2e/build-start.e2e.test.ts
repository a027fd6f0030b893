/**
 * `npm run build` then `npm start` (scripts/start.js) on a fresh database: every plugin's routes are
 * registered, the first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD, and in Chromium the staff plugin's
 * admin page (content by group) and the billing plugin's approval desk render from the production
 * admin bundle. Building takes minutes, so every browser scenario runs on this one build and process
 * (scenarios live in ./scenarios and are mounted here).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { adminLogin, anonymousPluginRoutes, http, launch, ROOT, waitForHealth, type Launched } from '../helpers/processes';
import { startSmtp } from '../helpers/smtp';
import { aiRunsScenario } from './scenarios/ai-runs';
import { approvalDeskScenario } from './scenarios/approval-desk';
import { bulkListViewScenario } from './scenarios/bulk-list-view';
import { dismissGuidedTour } from './scenarios/staff';
import { importExportScenario } from './scenarios/import-export';
import { publishingPageScenario } from './scenarios/publishing-page';

const ADMIN = { email: 'e2e-admin@igny8.test', password: 'E2e-Admin-pass-2026' };
const GROUP_LABELS = ['Billing & Accounts', 'Sites & Users', 'Content Management', 'Planning & Strategy', 'Reference Data', 'Other'];

describe('build + start', () => {
  let app: Launched | undefined;
  let browser: Promise<Browser> | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
  let superToken: Promise<string> | undefined;
  /** One API login for the Super Admin, shared: admin logins are rate-limited per email (5 in 5 minutes). */
  const superAdminToken = () => (superToken ??= adminLogin(app!, ADMIN.email, ADMIN.password));
  /** One Chromium for every scenario in this file, launched on first use. */
  const openBrowser = () =>
    (browser ??= chromium.launch({
      executablePath: process.env.CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    }));

  beforeAll(async () => {
    // Customer emails (billing) go to a real SMTP server on a free port.
    smtp = await startSmtp();
    // E2E_SKIP_BUILD=true reuses the last `npm run build` (for iterating on this file locally).
    const build = process.env.E2E_SKIP_BUILD === 'true' ? { status: 0, signal: null, stdout: '', stderr: '' } : spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js')], { cwd: ROOT, encoding: 'utf8', timeout: 300000, env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new Error(`npm run build failed (${build.status ?? build.signal}):\n${build.stdout}\n${build.stderr}`);
    // Workers in process: the publishing page scenario needs publish jobs to run (and fail).
    app = await launch({ script: 'start.js', env: { NODE_ENV: 'production', RUN_WORKERS_IN_PROCESS: 'true', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) } });
    // A fresh database's first boot syncs every plugin's admin permissions (about 700 rows) and takes
    // minutes on a loaded shared machine.
    await waitForHealth(app, 300000);
  }, 660000);

  afterAll(async () => {
    await (await browser?.catch(() => undefined))?.close().catch(() => undefined);
    await app?.stop();
    await smtp?.close();
  }, 30000);

  it('answers every plugin route as registered (401/403, not 404)', async () => {
    for (const [method, url] of anonymousPluginRoutes) {
      const res = await http(app!, method, url);
      expect([method, url, [401, 403].includes(res.status)]).toEqual([method, url, true]);
    }
    expect((await http(app!, 'GET', '/api/tenancy/no-such-route')).status).toBe(404);
  });

  it('creates the first admin from the environment; its token opens the plugin admin routes', async () => {
    const token = await superAdminToken();
    const queue = await http(app!, 'GET', '/queue/status', { token });
    expect(queue.status).toBe(200);
    expect(['up', 'down']).toContain(queue.body.redis.status);
    const nav = await http(app!, 'GET', '/staff/navigation', { token });
    expect(nav.status).toBe(200);
    expect(nav.body.data.groups.map((g: any) => g.label)).toEqual(expect.arrayContaining(GROUP_LABELS));
  });

  it('renders "Content by group" in the admin panel, with counts and links into the Content Manager', async () => {
    const page = await (await openBrowser()).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    await page.goto(`${app!.baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();

    // The main-menu link registered by the staff plugin's admin side.
    const menuLink = page.locator('nav a[href$="/plugins/staff"]');
    await menuLink.waitFor({ timeout: 60000 });
    await menuLink.click();
    await page.getByRole('heading', { name: 'Content by group', level: 1 }).waitFor({ timeout: 30000 });

    for (const label of GROUP_LABELS) await expect(page.getByRole('heading', { name: label, level: 2 }).count()).resolves.toBe(1);

    // Counts on the page are the API's counts.
    const token = await superAdminToken();
    const nav = await http(app!, 'GET', '/staff/navigation', { token });
    const plans = nav.body.data.groups.flatMap((g: any) => g.contentTypes).find((ct: any) => ct.uid === 'api::plan.plan');
    const planRow = page.locator('[data-testid="admin-group-billing-accounts"] tr', { has: page.locator('a[data-uid="api::plan.plan"]') });
    await expect(planRow.locator('td').nth(1).innerText()).resolves.toBe(String(plans.count));

    const keyword = page.locator('a[data-uid="api::keyword.keyword"]');
    await expect(keyword.getAttribute('href')).resolves.toBe('/admin/content-manager/collection-types/api::keyword.keyword');
    await keyword.click();
    await page.waitForURL('**/admin/content-manager/collection-types/api::keyword.keyword**', { timeout: 30000 });
    // The Content Manager's list view of that type (its header is the type's display name).
    await page.getByRole('heading', { name: /^Keywords?$/, level: 1 }).waitFor({ timeout: 30000 });

    expect(pageErrors).toEqual([]);
  }, 120000);

  describe('payment approval desk (billing admin)', approvalDeskScenario({ app: () => app!, smtp: () => smtp!, browser: openBrowser, superAdmin: ADMIN }));
  describe('AI runs page (ai plugin)', aiRunsScenario({ app: () => app!, browser: openBrowser, superAdmin: ADMIN }));
  describe('publishing page (content manager)', publishingPageScenario({ app: () => app!, browser: openBrowser, superAdminToken }));
  describe('bulk actions in the list view (bulk-actions)', bulkListViewScenario({ app: () => app!, browser: openBrowser, superAdminToken }));
  describe('export and import (import-export)', importExportScenario({ app: () => app!, browser: openBrowser, superAdminToken }));
  it('shows the monitoring widgets on the admin homepage with live figures, and the Monitoring page', async () => {
    const page = await (await openBrowser()).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Its Content Manager tour would cover the accounts list this test clicks in.
    await dismissGuidedTour(page);
    await page.goto(`${app!.baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30000 });
    await page.goto(`${app!.baseUrl}/admin`);

    // Each widget body appears once its data route answered.
    for (const name of ['accounts', 'content', 'billing', 'health', 'queues']) {
      await page.locator(`[data-testid="monitoring-widget-${name}"]`).waitFor({ timeout: 30000 });
    }
    await expect(page.locator('[data-testid="health-database"]').innerText()).resolves.toMatch(/PostgreSQL \d+/);
    await expect(page.locator('[data-testid="accounts-total"]').innerText()).resolves.toMatch(/\d/);
    await expect(page.locator('[data-testid="billing-pending"]').innerText()).resolves.toMatch(/\d/);

    await page.locator('nav a[href$="/plugins/monitoring"]').click();
    await page.getByRole('heading', { name: 'Monitoring', level: 1 }).waitFor({ timeout: 30000 });
    await page.locator('[data-testid="monitoring-health"] >> text=PostgreSQL').first().waitFor({ timeout: 30000 });
    await page.locator('[data-testid="monitoring-debug"] pre >> text=/redacted/').first().waitFor({ timeout: 30000 });

    // The critical endpoints, checked from the page.
    await page.locator('[data-testid="monitoring-endpoints"] button', { hasText: 'Check now' }).click();
    await page.locator('[data-testid="monitoring-endpoints"]').getByText('GET /api/monitoring/health', { exact: true }).waitFor({ timeout: 30000 });

    // The job list beside bull-board.
    await page.locator('[data-testid="monitoring-queue-console"] >> text=Find jobs').click();
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor({ timeout: 30000 });
    await page.locator('[data-testid="jobs-list"] >> text=/\\d+ matching/').waitFor({ timeout: 30000 });

    // Reports: charts (recharts renders SVG) and figures on each tab.
    await page.locator('nav a[href$="/plugins/monitoring-reports"]').click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor({ timeout: 30000 });
    await page.locator('[data-testid="report-revenue"] .recharts-surface').first().waitFor({ timeout: 30000 });
    await page.locator('[data-testid="report-tab-credits"]').click();
    await expect(page.locator('[data-testid="credits-billed"]').innerText()).resolves.toMatch(/Credits billed: \d/);
    await page.locator('[data-testid="report-tab-content"]').click();
    await page.locator('[data-testid="report-content"] .recharts-surface').first().waitFor({ timeout: 30000 });
    await page.locator('[data-testid="report-tab-data-quality"]').click();
    // The bar chart's axis and the table both name each check: the table row is the one with the count.
    await page.locator('[data-testid="report-data-quality"] table >> text=Tasks without a cluster').waitFor({ timeout: 30000 });
    const download = page.waitForEvent('download');
    await page.locator('[data-testid="report-csv-data-quality"]').click();
    expect((await download).suggestedFilename()).toMatch(/^data-quality-\d{4}-\d{2}-\d{2}\.csv$/);

    // Account health: a column in the accounts list and a panel in the account view.
    await page.goto(`${app!.baseUrl}/admin/content-manager/collection-types/api::account.account`);
    const badge = page.locator('[data-testid^="account-health-"]').first();
    await badge.waitFor({ timeout: 30000 });
    await expect(badge.innerText()).resolves.toMatch(/^\d+ (good|at risk|critical)$/i);
    await badge.click(); // the row opens the account
    await page.locator('[data-testid="account-health-panel"]').waitFor({ timeout: 30000 });
    expect(pageErrors).toEqual([]);
  }, 180000);
});
