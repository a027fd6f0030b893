import * as React from 'react';
import { Box, Button, Field, Flex, Modal, ProgressBar, Radio, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, type ActionDescriptor, type DryRun, type Run, type Selection } from '../api';
import { CreditEstimateTable } from './CreditEstimateTable';
import { ParamsForm } from './ParamsForm';

interface Props {
  model: string;
  actions: ActionDescriptor[];
  documentIds: string[];
  listQuery: { filters?: unknown; _q?: string };
  onClose: () => void;
}

const FINISHED = new Set(['completed', 'cancelled', 'failed']);

/** Choose, check (dry run), run, and follow a bulk action. "All matching" sends the list's filters, never ids. */
export const BulkActionsModal = ({ model, actions, documentIds, listQuery, onClose }: Props) => {
  const { post, get } = useFetchClient();
  const [actionId, setActionId] = React.useState(actions[0].id);
  const [scope, setScope] = React.useState<'selected' | 'all'>('selected');
  const [params, setParams] = React.useState<Record<string, unknown>>({});
  const [reason, setReason] = React.useState('');
  const [dry, setDry] = React.useState<DryRun | null>(null);
  const [run, setRun] = React.useState<Run | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);
  const action = actions.find((a) => a.id === actionId)!;

  const selection: Selection = scope === 'all' ? { uid: model, query: { ...(listQuery.filters ? { filters: listQuery.filters } : {}), ...(listQuery._q ? { _q: listQuery._q } : {}) } } : { uid: model, documentIds };
  const body = { action: actionId, selection, params, ...(reason.trim() ? { reason: reason.trim() } : {}) };
  React.useEffect(() => setDry(null), [actionId, scope, JSON.stringify(params)]);

  const call = async <T,>(fn: () => Promise<T>) => {
    setBusy(true);
    setError(null);
    try {
      return await fn();
    } catch (e) {
      setError(errorMessage(e));
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const check = () => call(async () => setDry((await post<{ data: DryRun }>('/bulk-actions/dry-run', body)).data.data));
  const start = () => call(async () => setRun((await post<{ data: Run }>('/bulk-actions/run', body)).data.data));
  const cancel = () => run && call(async () => setRun((await post<{ data: Run }>(`/bulk-actions/runs/${run.id}/cancel`)).data.data));
  const report = () =>
    run &&
    call(async () => {
      const res = await get(`/bulk-actions/runs/${run.id}/failures.csv`, { responseType: 'blob' } as any);
      const url = URL.createObjectURL(res.data as Blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: `bulk-run-${run.id}-failures.csv` });
      link.click();
      URL.revokeObjectURL(url);
    });

  // Follow a job until it finishes.
  React.useEffect(() => {
    if (!run || FINISHED.has(run.status)) return;
    const timer = setInterval(async () => {
      try {
        setRun((await get<{ data: Run }>(`/bulk-actions/runs/${run.id}`)).data.data);
      } catch (e) {
        setError(errorMessage(e));
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [run?.id, run?.status]);

  const percent = run ? Math.round((run.processed * 100) / Math.max(run.total, 1)) : 0;
  const missingReason = action.reasonRequired && !reason.trim();

  return (
    <>
      <Modal.Body>
        {!run ? (
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Field.Root name="action">
              <Field.Label>Action</Field.Label>
              <SingleSelect value={actionId} onChange={(v) => (setActionId(String(v)), setParams({}))}>
                {actions.map((a) => (
                  <SingleSelectOption key={a.id} value={a.id}>
                    {a.label}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              {action.description ? (
                <Typography variant="pi" textColor="neutral600">
                  {action.description}
                </Typography>
              ) : null}
            </Field.Root>
            <Radio.Group value={scope} onValueChange={(v: string) => setScope(v as 'selected' | 'all')} aria-label="Selection">
              <Radio.Item value="selected">The {documentIds.length} selected rows</Radio.Item>
              <Radio.Item value="all">{action.scope === 'trash' ? 'All trashed rows matching the current filters' : 'All rows matching the current filters'}</Radio.Item>
            </Radio.Group>
            <ParamsForm schema={action.paramsSchema} value={params} onChange={setParams} />
            <Field.Root name="reason" required={action.reasonRequired}>
              <Field.Label>Reason {action.reasonRequired ? '' : '(optional)'}</Field.Label>
              <Textarea value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
            </Field.Root>
            {dry ? (
              <Box background="neutral100" padding={3} hasRadius data-testid="bulk-dry-run">
                <Typography tag="p">
                  {dry.matched} records match; {dry.willChange} will change{dry.inline ? '' : ' (runs as a background job)'}.
                </Typography>
                {dry.notes?.map((note) => (
                  <Typography key={note} tag="p" variant="pi">
                    {note}
                  </Typography>
                ))}
                {dry.estimate?.perAccount.length ? <CreditEstimateTable estimate={dry.estimate} /> : null}
              </Box>
            ) : null}
          </Flex>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={3} data-testid="bulk-run">
            <Typography>
              Run #{run.id}: {run.status}. {run.processed} of {run.total} processed, {run.changed} changed, {run.failed} failed.
            </Typography>
            <ProgressBar value={run.status === 'completed' ? 100 : percent} />
            {run.error ? <Typography textColor="danger600">{run.error}</Typography> : null}
          </Flex>
        )}
        {error ? (
          <Typography tag="p" textColor="danger600" paddingTop={3}>
            {error}
          </Typography>
        ) : null}
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          Close
        </Button>
        {!run && !dry ? (
          <Button onClick={check} loading={busy} disabled={missingReason}>
            Check what will change
          </Button>
        ) : null}
        {!run && dry ? (
          <Button variant={action.variant === 'danger' ? 'danger' : 'default'} onClick={start} loading={busy} disabled={missingReason || dry.willChange === 0}>
            Run on {dry.willChange} records
          </Button>
        ) : null}
        {run && !FINISHED.has(run.status) ? (
          <Button variant="danger-light" onClick={cancel} loading={busy}>
            Cancel run
          </Button>
        ) : null}
        {run && FINISHED.has(run.status) && run.failed > 0 ? (
          <Button variant="secondary" onClick={report}>
            Download failures (CSV)
          </Button>
        ) : null}
      </Modal.Footer>
    </>
  );
};
