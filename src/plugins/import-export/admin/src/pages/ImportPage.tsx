import * as React from 'react';
import { Badge, Box, Button, Field, Flex, ProgressBar, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, loadDatasets, saveBlob, type ColumnInfo, type Counts, type DatasetInfo, type ImportRecord, type RowOutcome } from '../api';

const NONE = '__none__';
const FINISHED = new Set(['completed', 'cancelled', 'failed']);
const ACTION_BADGE: Record<RowOutcome['action'], string> = { create: 'success', update: 'secondary', skip: 'neutral', error: 'danger' };

const CountsLine = ({ counts }: { counts: Partial<Counts> }) => (
  <Flex gap={2} wrap="wrap">
    <Badge>{counts.total ?? 0} rows</Badge>
    <Badge backgroundColor="success100" textColor="success700">{counts.create ?? 0} create</Badge>
    <Badge backgroundColor="secondary100" textColor="secondary700">{counts.update ?? 0} update</Badge>
    <Badge>{counts.skip ?? 0} unchanged</Badge>
    <Badge backgroundColor="danger100" textColor="danger700">{counts.error ?? 0} rejected</Badge>
  </Flex>
);

const describe = (row: RowOutcome) =>
  row.action === 'error'
    ? (row.errors ?? []).join('; ')
    : row.diff
      ? Object.entries(row.diff)
          .map(([field, d]) => `${field}: ${d.from ?? '∅'} → ${d.to ?? '∅'}`)
          .join('; ')
      : '';

/** Upload, map columns, preview (dry run with per-row outcome and diff), confirm, follow the job, download the rejected rows. */
const ImportContent = () => {
  const { get, post } = useFetchClient();
  const [datasets, setDatasets] = React.useState<DatasetInfo[]>([]);
  const [uid, setUid] = React.useState<string>('');
  const [file, setFile] = React.useState<File | null>(null);
  const [record, setRecord] = React.useState<ImportRecord | null>(null);
  const [columns, setColumns] = React.useState<ColumnInfo[]>([]);
  const [mapping, setMapping] = React.useState<Record<string, string>>({});
  const [preview, setPreview] = React.useState<{ counts: Counts; rows: RowOutcome[] } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [busy, setBusy] = React.useState(false);

  React.useEffect(() => {
    loadDatasets(get).then((list) => setDatasets(list.filter((d) => d.import)));
  }, []);

  const call = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const upload = () =>
    call(async () => {
      const form = new FormData();
      form.append('uid', uid);
      form.append('file', file!);
      const res = await post<{ data: { import: ImportRecord; columns: ColumnInfo[]; suggestedMapping: Record<string, string> } }>('/import-export/imports', form);
      setRecord(res.data.data.import);
      setColumns(res.data.data.columns.filter((c) => !c.readOnly));
      setMapping(res.data.data.suggestedMapping);
      setPreview(null);
    });

  const runPreview = () =>
    call(async () => {
      const res = await post<{ data: { import: ImportRecord; counts: Counts; rows: RowOutcome[] } }>(`/import-export/imports/${record!.id}/preview`, { mapping });
      setPreview({ counts: res.data.data.counts, rows: res.data.data.rows });
      setRecord(res.data.data.import);
    });

  const confirm = () =>
    call(async () => {
      const res = await post<{ data: ImportRecord }>(`/import-export/imports/${record!.id}/run`, { mapping });
      setRecord(res.data.data);
    });

  const report = () =>
    call(async () => {
      const res = await get(`/import-export/imports/${record!.id}/rejected.csv`, { responseType: 'blob' } as any);
      saveBlob(res.data as Blob, `import-${record!.id}-rejected.csv`);
    });

  // Follow the job until it finishes.
  React.useEffect(() => {
    if (!record || !['queued', 'running'].includes(record.status)) return;
    const timer = setInterval(async () => {
      try {
        const res = await get<{ data: ImportRecord }>(`/import-export/imports/${record.id}`);
        setRecord(res.data.data);
      } catch (e) {
        setError(errorMessage(e));
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [record?.id, record?.status]);

  const reset = () => {
    setRecord(null);
    setFile(null);
    setPreview(null);
    setMapping({});
  };

  const running = record && (record.status === 'queued' || record.status === 'running');
  const finished = record && FINISHED.has(record.status);
  const percent = record ? Math.round(((record.counts.total ?? 0) * 100) / Math.max(record.rowsInFile, 1)) : 0;

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      {error && (
        <Box padding={4} background="danger100" hasRadius>
          <Typography textColor="danger700" role="alert">
            {error}
          </Typography>
        </Box>
      )}

      <Box padding={6} background="neutral0" shadow="filterShadow" hasRadius>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography variant="delta" tag="h2">
            1. File
          </Typography>
          <Flex gap={4} alignItems="flex-end">
            <Box minWidth="280px">
              <Field.Root name="uid">
                <Field.Label>Content type</Field.Label>
                <SingleSelect value={uid} onChange={(v: string | number) => setUid(String(v))} placeholder="Choose what to import" disabled={!!record}>
                  {datasets.map((d) => (
                    <SingleSelectOption key={d.uid} value={d.uid}>
                      {d.uid.split('.').pop()} (key: {d.naturalKey.join(' + ')})
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Field.Root name="file">
              <Field.Label>CSV or XLSX file</Field.Label>
              <input aria-label="CSV or XLSX file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={!!record} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </Field.Root>
            {!record ? (
              <Button onClick={upload} disabled={!uid || !file} loading={busy}>
                Upload
              </Button>
            ) : (
              <Button variant="tertiary" onClick={reset} disabled={!!running}>
                Start over
              </Button>
            )}
          </Flex>
          {record && (
            <Typography textColor="neutral600">
              {record.filename}: {record.rowsInFile} rows, columns {record.headers.join(', ')}
            </Typography>
          )}
        </Flex>
      </Box>

      {record && !running && !finished && (
        <Box padding={6} background="neutral0" shadow="filterShadow" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="delta" tag="h2">
              2. Columns
            </Typography>
            <Typography textColor="neutral600">Which column of the file fills each field. Fields marked key identify a record: a row whose key exists updates it, otherwise it creates one.</Typography>
            <Table colCount={3} rowCount={columns.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">Field</Typography></Th>
                  <Th><Typography variant="sigma">Type</Typography></Th>
                  <Th><Typography variant="sigma">Column of the file</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {columns.map((c) => (
                  <Tr key={c.name}>
                    <Td>
                      <Typography fontWeight={c.naturalKey ? 'bold' : undefined}>
                        {c.name} {c.naturalKey && <Badge>key</Badge>} {c.required && !c.naturalKey && <Badge>required</Badge>}
                      </Typography>
                    </Td>
                    <Td><Typography textColor="neutral600">{c.type}</Typography></Td>
                    <Td>
                      <SingleSelect
                        aria-label={`Column for ${c.name}`}
                        value={mapping[c.name] ?? NONE}
                        onChange={(v: string | number) => {
                          const next = { ...mapping };
                          if (v === NONE) delete next[c.name];
                          else next[c.name] = String(v);
                          setMapping(next);
                          setPreview(null);
                        }}
                      >
                        <SingleSelectOption value={NONE}>— not imported —</SingleSelectOption>
                        {record.headers.map((h) => (
                          <SingleSelectOption key={h} value={h}>
                            {h}
                          </SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <Flex gap={2}>
              <Button variant="secondary" onClick={runPreview} loading={busy}>
                Preview (nothing is written)
              </Button>
              {preview && (
                <Button onClick={confirm} loading={busy} disabled={preview.counts.create + preview.counts.update === 0}>
                  Import {preview.counts.create + preview.counts.update} changes
                </Button>
              )}
            </Flex>
          </Flex>
        </Box>
      )}

      {preview && !running && !finished && (
        <Box padding={6} background="neutral0" shadow="filterShadow" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="delta" tag="h2">
              3. Preview
            </Typography>
            <CountsLine counts={preview.counts} />
            {preview.counts.error > 0 && (
              <Box>
                <Button variant="tertiary" onClick={report}>
                  Download the {preview.counts.error} rejected rows
                </Button>
              </Box>
            )}
            <Table colCount={4} rowCount={preview.rows.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">Row</Typography></Th>
                  <Th><Typography variant="sigma">Outcome</Typography></Th>
                  <Th><Typography variant="sigma">Record</Typography></Th>
                  <Th><Typography variant="sigma">Changes or errors</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {preview.rows.map((row) => (
                  <Tr key={row.line}>
                    <Td><Typography>{row.line}</Typography></Td>
                    <Td><Badge data-action={row.action} active={ACTION_BADGE[row.action] !== 'neutral'}>{row.action}</Badge></Td>
                    <Td><Typography>{row.key}</Typography></Td>
                    <Td><Typography textColor={row.action === 'error' ? 'danger600' : 'neutral800'}>{describe(row)}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Flex>
        </Box>
      )}

      {(running || finished) && record && (
        <Box padding={6} background="neutral0" shadow="filterShadow" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Typography variant="delta" tag="h2">
              Import {record.status}
            </Typography>
            <ProgressBar value={record.status === 'completed' ? 100 : percent} />
            <CountsLine counts={record.counts} />
            {record.error && <Typography textColor="danger600">{record.error}</Typography>}
            {finished && (record.counts.error ?? 0) > 0 && (
              <Box>
                <Button variant="secondary" onClick={report}>
                  Download the rejected rows
                </Button>
              </Box>
            )}
          </Flex>
        </Box>
      )}
    </Flex>
  );
};

const ImportPage = () => (
  <Layouts.Root>
    <Page.Title>Import</Page.Title>
    <Layouts.Header title="Import" subtitle="CSV or XLSX into any importable content type: map, preview, confirm. Export from any list view with its Export button." />
    <Layouts.Content>
      <ImportContent />
    </Layouts.Content>
  </Layouts.Root>
);

export default ImportPage;
