import * as React from 'react';
import { Box, EmptyStateLayout, Flex, Loader, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { Desk } from '../../../shared/contracts/desk';
import { useDecisions } from '../hooks/useDecisions';
import { usePayments } from '../hooks/usePayments';
import { errorMessage } from '../utils/errorMessage';
import { BulkActionBar } from './BulkActionBar';
import { DecisionModal, type DecisionRequest } from './DecisionModal';
import { DecisionResults } from './DecisionResults';
import { PaymentTable } from './PaymentTable';
import { Pager } from './Pager';
import { StatusFilter } from './StatusFilter';

const PAGE_SIZE = 25;

/** The approval queue: filter, page, select, decide (one or many), and the outcome per payment. */
export const PaymentQueue = ({ canDecide }: { canDecide: boolean }) => {
  const [status, setStatus] = React.useState<Desk.PaymentStatus>('pending_approval');
  const [page, setPage] = React.useState(1);
  const { state, reload } = usePayments({ status, page, pageSize: PAGE_SIZE });
  const decide = useDecisions();
  const { toggleNotification } = useNotification();
  const [selected, setSelected] = React.useState<Set<number>>(new Set());
  const [request, setRequest] = React.useState<DecisionRequest | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [last, setLast] = React.useState<{ action: Desk.Action; results: Desk.BulkResult[]; invoices: Record<number, string | undefined> } | null>(null);

  const payments = state.status === 'ready' ? state.payments : [];
  React.useEffect(() => setSelected(new Set()), [status, page]);

  const onSelect = React.useCallback((id: number, on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const onSelectAll = (on: boolean) => setSelected(on ? new Set(payments.filter((p) => p.status === 'pending_approval').map((p) => p.id)) : new Set());
  const onDecide = React.useCallback((action: Desk.Action, ids: number[]) => setRequest({ action, ids }), []);

  const onConfirm = async ({ action, ids }: DecisionRequest, text: string) => {
    setBusy(true);
    const invoices = Object.fromEntries(payments.map((p) => [p.id, p.invoice?.number]));
    try {
      const results = await decide({ action, ids, ...(action === 'reject' ? { reason: text } : text ? { notes: text } : {}) });
      const failed = results.filter((r) => 'error' in r).length;
      setLast({ action, results, invoices });
      toggleNotification({
        type: failed ? 'warning' : 'success',
        message: `${action === 'approve' ? 'Approved' : 'Rejected'} ${results.length - failed} of ${results.length} payment${results.length === 1 ? '' : 's'}`,
      });
    } catch (error) {
      setLast({ action, results: ids.map((paymentId) => ({ paymentId, error: { status: (error as { status?: number }).status ?? 0, name: 'Error', message: errorMessage(error) } })), invoices });
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setBusy(false);
      setRequest(null);
      setSelected(new Set());
      reload();
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex justifyContent="space-between" alignItems="flex-end" gap={4}>
        <Box minWidth="240px">
          <StatusFilter
            value={status}
            onChange={(next) => {
              setStatus(next);
              setPage(1);
            }}
          />
        </Box>
        {canDecide && selected.size > 0 && <BulkActionBar count={selected.size} busy={busy} onDecide={(action) => onDecide(action, [...selected])} onClear={() => setSelected(new Set())} />}
      </Flex>
      {last && <DecisionResults {...last} />}
      <Box background="neutral0" shadow="tableShadow" hasRadius padding={4}>
        {state.status === 'loading' && <Loader>Loading payments</Loader>}
        {state.status === 'error' && <Typography textColor="danger600">Could not load payments: {state.message}</Typography>}
        {state.status === 'ready' && !state.payments.length && <EmptyStateLayout content={status === 'pending_approval' ? 'No payments are waiting for approval' : 'No payments with this status'} />}
        {state.status === 'ready' && state.payments.length > 0 && (
          <>
            <PaymentTable payments={state.payments} canDecide={canDecide} selected={selected} busy={busy} onSelect={onSelect} onSelectAll={onSelectAll} onDecide={onDecide} />
            <Pager pagination={state.pagination} onPage={setPage} />
          </>
        )}
      </Box>
      <DecisionModal request={request} busy={busy} onCancel={() => setRequest(null)} onConfirm={onConfirm} />
    </Flex>
  );
};
