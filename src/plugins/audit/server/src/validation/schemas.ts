import { z } from 'zod';

const uid = z.string().regex(/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/, 'must be a content type uid');

export const entriesQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    contentType: uid.optional(),
    documentId: z.string().regex(/^[a-z0-9]{10,40}$/, 'must be a documentId').optional(),
    actor: z.string().max(255).optional(),
    action: z.string().max(100).optional(),
    source: z.enum(['document', 'bulk', 'service']).optional(),
    from: z.coerce.date({ error: 'must be a date' }).optional(),
    to: z.coerce.date({ error: 'must be a date' }).optional(),
  })
  .strip();
