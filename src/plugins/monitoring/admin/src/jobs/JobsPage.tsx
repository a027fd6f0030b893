import * as React from 'react';
import { Badge, Box, Button, Field, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import { permission } from '../pluginId';
import { Section, SimpleTable } from '../components/common';

const STATES = ['failed', 'waiting', 'active', 'delayed', 'completed'] as const;
const FIELDS = [
  { name: 'accountId', label: 'Account id' },
  { name: 'name', label: 'Operation (job name)' },
  { name: 'record', label: 'Record id' },
  { name: 'text', label: 'Error text' },
] as const;
type Filter = { state: (typeof STATES)[number]; queue: string } & Record<(typeof FIELDS)[number]['name'], string>;

const query = (filter: Partial<Filter>) =>
  Object.entries(filter)
    .filter(([, v]) => v !== '' && v !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

const errorMessage = (error: any) =>
  error?.response?.status === 403 ? 'You do not have the permission for this.' : error?.response?.data?.error?.message ?? 'Could not load the jobs.';

/**
 * Our job list beside bull-board: find a tenant's jobs across queues by account, operation, record and
 * error text, see the credits each carried, and retry every failed job matching the filter.
 */
const JobsPage = () => {
  const { get, post } = useFetchClient();
  const { allowedActions } = useRBAC({ manage: permission('queueConsoleManage') });
  const [filter, setFilter] = React.useState<Filter>({ state: 'failed', queue: '', accountId: '', name: '', record: '', text: '' });
  const [queues, setQueues] = React.useState<string[]>([]);
  const [result, setResult] = React.useState<{ status: 'idle' | 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: any }>({ status: 'idle' });
  const [notice, setNotice] = React.useState('');

  const search = React.useCallback(
    async (f: Filter) => {
      setResult({ status: 'loading' });
      try {
        const { data } = await get<{ data: any }>(`/monitoring/jobs?${query(f)}`);
        setResult({ status: 'ready', data: data.data });
      } catch (error) {
        setResult({ status: 'error', message: errorMessage(error) });
      }
    },
    [get]
  );
  React.useEffect(() => {
    void search(filter);
    get<{ data: any }>('/monitoring/widgets/queues').then(({ data }) => setQueues(data.data.queues.map((q: any) => q.name)), () => undefined);
    // Only on first render: later searches are explicit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const retry = async () => {
    const { state: _state, ...rest } = filter;
    const body = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '').map(([k, v]) => [k, k === 'accountId' ? Number(v) : v]));
    try {
      const { data } = await post<{ data: { matched: number; retried: number; errors: string[] } }>('/monitoring/jobs/retry', body);
      setNotice(`Retried ${data.data.retried} of ${data.data.matched} failed jobs${data.data.errors.length ? ` (${data.data.errors.length} errors)` : ''}.`);
      await search(filter);
    } catch (error) {
      setNotice(errorMessage(error));
    }
  };

  return (
    <Page.Main>
      <Page.Protect permissions={permission('queueConsoleRead')}>
        <Page.Title>Jobs</Page.Title>
        <Layouts.Header
          title="Jobs"
          subtitle="Find jobs across queues by account, operation, record and error; retry the failed ones"
          navigationAction={<RouterLink to="..">Back to Monitoring</RouterLink>}
        />
        <Layouts.Content>
          <Flex direction="column" alignItems="stretch" gap={6}>
            <Box background="neutral0" shadow="tableShadow" hasRadius padding={6}>
              <form
                data-testid="jobs-filter"
                onSubmit={(e) => {
                  e.preventDefault();
                  setNotice('');
                  void search(filter);
                }}
              >
                <Flex gap={4} wrap="wrap" alignItems="flex-end">
                  <Field.Root name="state">
                    <Field.Label>State</Field.Label>
                    <SingleSelect value={filter.state} onChange={(v: string | number) => setFilter({ ...filter, state: v as Filter['state'] })}>
                      {STATES.map((s) => (
                        <SingleSelectOption key={s} value={s}>{s}</SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                  <Field.Root name="queue">
                    <Field.Label>Queue</Field.Label>
                    <SingleSelect value={filter.queue} onChange={(v: string | number) => setFilter({ ...filter, queue: String(v) })} placeholder="All queues">
                      <SingleSelectOption value="">All queues</SingleSelectOption>
                      {queues.map((q) => (
                        <SingleSelectOption key={q} value={q}>{q}</SingleSelectOption>
                      ))}
                    </SingleSelect>
                  </Field.Root>
                  {FIELDS.map((f) => (
                    <Field.Root key={f.name} name={f.name}>
                      <Field.Label>{f.label}</Field.Label>
                      <TextInput value={filter[f.name]} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setFilter({ ...filter, [f.name]: e.target.value })} />
                    </Field.Root>
                  ))}
                  <Button type="submit">Search</Button>
                  {allowedActions.canManage && filter.state === 'failed' ? (
                    <Button type="button" variant="danger-light" onClick={() => void retry()} data-testid="jobs-retry">
                      Retry all matching failed jobs
                    </Button>
                  ) : null}
                </Flex>
              </form>
              {notice ? <Box paddingTop={4}><Typography data-testid="jobs-notice">{notice}</Typography></Box> : null}
            </Box>
            <Section title="Matching jobs" testId="jobs-list">
              {result.status === 'ready' ? (
                <>
                  <Box paddingBottom={2}>
                    <Typography textColor="neutral600">
                      {result.data.total} matching (newest first; the last {result.data.scannedPerQueue} jobs per queue and state are searched)
                    </Typography>
                  </Box>
                  <SimpleTable
                    head={['Queue', 'Job', 'Operation', 'Account', 'Record', 'Credits', 'Cost (USD)', 'Attempts', 'Error', 'Created']}
                    rows={result.data.jobs.map((j: any) => [
                      j.queue,
                      j.id,
                      j.name,
                      j.accountId ?? '',
                      j.record ?? '',
                      j.credits ?? j.ledger?.credits ?? '',
                      j.usdCost ?? j.ledger?.usdCost ?? '',
                      j.attemptsMade,
                      j.failedReason ? <Badge key="e">{String(j.failedReason).slice(0, 120)}</Badge> : '',
                      new Date(j.createdAt).toLocaleString(),
                    ])}
                  />
                </>
              ) : (
                <Typography textColor="neutral600">{result.status === 'error' ? result.message : 'Loading…'}</Typography>
              )}
            </Section>
          </Flex>
        </Layouts.Content>
      </Page.Protect>
    </Page.Main>
  );
};

export default JobsPage;
