import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACCEPTED_TYPES, imageTypeOf } from '../domain/image-type';
import type { MediaConfig } from '../config';

const IMAGE_UID = 'api::image.image';

/** What koa-body (formidable) gives for an uploaded part. */
export interface UploadedPart {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

const fileError = (message: string) => new errors.ValidationError(`file: ${message}`, { errors: [{ path: ['file'], message, name: 'ValidationError' }] });

/** The first bytes of an uploaded file, enough for every format's magic number. */
const headOf = async (filepath: string) => {
  const handle = await fs.open(filepath, 'r');
  try {
    const head = new Uint8Array(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
};

/**
 * A tenant's own file on a tenant's own Image record. Files are otherwise attached by the system only
 * (the tenancy plugin refuses media fields in tenant writes), so this is the one door: the record is
 * looked up through the Document Service in the caller's scope (another account's image, or a deleted
 * one, is a 404), the bytes must be an image format, and the file goes into Strapi's media library
 * through the upload plugin, like the AI's generated images.
 */
export const createAttachService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::media') as MediaConfig;

  return {
    async toImage(args: { documentId: string; part: UploadedPart | undefined; alternativeText?: string; actor: string }) {
      const { part } = args;
      if (!part || typeof part.filepath !== 'string') throw fileError('attach one file as the multipart field `file`');
      if (part.size > config().maxImageBytes) throw fileError(`larger than ${Math.round(config().maxImageBytes / 1024 / 1024)} MB`);
      const type = imageTypeOf(await headOf(part.filepath));
      if (!type) throw fileError('must be a PNG, JPEG, GIF or WebP image');

      // In the caller's tenant scope: null for an image of another account, or a deleted one.
      const image = await strapi.documents(IMAGE_UID as any).findOne({ documentId: args.documentId, populate: { file: true } } as any);
      if (!image) throw new errors.NotFoundError('documentId: no such image in your account');

      const name = `image-${image.documentId}${ACCEPTED_TYPES[type]}`;
      const upload = strapi.plugin('upload').service('upload') as any;
      const [file] = await upload.upload({
        data: { fileInfo: { name, alternativeText: (args.alternativeText ?? image.prompt ?? '').slice(0, 250) || null, caption: null } },
        files: { filepath: part.filepath, originalFilename: name, mimetype: type, size: part.size },
      });
      try {
        await strapi.db.query(IMAGE_UID as any).update({
          where: { id: image.id },
          data: { file: file.id, status: 'approved', provider: 'upload', model: null, provenance: { source: 'upload', uploadedBy: args.actor, uploadedAt: new Date().toISOString(), originalFilename: part.originalFilename ?? null } },
        });
      } catch (error) {
        await upload.remove(file).catch(() => undefined); // not linked: do not leave it in the library
        throw error;
      }
      // The replaced file was attached by the system to this image only: it leaves the library too.
      const previous = (image as any).file;
      if (previous?.id && previous.id !== file.id) {
        await upload.remove(previous).catch((error: Error) => strapi.log.warn(`[media] replaced file ${previous.id} not removed: ${error.message}`));
      }
      return {
        documentId: image.documentId,
        status: 'approved',
        file: { id: file.id, url: file.url, mime: file.mime, size: file.size, width: file.width ?? null, height: file.height ?? null, name: file.name },
      };
    },
  };
};

export type AttachService = ReturnType<typeof createAttachService>;
