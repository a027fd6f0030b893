import { randomUUID } from 'node:crypto';
import type { FakeLlm } from '../../helpers/fake-llm';
import type { TestApp } from '../../helpers/strapi';
import { waitFor } from '../../helpers/wait-for';

export { waitFor };

export const KEYS = { openai: 'sk-test-platform-openai-0123456789', anthropic: 'sk-ant-test-platform-0123456789' };

/** Worker settings for tests: own queue prefix, fast backoff, short provider timeout, three attempts. */
export const AI_TEST_ENV = {
  RUN_WORKERS_IN_PROCESS: 'true',
  // Its own queues: test files running side by side must not take each other's jobs.
  QUEUE_PREFIX: `igny8ai${process.pid}x${Date.now() % 100000}`,
  AI_BACKOFF_BASE_MS: '100',
  AI_BACKOFF_MAX_MS: '1500',
  AI_REQUEST_TIMEOUT_MS: '1500',
  AI_ATTEMPTS: '3',
};

/** Platform keys and base URLs pointing at the fake providers, through the settings plugin's own services. */
export const pointSettingsAt = async (app: TestApp, fake: FakeLlm) => {
  const integration = app.strapi.plugin('settings').service('integration') as any;
  await integration.updateGlobal({ openaiBaseUrl: fake.openaiBaseUrl, anthropicBaseUrl: fake.anthropicBaseUrl, openaiModel: 'gpt-4o-mini', imageModel: 'dall-e-3' });
  await integration.setGlobalKey('openai', KEYS.openai);
  await integration.setGlobalKey('dalle', KEYS.openai);
  await integration.setGlobalKey('anthropic', KEYS.anthropic);
};

export const ledger = (app: TestApp) => app.strapi.plugin('credits').service('ledger') as any;

export const grant = (app: TestApp, accountId: number, amount: number) =>
  ledger(app).grant({ accountId, idempotencyKey: `test-grant:${randomUUID()}`, pool: 'bonus', amount, type: 'purchase' });

/** The run once it has ended (succeeded, failed or cancelled). */
export const settled = async (app: TestApp, runId: number) => {
  const find = () => app.strapi.db.query('plugin::ai.ai-task-log').findOne({ where: { id: runId } });
  try {
    return await waitFor(async () => {
      const run = await find();
      return run && ['succeeded', 'failed', 'cancelled'].includes(run.status) ? run : null;
    });
  } catch (error) {
    const run = await find();
    throw new Error(`run ${runId} did not end: ${JSON.stringify({ status: run?.status, attempts: run?.attempts, error: run?.error, phases: run?.phases })}`);
  }
};

/** The hold, how many usage rows were recorded against it (one per capture) and the account's balance. */
export const chargeOf = async (app: TestApp, accountId: number, holdId: number) => {
  const hold = await ledger(app).hold(accountId, holdId);
  const usage = await app.strapi.db.connection('credit_usage_logs').where({ hold_id: holdId }).select('credits');
  return { status: hold.status as string, captured: hold.captured === null ? null : Number(hold.captured), usageRows: usage.length, balance: await ledger(app).balance(accountId) };
};
