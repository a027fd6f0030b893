import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../queue/server/src/utils/get-service';
import type { RolesService } from '../../../staff/server/src/services/roles';
import { ensureRolePermissions } from '../../../tenancy/server/src/permissions';
import type { AiConfig } from './config';
import { onJobFailed } from './on-job-failed';
import { IDEMPOTENCY_INDEX, QUEUE, RUN_UID, TRIM_JOB } from './utils/constants';
import { getService } from './utils/get-service';

export const TENANT_ACTIONS = ['start', 'list', 'get', 'cancel'].map((a) => `plugin::ai.tenant.${a}`);

/**
 * The unique index that makes a run's Idempotency-Key hold under concurrency: of N identical starts
 * racing past `runs.start`'s look-up, one insert wins and the others fail with 23505 (and roll their
 * reserve back); it also makes that look-up an index scan. Strapi 5 does not create a constraint for
 * the schema's `unique: true`, so it is ours to create. A database that already holds duplicate keys
 * (left by that race before this index) cannot get it: boot goes on with a warning, and the race stays
 * open until the duplicates are resolved and the app restarts.
 */
export const ensureIdempotencyIndex = async (strapi: Core.Strapi) => {
  try {
    await strapi.db.connection.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${IDEMPOTENCY_INDEX} ON ai_task_logs (idempotency_key)`);
    return true;
  } catch (error) {
    const e = error as { code?: string; constraint?: string; detail?: string };
    // 23505 naming our index is the duplicate-keys case; anything else (another process creating the same index at the same moment included) is not ours to hide.
    if (e?.code !== '23505' || e.constraint !== IDEMPOTENCY_INDEX) throw error;
    strapi.log.warn(
      `[ai] ai_task_logs holds runs with the same idempotency_key (${e.detail ?? 'duplicates'}), so the unique index ${IDEMPOTENCY_INDEX} was not created: ` +
        'concurrent starts with one Idempotency-Key can still create several runs and holds. Find them with ' +
        '`SELECT idempotency_key, count(*) FROM ai_task_logs GROUP BY 1 HAVING count(*) > 1`, resolve them, and restart.'
    );
    return false;
  }
};

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Tenants list their own runs newest first; workers look runs up by id.
  // Workers cache effective prompts; an edit anywhere is published on the settings bus and drops them.
  const prompts = getService(strapi, 'prompt-cache');
  prompts.listen();
  prompts.watchPromptWrites();

  await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ai_task_logs_account_id_idx ON ai_task_logs (account_id, id DESC)');
  // One run per (account-scoped) Idempotency-Key, even for concurrent identical starts.
  await ensureIdempotencyIndex(strapi);

  await strapi.admin.services.permission.actionProvider.registerMany([
    { section: 'plugins', displayName: 'View AI runs of any account', uid: 'runs.read', pluginName: 'ai' },
    { section: 'plugins', displayName: 'Start, cancel and retry AI runs for any account', uid: 'runs.manage', pluginName: 'ai' },
  ]);
  // Staff read run logs in the Content Manager too (runs change only through the engine and the routes).
  const read = { action: 'plugin::content-manager.explorer.read', subject: RUN_UID, properties: { fields: Object.keys((strapi.getModel(RUN_UID as any) as any).attributes) } };
  const roles = strapi.plugin('staff').service('roles') as RolesService;
  roles.grant('igny8-content-manager', [{ action: 'plugin::ai.runs.read' }, { action: 'plugin::ai.runs.manage' }, read]);
  roles.grant('igny8-support-agent', [{ action: 'plugin::ai.runs.read' }, read]);

  await ensureRolePermissions(strapi, 'authenticated', TENANT_ACTIONS);

  const queues = getQueueService(strapi);
  if (queues.isAvailable()) {
    const every = (strapi.config.get('plugin::ai') as AiConfig).trimEveryMs;
    await queues.add(QUEUE, TRIM_JOB, {}, { repeat: { every }, jobId: 'ai-trim-logs', removeOnComplete: 100, removeOnFail: 100, attempts: 1 });
    // Local event: fires only in the process whose worker (or stalled-job check) failed the job.
    queues.get(QUEUE).on('failed', (job, error) => void onJobFailed(strapi, job, error));
  } else {
    strapi.log.warn('[ai] Redis unavailable at boot: old run bodies are trimmed once a process boots with Redis');
  }
};
