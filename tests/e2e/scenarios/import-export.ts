/**
 * Export and import in the admin panel, on the app build-start.e2e.test.ts built and started: a tenant
 * creates a site and keywords over REST; a Content Manager (staff role) exports the keyword list from the Content
 * Manager's "Export" button (CSV, downloaded by Chromium), edits one volume, and imports the file back
 * through the Import page (upload, mapping, preview showing the one update, confirm). The suite's app runs
 * its workers in process, so the confirmed import job runs: the keyword ends with the edited volume.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { http, type Launched } from '../../helpers/processes';
import { waitFor } from '../../helpers/wait-for';
import { registerStaff, signIn } from './staff';

export interface ImportExportContext {
  app: () => Launched;
  browser: () => Promise<Browser>;
  /** The suite's one Super Admin API login (admin logins are rate-limited per email). */
  superAdminToken: () => Promise<string>;
}

export const importExportScenario = (ctx: ImportExportContext) => () => {
  let page: Page;
  let token: string;
  const pageErrors: string[] = [];
  const tag = randomUUID().slice(0, 8);
  const keyword = `e2e boots ${tag}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'igny8-e2e-io-'));

  beforeAll(async () => {
    const username = `io_${tag}`;
    const signup = await http(ctx.app(), 'POST', '/api/auth/local/register', { body: { username, email: `${username}@example.test`, password: 'Secret-pass-123' } });
    expect(signup.status).toBe(200);
    const jwt = signup.body.jwt as string;
    const site = await http(ctx.app(), 'POST', '/api/sites', { token: jwt, body: { data: { name: 'E2E site', domain: `${tag}.example.com` } } });
    expect(site.status).toBe(201);
    const created = await http(ctx.app(), 'POST', '/api/keywords', { token: jwt, body: { data: { keyword, volume: 100, site: site.body.data.documentId } } });
    expect(created.status).toBe(201);
    token = await ctx.superAdminToken();

    // A Content Manager (import and export, Content Manager rights on keywords).
    const staff = { email: `e2e-io-${tag}@igny8.test`, password: 'E2e-Import-pass-2026', firstname: 'Ida', lastname: 'Import' };
    await registerStaff(ctx.app(), token, 'igny8-content-manager', staff);
    page = await signIn(await ctx.browser(), ctx.app(), staff, pageErrors);
    // Signed in once the main menu shows this plugin's Import link (the Content Manager role holds the import action).
    await page.locator('nav a[href$="/plugins/import-export"]').waitFor({ timeout: 60000 });
  }, 120000);

  afterAll(async () => {
    await page?.context().close().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports the filtered keyword list to CSV from the list view and imports an edited copy back', async () => {
    const filter = encodeURIComponent(keyword);
    await page.goto(`${ctx.app().baseUrl}/admin/content-manager/collection-types/api::keyword.keyword?page=1&pageSize=10&filters[$and][0][keyword][$eq]=${filter}`);
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    await exportButton.waitFor({ timeout: 30000 });
    await exportButton.click();
    const downloading = page.waitForEvent('download', { timeout: 30000 });
    await page.getByRole('button', { name: 'Download' }).click();
    const download = await downloading;
    const exported = path.join(dir, 'keywords.csv');
    await download.saveAs(exported);
    const text = fs.readFileSync(exported, 'utf8');
    const lines = text.trim().split('\n');
    // The filter was applied on the server: the header and our one keyword, its site by domain.
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(keyword);
    expect(lines[1]).toContain(`${tag}.example.com`);

    const headers = lines[0].split(',');
    const cells = lines[1].split(',');
    cells[headers.indexOf('volume')] = '250';
    const edited = path.join(dir, 'edited.csv');
    fs.writeFileSync(edited, `${lines[0]}\n${cells.join(',')}\n`);

    await page.locator('nav a[href$="/plugins/import-export"]').click();
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor({ timeout: 30000 });
    await page.getByRole('combobox').first().click();
    await page.getByRole('option', { name: /^keyword \(key/ }).click();
    await page.locator('input[type="file"]').setInputFiles(edited);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('button', { name: /^Preview/ }).click();
    await page.getByText('1 update', { exact: true }).waitFor({ timeout: 30000 });
    await page.getByText('volume: 100 → 250').waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Import 1 changes' }).click();
    // The confirmed import runs as a job (the suite's app runs its workers in process); the page follows
    // it to the end.
    await page.getByRole('heading', { name: 'Import completed', level: 2 }).waitFor({ timeout: 60000 });
    const imported = await waitFor(async () => {
      const imports = await http(ctx.app(), 'GET', '/import-export/imports?contentType=api::keyword.keyword', { token });
      expect(imports.status).toBe(200);
      const latest = imports.body.data[0]; // newest first: the one just confirmed
      return latest && ['completed', 'failed'].includes(latest.status) && latest;
    }, 60000);
    expect(imported).toMatchObject({ status: 'completed', filename: 'edited.csv', counts: { total: 1, update: 1, create: 0, skip: 0, error: 0 } });
    expect(imported.mapping).toMatchObject({ keyword: 'keyword', volume: 'volume', site: 'site' });
    const check = await http(ctx.app(), 'GET', `/content-manager/collection-types/api::keyword.keyword?filters[$and][0][keyword][$eq]=${filter}`, { token });
    expect(check.status).toBe(200);
    expect(check.body.results.map((k: any) => k.volume)).toEqual([250]);
    expect(pageErrors).toEqual([]);
  }, 180000);
};
