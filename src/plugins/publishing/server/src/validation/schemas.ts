import { z } from 'zod';

const documentId = z.string({ error: 'is required' }).regex(/^[a-z0-9]{10,64}$/, 'must be a documentId');

export const connectBody = z.strictObject({
  site: documentId,
  baseUrl: z.string({ error: 'is required' }).trim().min(8, 'must be the https:// address of the site').max(500),
  username: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200),
  applicationPassword: z.string({ error: 'is required' }).trim().min(16, 'must be a WordPress application password (24 characters, spaces allowed)').max(200),
});

export const publishBody = z.strictObject({
  scheduledAt: z.coerce.date({ error: 'must be an ISO date' }).optional(),
});

export const recordsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  status: z.enum(['pending', 'published', 'failed', 'retracted', 'cancelled'], { error: 'must be a record status' }).optional(),
  accountId: z.coerce.number().int().positive().optional(),
});

export const idsBody = z.strictObject({
  ids: z.array(z.number({ error: 'must be record ids' }).int().positive(), { error: 'must be a list of record ids' }).min(1, 'must not be empty').max(1000, 'at most 1000 at once'),
});

export const documentIdParam = documentId;
export const accountIdParam = z.coerce.number({ error: 'must be an account id' }).int().positive('must be an account id');

export const idempotencyKeyHeader = z.string().trim().min(8, 'must be at least 8 characters').max(200).regex(/^[\w.:-]+$/, 'may contain letters, digits, and . _ : - only').optional();
