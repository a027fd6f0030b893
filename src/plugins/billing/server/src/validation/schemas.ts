import { z } from 'zod';

const page = z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be 1 or more').default(1);
const pageSize = z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be 1 or more').max(100, 'must be at most 100').default(25);
const documentId = z.string().regex(/^[a-z0-9]{24}$/, 'must be a documentId');

export const documentIdParam = documentId;
export const paymentIdParam = z.coerce.number({ error: 'must be a payment id' }).int().positive('must be a payment id');

export const purchaseBody = z.strictObject({
  quantity: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more').max(100, 'must be at most 100').default(1),
});

export const submitPaymentBody = z.strictObject({
  method: z.enum(['bank_transfer', 'local_wallet', 'manual'], { error: 'must be bank_transfer, local_wallet or manual' }),
  reference: z.string({ error: 'is required' }).trim().min(3, 'is required (the transfer or wallet reference)').max(200),
  proofUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000).optional(),
});

export const planChangeBody = z.strictObject({ plan: z.string({ error: 'is required' }).regex(/^[a-z0-9-]{1,60}$/, 'must be a plan slug') });

export const listQuery = z.strictObject({ page, pageSize });

export const staffListQuery = z.strictObject({
  page,
  pageSize,
  status: z.enum(['pending_approval', 'succeeded', 'failed', 'refunded'], { error: 'must be a payment status' }).optional(),
  accountId: z.coerce.number().int().positive('must be an account id').optional(),
});

export const approveBody = z.strictObject({ notes: z.string().trim().max(2000).optional() });
export const rejectBody = z.strictObject({ reason: z.string({ error: 'is required' }).trim().min(3, 'is required (at least 3 characters)').max(2000) });

export const bulkDecisionBody = z
  .strictObject({
    action: z.enum(['approve', 'reject'], { error: 'must be approve or reject' }),
    ids: z.array(z.number().int().positive(), { error: 'must be a list of payment ids' }).min(1, 'must name at least one payment').max(500, 'at most 500 at once'),
    reason: z.string().trim().max(2000).optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.action !== 'reject' || (b.reason?.length ?? 0) >= 3, { path: ['reason'], message: 'is required to reject (at least 3 characters)' });
