import { validate } from '../../../../../lib/validate';
import { idempotencyKeyHeader } from '../validation/schemas';
import { z } from 'zod';

/** Reads and validates the `Idempotency-Key` header (400 naming it when missing or malformed). */
export const idempotencyKeyOf = (ctx: any): string =>
  validate(z.strictObject({ 'Idempotency-Key': idempotencyKeyHeader }), { 'Idempotency-Key': ctx.get('idempotency-key') || undefined })['Idempotency-Key'];
