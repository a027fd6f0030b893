import type { Core } from '@strapi/strapi';
import { requestHash } from '../../../../credits/server/src/domain/request-hash';
import { IdempotencyConflictError } from '../../../../credits/server/src/domain/errors';
import type { Trx } from '../utils/trx';

/**
 * Idempotent tenant requests (buy a package, submit a payment): the first call with a key runs and
 * stores its response; a repeat with the same parameters gets that response back, a repeat with other
 * parameters a 409. A concurrent repeat waits on the key's row until the first commits, then replays.
 * Failures are not stored (the transaction rolls back), so a corrected retry with the same key runs.
 */
export const createRequestsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async once<T>(input: { accountId: number; idempotencyKey: string; params: unknown }, run: (trx: Trx) => Promise<T>): Promise<{ response: T; replayed: boolean }> {
    const hash = requestHash(input.params);
    return strapi.db.transaction(async ({ trx }) => {
      const claimed = await trx.raw(
        `INSERT INTO billing_requests (account_id, idempotency_key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING account_id`,
        [input.accountId, input.idempotencyKey, hash]
      );
      if (!claimed.rows.length) {
        const { rows } = await trx.raw('SELECT request_hash, response FROM billing_requests WHERE account_id = ? AND idempotency_key = ?', [input.accountId, input.idempotencyKey]);
        if (rows[0].request_hash !== hash) throw new IdempotencyConflictError(input.idempotencyKey);
        const stored = rows[0].response;
        return { response: (typeof stored === 'string' ? JSON.parse(stored) : stored) as T, replayed: true };
      }
      const response = await run(trx);
      await trx.raw('UPDATE billing_requests SET response = ?::jsonb WHERE account_id = ? AND idempotency_key = ?', [JSON.stringify(response), input.accountId, input.idempotencyKey]);
      return { response, replayed: false };
    });
  },
});

export type RequestsService = ReturnType<typeof createRequestsService>;
