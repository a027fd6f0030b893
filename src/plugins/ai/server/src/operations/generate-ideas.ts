import { z } from 'zod';
import { idOf, loadOwned } from './load-owned';
import type { AiOperation } from './operation';

const STRUCTURE: Record<string, string> = {
  blog_post: 'article',
  guide: 'guide',
  comparison: 'comparison',
  listicle: 'listicle',
  case_study: 'article',
  product_page: 'landing_page',
  how_to: 'how_to',
  review: 'review',
  faq: 'faq',
};

export const ideasOutput = z.object({
  ideas: z
    .array(
      z.object({
        title: z.string().min(1).transform((s) => s.trim().slice(0, 255)),
        primary_keyword: z.string().default(''),
        secondary_keywords: z.array(z.string()).max(10).default([]),
        content_type: z.string().default('blog_post'),
        angle: z.string().default(''),
        outline: z.array(z.string()).max(20).default([]),
      })
    )
    .min(1),
});
type Output = z.infer<typeof ideasOutput>;

const options = z.object({ count: z.number().int().min(1).max(10).default(3) }).strict().default({ count: 3 });
type Options = z.infer<typeof options>;

/** Clusters → content ideas (title, keywords, structure, angle, outline), `count` per cluster. */
export const generateIdeas: AiOperation<any, any, Output, Options> = {
  name: 'generate_ideas',
  description: 'Proposes content ideas for each cluster.',
  kind: 'chat',
  pricing: 'idea_generation',
  promptType: 'ideas',
  recordUid: 'api::cluster.cluster',
  maxRecords: 50,
  options,
  output: ideasOutput,

  load: ({ strapi, accountId }, documentIds) =>
    loadOwned({ strapi, uid: 'api::cluster.cluster', accountId, documentIds, populate: { keywords: true, site: { populate: { industry: true } }, sector: true } }),

  estimate: (_cluster, opts) => ({ items: opts.count }),

  promptValues: (cluster, opts) => ({
    cluster_name: cluster.name,
    keywords: (cluster.keywords ?? []).filter((k: any) => !k.deletedAt).map((k: any) => k.keyword).join(', ') || cluster.name,
    industry: cluster.site?.industry?.name ?? 'general',
    count: opts.count,
  }),

  usage: (_cluster, output, tokens) => ({ items: output.ideas.length, ...tokens }),

  async save({ strapi, accountId, provenance }, results) {
    const produced = [];
    for (const { item: cluster, output, inputTokens, outputTokens, credits } of results) {
      for (const idea of output.ideas) {
        const row = await strapi.db.query('api::content-idea.content-idea').create({
          data: {
            account: accountId,
            site: idOf(cluster.site),
            sector: idOf(cluster.sector),
            cluster: cluster.id,
            title: idea.title,
            description: idea.angle || null,
            outline: idea.outline,
            targetKeywords: [idea.primary_keyword, ...idea.secondary_keywords].filter(Boolean),
            contentStructure: STRUCTURE[idea.content_type] ?? 'article',
            estimatedWordCount: 1200,
            status: 'new',
            provenance: { ...provenance, inputTokens, outputTokens, credits: Math.round(credits / output.ideas.length) },
          },
        });
        produced.push({ type: 'content-idea', id: row.id, documentId: row.documentId });
      }
    }
    return produced;
  },
};
