import { z } from 'zod';
import { idOf, loadOwned, recordsError } from './load-owned';
import type { AiOperation } from './operation';

const options = z.object({ wordCountTarget: z.number().int().min(100).max(20000).optional() }).strict().default({});
type Options = z.infer<typeof options>;

/** Ideas → writing tasks. No AI and no charge: done in the request, in one transaction. */
export const ideasToTasks: AiOperation<any, any, never, Options> = {
  name: 'ideas_to_tasks',
  description: 'Turns content ideas into writing tasks (no AI call, no credits).',
  kind: 'none',
  recordUid: 'api::content-idea.content-idea',
  maxRecords: 500,
  options,

  async load({ strapi, accountId }, documentIds) {
    const ideas = await loadOwned({ strapi, uid: 'api::content-idea.content-idea', accountId, documentIds, populate: { site: true, sector: true, cluster: true } });
    const done = ideas.filter((i) => i.status === 'queued' || i.status === 'completed');
    if (done.length) throw recordsError(`already turned into tasks: ${done.map((i) => i.documentId).join(', ')}`);
    return ideas;
  },

  estimate: () => ({}),
  usage: () => ({}),

  async run({ strapi, accountId }, ideas, opts) {
    const produced = [];
    for (const idea of ideas) {
      const outline = Array.isArray(idea.outline) && idea.outline.length ? `\n\nOutline:\n${idea.outline.map((h: unknown) => `- ${String(h)}`).join('\n')}` : '';
      const task = await strapi.db.query('api::task.task').create({
        data: {
          account: accountId,
          site: idOf(idea.site),
          sector: idOf(idea.sector),
          cluster: idOf(idea.cluster),
          idea: idea.id,
          title: idea.title,
          brief: `${idea.description ?? ''}${outline}`.trim() || null,
          keywords: Array.isArray(idea.targetKeywords) ? idea.targetKeywords : [],
          contentType: idea.contentType ?? 'post',
          contentStructure: idea.contentStructure ?? 'article',
          wordCountTarget: opts.wordCountTarget ?? idea.estimatedWordCount ?? 1200,
          status: 'queued',
        },
      });
      await strapi.db.query('api::content-idea.content-idea').update({ where: { id: idea.id }, data: { status: 'queued' } });
      produced.push({ type: 'task', id: task.id, documentId: task.documentId });
    }
    return produced;
  },
};
