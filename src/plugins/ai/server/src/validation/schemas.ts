import { z } from 'zod';
import { RUN_STATUSES } from '../utils/constants';

const documentId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be a documentId');

/** POST /api/ai/runs (and the staff and GraphQL equivalents). `options` is checked by the operation. */
export const startBody = z
  .object({
    function: z.string().min(1).max(64),
    recordIds: z.array(documentId).min(1, 'at least one record id is required').max(500),
    provider: z.string().min(1).max(64).optional(),
    model: z.string().min(1).max(128).optional(),
    options: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export const idempotencyKeyHeader = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional();

export const runIdParam = z.coerce.number().int().positive();
export const accountIdParam = z.coerce.number().int().positive();

export const listQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    status: z.enum(RUN_STATUSES).optional(),
    function: z.string().min(1).max(64).optional(),
    accountId: z.coerce.number().int().positive().optional(),
  })
  .strict();
