/**
 * The ai plugin's "AI runs" page in the admin panel, on the app build-start.e2e.test.ts built and
 * started. `npm start` runs no workers, so a tenant's run stays queued: the Super Admin finds it on the
 * page and cancels it; the API then shows it cancelled and the tenant's credits back where they were.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { http, type Launched } from '../../helpers/processes';

export interface AiRunsContext {
  app: () => Launched;
  browser: () => Promise<Browser>;
  superAdmin: { email: string; password: string };
}

export const aiRunsScenario = (ctx: AiRunsContext) => () => {
  it('lists a queued run and cancels it, releasing the credits', async () => {
    const username = `ai_${randomUUID().slice(0, 8)}`;
    const signup = await http(ctx.app(), 'POST', '/api/auth/local/register', { body: { username, email: `${username}@example.test`, password: 'Secret-pass-123' } });
    expect(signup.status).toBe(200);
    const jwt = signup.body.jwt as string;
    const before = (await http(ctx.app(), 'GET', '/api/credits/balance', { token: jwt })).body.data;
    const task = await http(ctx.app(), 'POST', '/api/tasks', { token: jwt, body: { data: { title: 'Queued in e2e', wordCountTarget: 500 } } });
    expect(task.status).toBe(201);
    const started = await http(ctx.app(), 'POST', '/api/ai/runs', { token: jwt, body: { function: 'generate_content', recordIds: [task.body.data.documentId] } });
    expect(started.status).toBe(202);
    const runId = started.body.data.runId as number;
    expect((await http(ctx.app(), 'GET', '/api/credits/balance', { token: jwt })).body.data.held).toBe(before.held + started.body.data.estimate.credits);

    const page = await (await ctx.browser()).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${ctx.app().baseUrl}/admin/auth/login`);
    await page.locator('input[name="email"]').fill(ctx.superAdmin.email);
    await page.locator('input[name="password"]').fill(ctx.superAdmin.password);
    await page.locator('button[type="submit"]').click();
    const menuLink = page.locator('nav a[href$="/plugins/ai"]');
    await menuLink.waitFor({ timeout: 60000 });
    await menuLink.click();
    await page.getByRole('heading', { name: 'AI runs', level: 1 }).waitFor({ timeout: 30000 });

    const row = page.locator(`[data-testid="ai-run-${runId}"]`);
    await row.waitFor({ timeout: 30000 });
    await expect(row.locator('[data-testid="ai-run-status"]').innerText()).resolves.toMatch(/queued/i);
    await row.getByRole('button', { name: 'Cancel' }).click();
    await page.locator('[data-testid="ai-runs-message"]', { hasText: `Run ${runId}: cancelled.` }).waitFor({ timeout: 30000 });
    await row.locator('[data-testid="ai-run-status"]', { hasText: /cancelled/i }).waitFor({ timeout: 30000 });

    const run = await http(ctx.app(), 'GET', `/api/ai/runs/${runId}`, { token: jwt });
    expect(run.body.data.status).toBe('cancelled');
    expect((await http(ctx.app(), 'GET', '/api/credits/balance', { token: jwt })).body.data).toEqual(before);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120000);
};
