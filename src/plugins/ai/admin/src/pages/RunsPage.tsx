import * as React from 'react';
import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';

interface Run {
  id: number;
  function: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  accountId: number;
  provider: string | null;
  model: string | null;
  credits: number;
  estimate: { credits: number };
  attempts: number;
  round: number;
  progress: { done: number; total: number } | null;
  error: { kind: string; reason: string; message: string } | null;
  createdAt: string;
}

const STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
const BADGE: Record<Run['status'], { bg: string; fg: string }> = {
  queued: { bg: 'neutral150', fg: 'neutral700' },
  running: { bg: 'primary100', fg: 'primary700' },
  succeeded: { bg: 'success100', fg: 'success700' },
  failed: { bg: 'danger100', fg: 'danger700' },
  cancelled: { bg: 'warning100', fg: 'warning700' },
};

/** Staff view of AI runs across accounts. The routes check `plugin::ai.runs.read` / `.manage`. */
const RunsPage = () => {
  const { get, post } = useFetchClient();
  const [status, setStatus] = React.useState<string>('');
  const [runs, setRuns] = React.useState<Run[] | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);

  const load = React.useCallback(async () => {
    try {
      const { data } = await get<{ data: Run[] }>(`/ai/runs?pageSize=50${status ? `&status=${status}` : ''}`);
      setRuns(data.data);
    } catch (error: any) {
      setMessage(error?.response?.status === 403 ? 'You do not have the permission to view AI runs.' : 'Could not load the runs.');
    }
  }, [get, status]);

  React.useEffect(() => {
    void load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [load]);

  const act = async (run: Run, action: 'retry' | 'cancel') => {
    try {
      await post(`/ai/runs/${run.id}/${action}`, {});
      setMessage(`Run ${run.id}: ${action === 'retry' ? 'queued again' : 'cancelled'}.`);
    } catch (error: any) {
      setMessage(error?.response?.data?.error?.message ?? `Could not ${action} run ${run.id}.`);
    }
    await load();
  };

  return (
    <Page.Main>
      <Layouts.Header title="AI runs" subtitle="Every account's AI runs, newest first. Retry failed runs; cancel queued or running ones (their credit hold is released)." />
      <Layouts.Content>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <Box width="240px">
            <SingleSelect aria-label="Status" placeholder="All statuses" value={status} onChange={(value: string | number) => setStatus(String(value))} onClear={() => setStatus('')}>
              {STATUSES.map((s) => (
                <SingleSelectOption key={s} value={s}>
                  {s}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          {message ? <Typography data-testid="ai-runs-message">{message}</Typography> : null}
        </Flex>
        <Box background="neutral0" shadow="tableShadow" hasRadius data-testid="ai-runs">
          {runs === null ? (
            <Box padding={6}>
              <Typography>Loading…</Typography>
            </Box>
          ) : (
            <Table colCount={8} rowCount={runs.length + 1}>
              <Thead>
                <Tr>
                  {['Run', 'Function', 'Account', 'Status', 'Credits', 'Model', 'Error', ''].map((h) => (
                    <Th key={h}>
                      <Typography variant="sigma">{h}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {runs.map((run) => (
                  <Tr key={run.id} data-testid={`ai-run-${run.id}`}>
                    <Td>
                      <Typography>{run.id}</Typography>
                    </Td>
                    <Td>
                      <Typography>{run.function}</Typography>
                    </Td>
                    <Td>
                      <Typography>{run.accountId}</Typography>
                    </Td>
                    <Td>
                      <Badge backgroundColor={BADGE[run.status].bg} textColor={BADGE[run.status].fg} data-testid="ai-run-status">
                        {run.status}
                      </Badge>
                      {run.progress && run.progress.total > 1 ? <Typography textColor="neutral600"> {run.progress.done}/{run.progress.total}</Typography> : null}
                    </Td>
                    <Td>
                      <Typography>{run.status === 'succeeded' ? run.credits : `~${run.estimate.credits}`}</Typography>
                    </Td>
                    <Td>
                      <Typography>{[run.provider, run.model].filter(Boolean).join(' / ') || '-'}</Typography>
                    </Td>
                    <Td>
                      <Typography textColor="danger600" title={run.error?.message}>
                        {run.error ? `${run.error.reason}: ${run.error.message.slice(0, 80)}` : ''}
                      </Typography>
                    </Td>
                    <Td>
                      {run.status === 'failed' ? (
                        <Button variant="secondary" size="S" onClick={() => void act(run, 'retry')}>
                          Retry
                        </Button>
                      ) : null}
                      {run.status === 'queued' || run.status === 'running' ? (
                        <Button variant="danger-light" size="S" onClick={() => void act(run, 'cancel')}>
                          Cancel
                        </Button>
                      ) : null}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default RunsPage;
