import { z } from 'zod';
import { UNITS } from '../domain/pricing';

const page = z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be 1 or more').default(1);
const pageSize = z.coerce.number({ error: 'must be a number' }).int().min(1, 'must be 1 or more').max(100, 'must be at most 100').default(25);
const date = z.coerce.date({ error: 'must be an ISO date' });
const count = z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(10_000_000);

export const transactionsQuery = z.strictObject({
  page,
  pageSize,
  from: date.optional(),
  to: date.optional(),
  type: z.enum(['purchase', 'subscription', 'refund', 'deduction', 'adjustment', 'expiry'], { error: 'must be a ledger transaction type' }).optional(),
  pool: z.enum(['plan', 'bonus'], { error: 'must be plan or bonus' }).optional(),
});

export const usageQuery = z.strictObject({
  page,
  pageSize,
  from: date.optional(),
  to: date.optional(),
  operation: z.string().max(64).optional(),
});

export const usageShape = z.strictObject({
  words: count.optional(),
  items: count.optional(),
  images: count.optional(),
  inputTokens: count.optional(),
  outputTokens: count.optional(),
});

export const estimateBody = z.strictObject({
  operation: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be an operation name such as content_generation').max(64),
  items: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more').max(1_000_000, 'must be at most 1,000,000').default(1),
  perItem: usageShape.default({}),
  model: z.string().max(128).optional(),
});

export const alertsBody = z.strictObject({
  lowBalanceThreshold: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(100_000_000),
});

export const adjustmentBody = z.strictObject({
  pool: z.enum(['plan', 'bonus'], { error: 'must be plan or bonus' }),
  amount: z
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .refine((v) => v !== 0, 'must not be zero')
    .refine((v) => Math.abs(v) <= 100_000_000, 'must be at most 100,000,000 either way'),
  reason: z.string({ error: 'is required' }).trim().min(3, 'is required (at least 3 characters)').max(500),
});

export const accountIdParam = z.coerce.number({ error: 'must be an account id' }).int().positive('must be an account id');

/** `Idempotency-Key` header: required on every credit-moving endpoint. */
export const idempotencyKeyHeader = z
  .string({ error: 'header is required on requests that move credits (any unique string, e.g. a UUID)' })
  .trim()
  .min(8, 'must be at least 8 characters')
  .max(200, 'must be at most 200 characters')
  .regex(/^[\w.:-]+$/, 'may contain letters, digits, and . _ : - only');

export const pricingUnits = UNITS;
