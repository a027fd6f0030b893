import { z } from 'zod';
import { loadOwnedFlat, type FlatLoad } from './load-owned';
import type { AiOperation } from './operation';

export const imagePromptsOutput = z.object({
  featured: z.string().min(5),
  in_article: z.array(z.object({ section: z.string().default(''), prompt: z.string().min(5) })).max(10).default([]),
});
type Output = z.infer<typeof imagePromptsOutput>;

const options = z
  .object({ imageCount: z.number().int().min(0).max(6).default(2), style: z.string().min(1).max(200).default('photographic, natural light') })
  .strict()
  .default({ imageCount: 2, style: 'photographic, natural light' });
type Options = z.infer<typeof options>;

// The content's own columns only (title, body): no relation is needed.
const CONTENT_LOAD: FlatLoad = { uid: 'api::content.content', relations: {} };

const plainText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** Content → pending image records (one featured, `imageCount` in the article), each with its prompt. */
export const generateImagePrompts: AiOperation<any, any, Output, Options> = {
  name: 'generate_image_prompts',
  description: 'Reads each content and creates pending images with prompts (featured + in-article).',
  kind: 'chat',
  pricing: 'image_prompt_extraction',
  promptType: 'image_prompt_extraction',
  recordUid: 'api::content.content',
  maxRecords: 50,
  options,
  output: imagePromptsOutput,

  flatLoad: CONTENT_LOAD,
  load: ({ strapi, accountId }, documentIds) => loadOwnedFlat({ strapi, accountId, documentIds, ...CONTENT_LOAD }),

  estimate: () => ({ items: 1 }),

  promptValues: (content, opts) => ({
    title: content.title,
    // Enough of the article to pick scenes from; the whole body would only cost tokens.
    content: plainText(content.html ?? '').slice(0, 6000) || content.title,
    image_count: opts.imageCount,
    style: opts.style,
  }),

  usage: (_content, _output, tokens) => ({ items: 1, ...tokens }),

  async save({ strapi, accountId, provenance }, results, opts) {
    const produced = [];
    for (const { item: content, output, inputTokens, outputTokens, credits } of results) {
      const prompts = [
        { imageType: 'featured', isFeatured: true, prompt: output.featured },
        ...output.in_article.slice(0, opts.imageCount).map((p) => ({ imageType: 'in_article', isFeatured: false, prompt: p.prompt })),
      ];
      for (const [position, p] of prompts.entries()) {
        const image = await strapi.db.query('api::image.image').create({
          data: { account: accountId, content: content.id, ...p, position, status: 'pending', provenance: { ...provenance, inputTokens, outputTokens, credits } },
        });
        produced.push({ type: 'image', id: image.id, documentId: image.documentId });
      }
    }
    return produced;
  },
};
