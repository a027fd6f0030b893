import { z } from 'zod';

const uid = z.string().regex(/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/, 'must be a content type uid');
const documentId = z.string().regex(/^[a-z0-9]{10,40}$/, 'must be a documentId');

/** The Content Manager list view's query, as its URL carries it: filters and search; the rest is ignored. */
const listQuery = z
  .object({
    filters: z.record(z.string(), z.unknown()).optional(),
    _q: z.string().max(500).optional(),
    locale: z.string().max(20).optional(),
  })
  .strip();

/** Either a page selection (ids) or "all matching" the list view's query; never both. */
export const selection = z.union([
  z.object({ uid, documentIds: z.array(documentId).min(1, 'select at least one record').max(1000, 'at most 1000 ids; select all matching instead') }).strict(),
  z.object({ uid, query: listQuery }).strict(),
]);

export const runBody = z
  .object({
    action: z.string().min(1).max(100),
    selection,
    params: z.record(z.string(), z.unknown()).default({}),
    reason: z.string().max(2000).optional(),
  })
  .strict();

export const actionsQuery = z.object({ uid }).strip();

export const runId = z.coerce.number({ error: 'must be a run id' }).int().positive('must be a run id');

export const runsQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    action: z.string().max(100).optional(),
    contentType: z.string().max(255).optional(),
    actor: z.string().max(128).optional(),
  })
  .strip();
