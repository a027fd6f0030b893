import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { AnyOperation } from '../../../../ai/server/src/operations/operation';
import { getAiService } from '../../../../ai/server/src/utils/get-service';
import { chunksOf } from '../domain/chunks-of';
import type { BatchOutcome, BulkActionDefinition, CreditUsage, RowFailure } from '../domain/types';

/** Staff permission of the AI plugin: start, cancel and retry runs for any account. */
const AI_MANAGE = 'plugin::ai.runs.manage';

/**
 * How one AI operation is offered as a bulk action. `together`: the operation works on its records as a
 * set (clustering needs the keywords of one site side by side; ideas to tasks is one free transaction),
 * so rows are grouped per account (and site) into runs of up to the operation's `maxRecords`. Otherwise
 * every row gets its own run: its own job, retries, hold and result, so one bad record fails alone.
 */
interface AiBulkPlan {
  fn: string;
  uid: string;
  label: string;
  description: string;
  together?: 'account' | 'site';
  /** Rows the operation would refuse or redo are left out of the selection (and counted by the dry run). */
  where?: Record<string, unknown>;
  /** One row's expected usage for the dry run's estimate, when the operation's own `estimate` needs a real record. */
  perItem?: CreditUsage;
}

const PLANS: AiBulkPlan[] = [
  {
    fn: 'auto_cluster',
    uid: 'api::keyword.keyword',
    label: 'AI: cluster keywords',
    description: 'Groups the keywords without a cluster into clusters, one AI run per site (up to 500 keywords each).',
    together: 'site',
    where: { cluster: { id: { $null: true } } },
    // About 8 prompt tokens and 12 answer tokens per keyword; the run's fixed prompt is priced once per run.
    perItem: { inputTokens: 8, outputTokens: 12 },
  },
  { fn: 'generate_ideas', uid: 'api::cluster.cluster', label: 'AI: generate content ideas', description: 'Writes content ideas for each active cluster (one run per cluster).', where: { status: 'active' } },
  {
    fn: 'ideas_to_tasks',
    uid: 'api::content-idea.content-idea',
    label: 'Ideas to writing tasks',
    description: 'Turns new or approved ideas into writing tasks (no AI call, no credits).',
    together: 'account',
    where: { status: { $in: ['new', 'approved'] } },
  },
  { fn: 'generate_content', uid: 'api::task.task', label: 'AI: generate content', description: 'Writes the article of each queued or in-progress task (one run per task).', where: { status: { $in: ['queued', 'in_progress'] } } },
  { fn: 'generate_image_prompts', uid: 'api::content.content', label: 'AI: generate image prompts', description: 'Extracts a featured and in-article image prompts from each content (one run per content).' },
  {
    fn: 'generate_images',
    uid: 'api::image.image',
    label: 'AI: generate images',
    description: 'Generates the pending or failed images that have a prompt into the media library (one run per image).',
    where: { status: { $in: ['pending', 'failed'] }, prompt: { $notNull: true } },
  },
];

const runs = (strapi: Core.Strapi) => getAiService(strapi, 'runs');
const operation = (strapi: Core.Strapi, name: string): AnyOperation => getAiService(strapi, 'registry').operations.get(name);

/** The batch's rows, each with its account (and site, for per-site groups). */
const rowsOf = async (strapi: Core.Strapi, plan: AiBulkPlan, ids: number[]) => {
  const populate: Record<string, unknown> = { account: { select: ['id'] } };
  if (plan.together === 'site') populate.site = { select: ['id'] };
  const rows = await strapi.db.query(plan.uid as any).findMany({ where: { id: { $in: ids } }, select: ['id', 'documentId'], populate, orderBy: { id: 'asc' } } as any);
  return (rows as any[]).map((r) => ({ id: Number(r.id), documentId: r.documentId as string, accountId: (r.account?.id as number | undefined) ?? null, siteId: (r.site?.id as number | undefined) ?? null }));
};

/**
 * One run per chunk through the AI plugin's `runs.start` (validation, ownership, estimate, reserve, enqueue
 * after commit: the same path as the tenant and staff routes). The idempotency key is the bulk run and
 * the chunk's ids, so a re-executed bulk run replays the runs it started instead of charging twice.
 */
const aiAction = (strapi: Core.Strapi, plan: AiBulkPlan): BulkActionDefinition<Record<string, unknown>> => ({
  id: `ai-${plan.fn.replace(/_/g, '-')}`,
  label: plan.label,
  description: plan.description,
  contentTypes: [plan.uid],
  // The operation's own options (tone, count, style...), resolved when asked: operations register with the AI plugin.
  params: () => operation(strapi, plan.fn).options as z.ZodType<Record<string, unknown>>,
  reasonRequired: false,
  permission: AI_MANAGE,
  // The AI plugin checks that every record belongs to the run's account; the list must be readable.
  cmAction: 'read',
  undoable: false,
  transactional: false,
  batchSize: 200,
  ...(plan.where ? { where: () => plan.where } : {}),
  ...(plan.fn === 'ideas_to_tasks'
    ? {}
    : {
        credits: (params: Record<string, unknown>) => {
          const op = operation(strapi, plan.fn);
          return { operation: op.pricing!, perItem: plan.perItem ?? (op.estimate({}, params) as CreditUsage) };
        },
      }),
  handler: async ({ ids, params, ctx }): Promise<BatchOutcome> => {
    const op = operation(strapi, plan.fn);
    const rows = await rowsOf(strapi, plan, ids);
    const failures: RowFailure[] = rows.filter((r) => r.accountId === null).map((r) => ({ id: r.id, documentId: r.documentId, reason: 'belongs to no account' }));
    let changed = 0;
    for (const chunk of chunksOf(rows.filter((r) => r.accountId !== null), plan.together, op.maxRecords)) {
      const key = createHash('sha256').update(chunk.map((r) => r.id).join(',')).digest('hex').slice(0, 24);
      try {
        const { replayed } = await runs(strapi).start({
          accountId: chunk[0].accountId!,
          function: plan.fn,
          recordIds: chunk.map((r) => r.documentId),
          options: params,
          idempotencyKey: `bulk-run:${ctx.runId}:${key}`,
          requestedBy: ctx.actor,
        });
        if (!replayed) changed += chunk.length;
      } catch (error) {
        // A refused run (402 short of credits, a record the operation cannot use) fails its rows only.
        for (const r of chunk) failures.push({ id: r.id, documentId: r.documentId, reason: (error as Error).message });
      }
    }
    return { changed, failures };
  },
});

/** The AI operations as bulk actions, when the AI plugin is installed. */
export const aiActions = (strapi: Core.Strapi): BulkActionDefinition<any>[] => (strapi.plugin('ai') ? PLANS.map((plan) => aiAction(strapi, plan)) : []);
