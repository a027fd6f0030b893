import { z } from 'zod';
import { wordCount } from '../domain/word-count';
import { columnsOf } from '../utils/rows';
import { ident } from '../utils/statement';
import { hasLifecycleReaders, insertWithLinks, insertWithLinksParts } from './insert-with-links';
import { idOf, loadOwnedFlat, type FlatLoad } from './load-owned';
import type { AiOperation, ItemResult, SaveContext } from './operation';
import { slugify } from './slugify';

const clip = (max: number) => z.string().transform((s) => s.trim().slice(0, max));
const keywordList = z.array(z.string()).max(30).default([]);

export const contentOutput = z.object({
  title: z.string().min(1).transform((s) => s.trim().slice(0, 255)),
  html: z.string().min(20),
  excerpt: clip(1000).default(''),
  meta_title: clip(255).default(''),
  meta_description: clip(500).default(''),
  primary_keyword: clip(255).default(''),
  secondary_keywords: keywordList,
  taxonomy_suggestions: z.object({ categories: keywordList, tags: keywordList }).default({ categories: [], tags: [] }),
});
export type ContentOutput = z.infer<typeof contentOutput>;

const options = z
  .object({
    tone: z.string().min(1).max(200).default('clear, friendly and expert'),
    language: z.string().min(2).max(40).default('English'),
  })
  .strict()
  .default({ tone: 'clear, friendly and expert', language: 'English' });
type Options = z.infer<typeof options>;

const DEFAULT_WORDS = 1200;
const TASK_UID = 'api::task.task';
const CONTENT_UID = 'api::content.content';
// The task and, of its relations, only what a run uses (ids, and the idea's outline).
const TASK_LOAD: FlatLoad = { uid: TASK_UID, relations: { site: [], sector: [], cluster: [], idea: ['outline'] } };
const keywordsOf = (task: any): string[] => (Array.isArray(task.keywords) ? task.keywords.map(String) : []);
const outlineOf = (task: any): string => {
  const outline = task.idea?.outline;
  if (Array.isArray(outline) && outline.length) return outline.map((h: unknown) => `- ${String(h)}`).join('\n');
  return task.brief?.trim() || '(write your own outline)';
};

// The capture prices the words (`usage`) and the content stores them: count each answer once.
const counted = new WeakMap<ContentOutput, number>();
const wordsOf = (output: ContentOutput) => {
  let words = counted.get(output);
  if (words === undefined) counted.set(output, (words = wordCount(output.html)));
  return words;
};

/** The contents a run writes and their five to-one links, from its results. */
const contentsOf = ({ accountId, provenance }: SaveContext, results: Array<ItemResult<any, ContentOutput>>) =>
  results.map(({ item: task, output, inputTokens, outputTokens, credits }) => ({
    task,
    data: {
      title: output.title,
      slug: slugify(output.title),
      html: output.html,
      excerpt: output.excerpt,
      metaTitle: output.meta_title || output.title,
      metaDescription: output.meta_description,
      primaryKeyword: output.primary_keyword || keywordsOf(task)[0] || null,
      secondaryKeywords: output.secondary_keywords,
      taxonomySuggestions: output.taxonomy_suggestions,
      wordCount: wordsOf(output),
      contentType: task.contentType ?? 'post',
      contentStructure: task.contentStructure ?? 'article',
      editorialStatus: 'draft',
      provenance: { ...provenance, inputTokens, outputTokens, credits },
    },
    links: { account: accountId, site: idOf(task.site), sector: idOf(task.sector), cluster: idOf(task.cluster), task: task.id as number },
  }));

/** Tasks → content: title, HTML body, excerpt, meta title and description, keywords, taxonomy suggestions. */
export const generateContent: AiOperation<any, any, ContentOutput, Options> = {
  name: 'generate_content',
  description: 'Writes an article for each task (title, HTML body, excerpt, meta fields, keywords, taxonomy suggestions).',
  kind: 'chat',
  pricing: 'content_generation',
  promptType: 'content_generation',
  recordUid: TASK_UID,
  maxRecords: 50,
  options,
  output: contentOutput,

  flatLoad: TASK_LOAD,
  load: ({ strapi, accountId }, documentIds) => loadOwnedFlat({ strapi, accountId, documentIds, ...TASK_LOAD }),

  estimate: (task) => ({ words: task.wordCountTarget || DEFAULT_WORDS }),

  promptValues: (task, opts) => {
    const keywords = keywordsOf(task);
    return {
      title: task.title,
      primary_keyword: keywords[0] ?? task.title,
      secondary_keywords: keywords.slice(1).join(', ') || '(none)',
      outline: outlineOf(task),
      tone: opts.tone,
      language: opts.language,
      word_count: task.wordCountTarget || DEFAULT_WORDS,
      structure: task.contentStructure ?? 'article',
    };
  },

  taskOverride: (task) => task.promptOverride || null,

  usage: (_task, output, tokens) => ({ words: wordsOf(output), ...tokens }),

  // The contents, their links and the tasks' status as CTEs of the engine's finishing statement.
  saveStatement(ctx, results, _opts, when) {
    const { strapi } = ctx;
    if (hasLifecycleReaders(strapi, CONTENT_UID) || hasLifecycleReaders(strapi, TASK_UID)) return null;
    const data = contentsOf(ctx, results);
    const { ctes, bindings, documentIds, documentIdColumn } = insertWithLinksParts(strapi, CONTENT_UID, data, { when });
    const tasks = columnsOf(strapi, TASK_UID);
    ctes.push(`tasks_done AS (UPDATE ${ident(tasks.table)} SET ${ident(tasks.column('status'))} = 'completed', ${ident(tasks.column('updatedAt'))} = ? WHERE id = ANY(?::integer[]) AND ${when})`);
    bindings.push(new Date(), data.map((d) => d.task.id as number));
    return {
      ctes,
      bindings,
      produced: `(SELECT COALESCE(json_agg(json_build_object('type', 'content', 'id', ins.id, 'documentId', ins.${documentIdColumn})), '[]'::json) FROM ins)`,
      first: documentIds[0] ? { type: 'content', id: documentIds[0] } : null,
    };
  },

  async save(ctx, results) {
    const { strapi } = ctx;
    const data = contentsOf(ctx, results);
    const taskIds = data.map((d) => d.task.id as number);
    if (hasLifecycleReaders(strapi, CONTENT_UID) || hasLifecycleReaders(strapi, TASK_UID)) {
      const produced = [];
      for (const { data: fields, links } of data) {
        const content = await strapi.db.query(CONTENT_UID).create({ data: { ...fields, ...links } });
        produced.push({ type: 'content', id: content.id, documentId: content.documentId });
      }
      await strapi.db.query(TASK_UID).updateMany({ where: { id: { $in: taskIds } }, data: { status: 'completed' } });
      return produced;
    }
    // The contents, their five links and the tasks' status in one statement (the run's save transaction).
    return strapi.db.transaction(async ({ trx }) => {
      const tasks = columnsOf(strapi, TASK_UID);
      const completeTasks = { sql: `UPDATE ${ident(tasks.table)} SET ${ident(tasks.column('status'))} = 'completed', ${ident(tasks.column('updatedAt'))} = ? WHERE id = ANY(?::integer[])`, bindings: [new Date(), taskIds] };
      const rows = await insertWithLinks(strapi, trx, CONTENT_UID, data, [completeTasks]);
      return rows.map((row) => ({ type: 'content', id: row.id, documentId: row.documentId }));
    });
  },
};
