import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CreditAdjustment } from '../../../shared/contracts/desk';

/**
 * POST /credits/accounts/:accountId/adjustments with a fresh Idempotency-Key per submission. A
 * submission that failed without an answer (network) and is sent again unchanged reuses its key, so a
 * retry can never move credits twice; any other submission gets a new key.
 */
export const useCreditAdjustment = () => {
  const { post } = useFetchClient();
  const pending = React.useRef<{ signature: string; key: string } | null>(null);

  return React.useCallback(
    async (accountId: number, body: CreditAdjustment.Body) => {
      const signature = JSON.stringify([accountId, body]);
      if (pending.current?.signature !== signature) pending.current = { signature, key: crypto.randomUUID() };
      const key = pending.current.key;
      try {
        const { data } = await post<CreditAdjustment.Response>(`/credits/accounts/${accountId}/adjustments`, body, { headers: { 'Idempotency-Key': key } });
        pending.current = null;
        return { ...data.data, idempotencyKey: key };
      } catch (error) {
        // An answer (4xx/5xx) means the server decided: the next try is a new submission.
        if ((error as { response?: unknown }).response) pending.current = null;
        throw error;
      }
    },
    [post]
  );
};
