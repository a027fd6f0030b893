import * as React from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { summarise, type AuditEntry, type Pagination } from '../api';
import { PERMISSIONS } from '../pluginId';

interface Filters {
  contentType: string;
  actor: string;
  action: string;
  source: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { contentType: '', actor: '', action: '', source: '', from: '', to: '' };

const AuditList = () => {
  const { get } = useFetchClient();
  const [types, setTypes] = React.useState<Array<{ uid: string; displayName: string }>>([]);
  const [draft, setDraft] = React.useState<Filters>(EMPTY);
  const [filters, setFilters] = React.useState<Filters>(EMPTY);
  const [page, setPage] = React.useState(1);
  const [entries, setEntries] = React.useState<AuditEntry[]>([]);
  const [pagination, setPagination] = React.useState<Pagination | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    get('/audit/content-types').then((res: any) => setTypes(res.data.data)).catch(() => setTypes([]));
  }, []);

  React.useEffect(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: '25' });
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
    get(`/audit/entries?${params.toString()}`)
      .then((res: any) => (setEntries(res.data.data), setPagination(res.data.meta.pagination), setError(null)))
      .catch((e: any) => setError(e?.response?.data?.error?.message ?? 'Could not load the audit trail'));
  }, [page, JSON.stringify(filters)]);

  const set = (key: keyof Filters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: keyof Filters, label: string, placeholder?: string) => (
    <Field.Root name={key}>
      <Field.Label>{label}</Field.Label>
      <TextInput placeholder={placeholder} value={draft[key]} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set(key)(e.target.value)} />
    </Field.Root>
  );

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Field.Root name="contentType">
          <Field.Label>Content type</Field.Label>
          <SingleSelect value={draft.contentType} onChange={(v) => set('contentType')(String(v))} placeholder="Any">
            <SingleSelectOption value="">Any</SingleSelectOption>
            {types.map((t) => (
              <SingleSelectOption key={t.uid} value={t.uid}>
                {t.displayName}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="source">
          <Field.Label>Source</Field.Label>
          <SingleSelect value={draft.source} onChange={(v) => set('source')(String(v))} placeholder="Any">
            <SingleSelectOption value="">Any</SingleSelectOption>
            <SingleSelectOption value="document">Edits</SingleSelectOption>
            <SingleSelectOption value="bulk">Bulk actions</SingleSelectOption>
            <SingleSelectOption value="service">Services</SingleSelectOption>
          </SingleSelect>
        </Field.Root>
        {text('actor', 'Who', 'admin:1 or an email')}
        {text('action', 'Action', 'update, bulk:soft-delete…')}
        {text('from', 'From', 'YYYY-MM-DD')}
        {text('to', 'Before', 'YYYY-MM-DD')}
        <Button onClick={() => (setPage(1), setFilters(draft))}>Apply</Button>
        <Button variant="tertiary" onClick={() => (setPage(1), setDraft(EMPTY), setFilters(EMPTY))}>
          Reset
        </Button>
      </Flex>
      {error ? <Typography textColor="danger600">{error}</Typography> : null}
      <Table colCount={6} rowCount={entries.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">When</Typography></Th>
            <Th><Typography variant="sigma">Who</Typography></Th>
            <Th><Typography variant="sigma">What</Typography></Th>
            <Th><Typography variant="sigma">Record</Typography></Th>
            <Th><Typography variant="sigma">Changes</Typography></Th>
            <Th><Typography variant="sigma">Reason</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {entries.map((e) => (
            <Tr key={e.id}>
              <Td><Typography>{new Date(e.occurredAt).toLocaleString()}</Typography></Td>
              <Td><Typography>{e.actorEmail ?? e.actor}</Typography></Td>
              <Td><Typography>{e.action}</Typography></Td>
              <Td><Typography>{e.contentType.split('.').pop()} {e.documentId ?? ''}</Typography></Td>
              <Td><Box maxWidth="40rem"><Typography ellipsis>{summarise(e)}</Typography></Box></Td>
              <Td><Typography>{e.reason ?? ''}</Typography></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {pagination ? (
        <Flex justifyContent="space-between">
          <Typography variant="pi" textColor="neutral600">
            {pagination.total} entries, page {Math.min(pagination.page, Math.max(pagination.pageCount, 1))} of {Math.max(pagination.pageCount, 1)}
          </Typography>
          <Flex gap={2}>
            <Button variant="tertiary" size="S" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous</Button>
            <Button variant="tertiary" size="S" disabled={page >= pagination.pageCount} onClick={() => setPage(page + 1)}>Next</Button>
          </Flex>
        </Flex>
      ) : null}
    </Flex>
  );
};

/** The filterable audit list (plugin::audit.entries.read). */
const AuditPage = () => (
  <Page.Main>
    <Page.Protect permissions={PERMISSIONS.read}>
      <Layouts.Root>
        <Page.Title>Audit trail</Page.Title>
        <Layouts.Header title="Audit trail" subtitle="Who changed what, when and why: edits of accounts, payments, plans, subscriptions, credit costs and settings, and every bulk action" />
        <Layouts.Content>
          <AuditList />
        </Layouts.Content>
      </Layouts.Root>
    </Page.Protect>
  </Page.Main>
);

export default AuditPage;
