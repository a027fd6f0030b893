import { z } from 'zod';
import { wordCount } from '../domain/word-count';
import { idOf, loadOwned } from './load-owned';
import type { AiOperation } from './operation';
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
const keywordsOf = (task: any): string[] => (Array.isArray(task.keywords) ? task.keywords.map(String) : []);
const outlineOf = (task: any): string => {
  const outline = task.idea?.outline;
  if (Array.isArray(outline) && outline.length) return outline.map((h: unknown) => `- ${String(h)}`).join('\n');
  return task.brief?.trim() || '(write your own outline)';
};

/** Tasks → content: title, HTML body, excerpt, meta title and description, keywords, taxonomy suggestions. */
export const generateContent: AiOperation<any, any, ContentOutput, Options> = {
  name: 'generate_content',
  description: 'Writes an article for each task (title, HTML body, excerpt, meta fields, keywords, taxonomy suggestions).',
  kind: 'chat',
  pricing: 'content_generation',
  promptType: 'content_generation',
  recordUid: 'api::task.task',
  maxRecords: 50,
  options,
  output: contentOutput,

  load: ({ strapi, accountId }, documentIds) =>
    loadOwned({ strapi, uid: 'api::task.task', accountId, documentIds, populate: { site: true, sector: true, cluster: true, idea: true } }),

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

  usage: (_task, output, tokens) => ({ words: wordCount(output.html), ...tokens }),

  async save({ strapi, accountId, provenance }, results) {
    const produced = [];
    for (const { item: task, output, inputTokens, outputTokens, credits } of results) {
      const content = await strapi.db.query('api::content.content').create({
        data: {
          account: accountId,
          site: idOf(task.site),
          sector: idOf(task.sector),
          cluster: idOf(task.cluster),
          task: task.id,
          title: output.title,
          slug: slugify(output.title),
          html: output.html,
          excerpt: output.excerpt,
          metaTitle: output.meta_title || output.title,
          metaDescription: output.meta_description,
          primaryKeyword: output.primary_keyword || keywordsOf(task)[0] || null,
          secondaryKeywords: output.secondary_keywords,
          taxonomySuggestions: output.taxonomy_suggestions,
          wordCount: wordCount(output.html),
          contentType: task.contentType ?? 'post',
          contentStructure: task.contentStructure ?? 'article',
          editorialStatus: 'draft',
          provenance: { ...provenance, inputTokens, outputTokens, credits },
        },
      });
      await strapi.db.query('api::task.task').update({ where: { id: task.id }, data: { status: 'completed' } });
      produced.push({ type: 'content', id: content.id, documentId: content.documentId });
    }
    return produced;
  },
};
