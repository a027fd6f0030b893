/**
 * The ai plugin's "AI runs" page in the admin panel, on the app build-start.e2e.test.ts built and
 * started (workers in process, no AI provider key configured). A tenant's run fails at once with a
 * permanent error (no key) and its hold is released; the Super Admin finds it on the page with its
 * reason and retries it; the retry fails the same way and the tenant's credits end where they were.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { http, type Launched } from '../../helpers/processes';
import { signIn } from './staff';

export interface AiRunsContext {
  app: () => Launched;
  browser: () => Promise<Browser>;
  superAdmin: { email: string; password: string };
}

export const aiRunsScenario = (ctx: AiRunsContext) => () => {
  it('lists a failed run with its reason and retries it, the credits released each time', async () => {
    const username = `ai_${randomUUID().slice(0, 8)}`;
    const signup = await http(ctx.app(), 'POST', '/api/auth/local/register', { body: { username, email: `${username}@example.test`, password: 'Secret-pass-123' } });
    expect(signup.status).toBe(200);
    const jwt = signup.body.jwt as string;
    const before = (await http(ctx.app(), 'GET', '/api/credits/balance', { token: jwt })).body.data;
    const task = await http(ctx.app(), 'POST', '/api/tasks', { token: jwt, body: { data: { title: 'Failing in e2e', wordCountTarget: 500 } } });
    expect(task.status).toBe(201);
    const started = await http(ctx.app(), 'POST', '/api/ai/runs', { token: jwt, body: { function: 'generate_content', recordIds: [task.body.data.documentId] } });
    expect(started.status).toBe(202);
    const runId = started.body.data.runId as number;
    expect(started.body.data.estimate.credits).toBeGreaterThan(0);
    const failed = async (round: number) => {
      for (const until = Date.now() + 60000; Date.now() < until; await new Promise((r) => setTimeout(r, 250))) {
        const run = (await http(ctx.app(), 'GET', `/api/ai/runs/${runId}`, { token: jwt })).body.data;
        if (run.status === 'failed' && run.round === round) return run;
      }
      throw new Error(`run ${runId} did not fail in round ${round}`);
    };
    const firstFailure = await failed(0);
    expect(firstFailure.error.kind).toBe('permanent');
    expect((await http(ctx.app(), 'GET', '/api/credits/balance', { token: jwt })).body.data).toEqual(before);

    const pageErrors: string[] = [];
    const page = await signIn(await ctx.browser(), ctx.app(), ctx.superAdmin, pageErrors);
    const menuLink = page.locator('nav a[href$="/plugins/ai"]');
    await menuLink.waitFor({ timeout: 60000 });
    await menuLink.click();
    await page.getByRole('heading', { name: 'AI runs', level: 1 }).waitFor({ timeout: 30000 });

    const row = page.locator(`[data-testid="ai-run-${runId}"]`);
    await row.waitFor({ timeout: 30000 });
    await expect(row.locator('[data-testid="ai-run-status"]').innerText()).resolves.toMatch(/failed/i);
    await expect(row.innerText()).resolves.toContain(firstFailure.error.reason);
    await row.getByRole('button', { name: 'Retry' }).click();
    await page.locator('[data-testid="ai-runs-message"]', { hasText: `Run ${runId}: queued again.` }).waitFor({ timeout: 30000 });

    // The retry is a new round of the same run (a fresh hold and job); it fails the same way and nothing
    // stays held or charged.
    expect((await failed(1)).error.reason).toBe(firstFailure.error.reason);
    expect((await http(ctx.app(), 'GET', '/api/credits/balance', { token: jwt })).body.data).toEqual(before);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120000);
};
