import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Desk } from '../../../shared/contracts/desk';
import { errorMessage } from '../utils/errorMessage';

export type PaymentsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; payments: Desk.Payment[]; pagination: Desk.Pagination };

/** One page of GET /billing/payments; `reload()` fetches it again (after a decision). */
export const usePayments = (query: { status: Desk.PaymentStatus; page: number; pageSize: number }) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<PaymentsState>({ status: 'loading' });
  const [version, setVersion] = React.useState(0);

  // Another filter or page: show loading rather than the previous rows (a reload keeps them until it answers).
  React.useEffect(() => setState({ status: 'loading' }), [query.status, query.page, query.pageSize]);

  React.useEffect(() => {
    let live = true;
    get<Desk.ListResponse>('/billing/payments', { params: { status: query.status, page: query.page, pageSize: query.pageSize } }).then(
      ({ data }) => live && setState({ status: 'ready', payments: data.data, pagination: data.meta.pagination }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) })
    );
    return () => {
      live = false;
    };
  }, [get, query.status, query.page, query.pageSize, version]);

  const reload = React.useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
};
