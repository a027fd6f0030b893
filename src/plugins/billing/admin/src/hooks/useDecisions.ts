import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Desk } from '../../../shared/contracts/desk';

export interface DecisionInput {
  action: Desk.Action;
  ids: number[];
  /** Required (3+ characters) to reject. */
  reason?: string;
  /** Optional note stored with an approval. */
  notes?: string;
}

/**
 * Approve or reject payments: one id goes to /billing/payments/:id/:action (errors throw, with the
 * API's message), several go to /billing/payments/bulk (a result or an error per payment).
 */
export const useDecisions = () => {
  const { post } = useFetchClient();

  return React.useCallback(
    async ({ action, ids, reason, notes }: DecisionInput): Promise<Desk.BulkResult[]> => {
      const body = action === 'reject' ? { reason } : notes ? { notes } : {};
      if (ids.length === 1) {
        const { data } = await post<Desk.DecisionResponse>(`/billing/payments/${ids[0]}/${action}`, body);
        return [data.data];
      }
      const { data } = await post<Desk.BulkResponse>('/billing/payments/bulk', { action, ids, ...body });
      return data.data;
    },
    [post]
  );
};
