import { z } from 'zod';
import { selection } from '../../../../bulk-actions/server/src/validation/schemas';

const uid = z.string().regex(/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/, 'must be a content type uid');

/** The same selection the bulk actions take: a page of documentIds, or the list view's filters resolved on the server. */
export const exportBody = z.object({ selection, format: z.enum(['csv', 'xlsx']).default('csv') }).strict();

export const uploadFields = z.object({ uid }).strip();

/** attribute -> header of the file. */
export const mapping = z.record(z.string().max(100), z.string().max(255));

export const previewBody = z.object({ mapping }).strict();
export const runBody = z.object({ mapping: mapping.optional() }).strict();

export const importId = z.coerce.number({ error: 'must be an import id' }).int().positive('must be an import id');

export const importsQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    contentType: z.string().max(255).optional(),
  })
  .strip();
