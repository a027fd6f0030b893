import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { ImageResult } from '../domain/types';
import { loadOwned, recordsError } from './load-owned';
import type { AiOperation } from './operation';

const options = z.object({ style: z.string().min(1).max(200).default('photographic, natural light') }).strict().default({ style: 'photographic, natural light' });
type Options = z.infer<typeof options>;

const EXT: Record<string, string> = { 'image/png': '.png', 'image/jpeg': '.jpg', 'image/webp': '.webp' };

/**
 * Pending images → generated files in Strapi's media library (upload plugin), linked to the image
 * record with its provider, model and provenance. The file is written inside the save transaction,
 * so a rolled-back save leaves no media row (an orphan file on disk at worst).
 */
export const generateImages: AiOperation<any, any, ImageResult, Options> = {
  name: 'generate_images',
  description: 'Generates the file of each pending image and stores it in the media library.',
  kind: 'image',
  pricing: 'image_generation',
  promptType: 'image_generation',
  recordUid: 'api::image.image',
  maxRecords: 20,
  options,

  async load({ strapi, accountId }, documentIds) {
    const images = await loadOwned({ strapi, uid: 'api::image.image', accountId, documentIds, populate: { content: true } });
    const unusable = images.filter((i) => !i.prompt?.trim() || !['pending', 'failed'].includes(i.status));
    if (unusable.length) throw recordsError(`images need a prompt and status pending or failed: ${unusable.map((i) => i.documentId).join(', ')}`);
    return images;
  },

  estimate: () => ({ images: 1 }),

  promptValues: (image, opts) => ({ prompt: image.prompt, style: opts.style, size: image.imageType === 'featured' ? 'wide' : 'square' }),

  usage: () => ({ images: 1 }),

  async save({ strapi, provenance }, results) {
    const produced = [];
    const upload = strapi.plugin('upload').service('upload') as any;
    for (const { item: image, output, credits } of results) {
      const name = `ai-image-${image.documentId}${EXT[output.mime] ?? '.png'}`;
      const tmp = path.join(os.tmpdir(), `igny8-${randomBytes(8).toString('hex')}-${name}`);
      await fs.writeFile(tmp, output.data);
      try {
        const [file] = await upload.upload({
          data: { fileInfo: { name, alternativeText: image.prompt.slice(0, 250), caption: null } },
          files: { filepath: tmp, originalFilename: name, mimetype: output.mime, size: output.data.length },
        });
        await strapi.db.query('api::image.image').update({
          where: { id: image.id },
          data: { file: file.id, status: 'generated', provider: provenance.provider, model: output.model, provenance: { ...provenance, revisedPrompt: output.revisedPrompt ?? null, inputTokens: 0, outputTokens: 0, credits } },
        });
        produced.push({ type: 'image', id: image.id, documentId: image.documentId });
      } finally {
        await fs.rm(tmp, { force: true });
      }
    }
    return produced;
  },
};
