import * as React from 'react';
import { Badge, Box, Button, Checkbox, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../../../billing/admin/src/utils/errorMessage';
import { Pager } from '../../../../billing/admin/src/components/Pager';
import { useStaffList } from '../hooks/useStaffList';
import type { Pagination, PublishingRecord, RecordStatus } from '../types';
import { AccountFilter } from './AccountFilter';
import { PublishContentForm } from './PublishContentForm';

const STATUSES: Array<{ value: RecordStatus | 'all'; label: string }> = [
  { value: 'all', label: 'Any status' },
  { value: 'failed', label: 'Failed' },
  { value: 'pending', label: 'Pending' },
  { value: 'published', label: 'Published' },
  { value: 'retracted', label: 'Retracted' },
  { value: 'cancelled', label: 'Cancelled' },
];
const TONE: Record<RecordStatus, [string, string]> = {
  pending: ['warning100', 'warning700'],
  published: ['success100', 'success700'],
  failed: ['danger100', 'danger700'],
  retracted: ['neutral100', 'neutral700'],
  cancelled: ['neutral100', 'neutral600'],
};
const COLUMNS = ['Record', 'Content', 'Action', 'Status', 'Attempts', 'Requested', 'Error / post'];

/** A record can be acted on in bulk when it is failed (retry) or pending (cancel). */
const actionable = (r: PublishingRecord) => r.status === 'failed' || r.status === 'pending';

/** Publishing records of every account with filters; staff retry failed ones and cancel pending ones in bulk. */
export const RecordsPanel = ({ canManage }: { canManage: boolean }) => {
  const [status, setStatus] = React.useState<RecordStatus | 'all'>('failed');
  const [accountId, setAccountId] = React.useState('');
  const [page, setPage] = React.useState(1);
  const { state, reload } = useStaffList<PublishingRecord, { pagination: Pagination }>('/publishing/records', { status: status === 'all' ? undefined : status, accountId, page, pageSize: 25 });
  const { post } = useFetchClient();
  const [selected, setSelected] = React.useState<Set<number>>(new Set());
  const [busy, setBusy] = React.useState(false);
  const [outcome, setOutcome] = React.useState<{ tone: 'success600' | 'danger600'; text: string } | null>(null);

  React.useEffect(() => {
    setSelected(new Set());
    setPage((p) => (p === 1 ? p : 1));
  }, [status, accountId]);

  const rows = state.status === 'ready' ? state.data : [];
  const chosen = rows.filter((r) => selected.has(r.id));
  const failed = chosen.filter((r) => r.status === 'failed').map((r) => r.id);
  const pending = chosen.filter((r) => r.status === 'pending').map((r) => r.id);
  const toggle = (id: number, on: boolean) => setSelected((s) => new Set([...s].filter((x) => x !== id).concat(on ? [id] : [])));

  const run = async (action: 'retry' | 'cancel', ids: number[]) => {
    setBusy(true);
    setOutcome(null);
    try {
      const { data } = await post<{ data: { retried?: number[]; skipped?: number[]; cancelled?: number[] } }>(`/publishing/records/${action}`, { ids });
      const done = action === 'retry' ? data.data.retried ?? [] : data.data.cancelled ?? [];
      setOutcome({ tone: 'success600', text: `${action === 'retry' ? 'Retried' : 'Cancelled'} ${done.length} of ${ids.length}` });
      setSelected(new Set());
      reload();
    } catch (error) {
      setOutcome({ tone: 'danger600', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {canManage && <PublishContentForm onRequested={reload} />}
      <Flex gap={4} alignItems="flex-start">
        <Box minWidth="200px">
          <Field.Root name="status" id="publishing-records-status">
            <Field.Label>Status</Field.Label>
            <SingleSelect value={status} onChange={(next) => setStatus(next as RecordStatus | 'all')} data-testid="records-status">
              {STATUSES.map((s) => (
                <SingleSelectOption key={s.value} value={s.value}>
                  {s.label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box maxWidth="240px">
          <AccountFilter id="publishing-records-account" value={accountId} onChange={setAccountId} />
        </Box>
      </Flex>
      {canManage && (
        <Flex gap={2} data-testid="records-bulk">
          <Typography variant="omega" fontWeight="semiBold">
            {chosen.length} selected
          </Typography>
          <Button size="S" disabled={busy || !failed.length} onClick={() => run('retry', failed)}>
            Retry failed ({failed.length})
          </Button>
          <Button size="S" variant="danger-light" disabled={busy || !pending.length} onClick={() => run('cancel', pending)}>
            Cancel pending ({pending.length})
          </Button>
        </Flex>
      )}
      {outcome && (
        <Typography textColor={outcome.tone} data-testid="records-outcome">
          {outcome.text}
        </Typography>
      )}
      {state.status === 'loading' && <Typography>Loading records...</Typography>}
      {state.status === 'error' && <Typography textColor="danger600">{state.message}</Typography>}
      {state.status === 'ready' && rows.length === 0 && <Typography data-testid="records-empty">No publishing records match.</Typography>}
      {state.status === 'ready' && rows.length > 0 && (
        <>
          <Table colCount={COLUMNS.length + (canManage ? 1 : 0)} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {canManage && (
                  <Th>
                    <Checkbox
                      aria-label="Select every failed or pending record on this page"
                      checked={rows.some(actionable) && rows.filter(actionable).every((r) => selected.has(r.id))}
                      disabled={busy || !rows.some(actionable)}
                      onCheckedChange={(on) => setSelected(on === true ? new Set(rows.filter(actionable).map((r) => r.id)) : new Set())}
                    />
                  </Th>
                )}
                {COLUMNS.map((c) => (
                  <Th key={c}>
                    <Typography variant="sigma">{c}</Typography>
                  </Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.id} data-testid={`record-row-${r.id}`} data-status={r.status}>
                  {canManage && (
                    <Td>
                      <Checkbox aria-label={`Select record ${r.id}`} checked={selected.has(r.id)} disabled={busy || !actionable(r)} onCheckedChange={(on) => toggle(r.id, on === true)} />
                    </Td>
                  )}
                  <Td>
                    <Typography>#{r.id}</Typography>
                  </Td>
                  <Td>
                    <Typography>{r.contentDocumentId}</Typography>
                  </Td>
                  <Td>
                    <Typography>{r.action}</Typography>
                  </Td>
                  <Td>
                    <Badge backgroundColor={TONE[r.status][0]} textColor={TONE[r.status][1]}>
                      {r.status}
                    </Badge>
                    {r.scheduledFor && r.status === 'pending' && (
                      <Typography variant="pi" textColor="neutral600" tag="p">
                        scheduled {new Date(r.scheduledFor).toLocaleString()}
                      </Typography>
                    )}
                  </Td>
                  <Td>
                    <Typography>{r.attempts}</Typography>
                  </Td>
                  <Td>
                    <Typography variant="pi">{new Date(r.createdAt).toLocaleString()}</Typography>
                    <Typography variant="pi" textColor="neutral600" tag="p">
                      {r.requestedBy ?? ''}
                    </Typography>
                  </Td>
                  <Td>
                    {r.error ? (
                      <Typography variant="pi" textColor="danger600">
                        {r.error}
                      </Typography>
                    ) : r.externalUrl ? (
                      <Typography variant="pi">
                        <a href={r.externalUrl} target="_blank" rel="noopener noreferrer">
                          {r.externalUrl}
                        </a>
                      </Typography>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          <Pager pagination={state.meta.pagination} onPage={setPage} noun="record" />
        </>
      )}
    </Flex>
  );
};
