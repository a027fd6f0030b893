import { z } from 'zod';
import { idOf, loadOwned, recordsError } from './load-owned';
import type { AiOperation } from './operation';

const INTENTS = ['informational', 'commercial', 'transactional', 'navigational'] as const;

export const clusterOutput = z.object({
  clusters: z
    .array(
      z.object({
        name: z.string().min(1).transform((s) => s.trim().slice(0, 255)),
        intent: z.string().optional(),
        description: z.string().optional(),
        keywords: z.array(z.string()).min(1),
      })
    )
    .min(1),
});
type Output = z.infer<typeof clusterOutput>;

const options = z.object({}).strict().default({});
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Keywords → clusters: one call for the whole batch; every keyword joins at most one cluster. */
export const autoCluster: AiOperation<any, any[], Output, Record<string, never>> = {
  name: 'auto_cluster',
  description: 'Groups keywords into topic clusters (one call per run) and links each keyword to its cluster.',
  kind: 'chat',
  pricing: 'clustering',
  promptType: 'clustering',
  recordUid: 'api::keyword.keyword',
  maxRecords: 500,
  options: options as any,
  output: clusterOutput,

  async load({ strapi, accountId }, documentIds) {
    const keywords = await loadOwned({ strapi, uid: 'api::keyword.keyword', accountId, documentIds, populate: { site: { populate: { industry: true } }, sector: true } });
    const sites = new Set(keywords.map((k) => idOf(k.site)));
    if (sites.size > 1) throw recordsError('keywords of one site per clustering run');
    return keywords;
  },

  items: (keywords) => [keywords],

  // Clustering is priced by tokens: the template (~1,000 tokens) plus each keyword in and out.
  estimate: (keywords) => ({ inputTokens: 1000 + keywords.reduce((n, k) => n + Math.ceil(k.keyword.length / 4) + 1, 0), outputTokens: 200 + keywords.length * 12 }),

  promptValues: (keywords) => ({
    keywords: keywords.map((k) => k.keyword).join('\n'),
    industry: keywords[0]?.site?.industry?.name ?? 'general',
    sector: keywords[0]?.sector?.name ?? 'general',
  }),

  usage: (_keywords, _output, tokens) => tokens,

  async save({ strapi, accountId, provenance }, results) {
    const produced = [];
    for (const { item: keywords, output, inputTokens, outputTokens, credits } of results) {
      const byText = new Map(keywords.map((k) => [norm(k.keyword), k]));
      const taken = new Set<number>();
      const first = keywords[0];
      for (const cluster of output.clusters) {
        // Only the run's own keywords, each once: a model that invents or repeats keywords changes nothing else.
        const members = cluster.keywords.map((text) => byText.get(norm(text))).filter((k): k is any => !!k && !taken.has(k.id));
        if (!members.length) continue;
        members.forEach((k) => taken.add(k.id));
        const row = await strapi.db.query('api::cluster.cluster').create({
          data: {
            account: accountId,
            site: idOf(first.site),
            sector: idOf(first.sector),
            name: cluster.name,
            description: cluster.description ?? null,
            keywordCount: members.length,
            volume: members.reduce((sum, k) => sum + (k.volume ?? 0), 0),
            status: 'active',
            provenance: { ...provenance, inputTokens, outputTokens, credits },
          },
        });
        const intent = INTENTS.find((i) => i === cluster.intent?.toLowerCase());
        for (const k of members) {
          await strapi.db.query('api::keyword.keyword').update({ where: { id: k.id }, data: { cluster: row.id, ...(intent && !k.intent ? { intent } : {}) } });
        }
        produced.push({ type: 'cluster', id: row.id, documentId: row.documentId });
      }
    }
    return produced;
  },
};
