import * as React from 'react';
import { Button, Field, Flex, Modal, Radio, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage, saveBlob, type Selection } from '../api';

interface Props {
  model: string;
  /** Rows the user ticked, if any: offered beside "all matching the current filters". */
  documentIds: string[];
  listQuery: { filters?: unknown; _q?: string };
  onClose: () => void;
}

/** Choose the rows (selected, or all matching the filters, resolved on the server) and the format; download. */
export const ExportModal = ({ model, documentIds, listQuery, onClose }: Props) => {
  const { get } = useFetchClient();
  const [scope, setScope] = React.useState<'selected' | 'all'>(documentIds.length ? 'selected' : 'all');
  const [format, setFormat] = React.useState<'csv' | 'xlsx'>('csv');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    const selection: Selection =
      scope === 'selected' ? { uid: model, documentIds } : { uid: model, query: { ...(listQuery.filters ? { filters: listQuery.filters } : {}), ...(listQuery._q ? { _q: listQuery._q } : {}) } };
    try {
      // GET: the admin fetch client honours `responseType: 'blob'` only there (POST always parses JSON).
      const res = await get(`/import-export/export?request=${encodeURIComponent(JSON.stringify({ selection, format }))}`, { responseType: 'blob' } as any);
      saveBlob(res.data as Blob, `${model.split('.').pop()}-${new Date().toISOString().slice(0, 10)}.${format}`);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root name="scope">
            <Field.Label>Rows</Field.Label>
            <Radio.Group value={scope} onValueChange={(v: string) => setScope(v as 'selected' | 'all')} aria-label="Rows">
              {documentIds.length > 0 && <Radio.Item value="selected">The {documentIds.length} selected rows</Radio.Item>}
              <Radio.Item value="all">All rows matching the current filters</Radio.Item>
            </Radio.Group>
          </Field.Root>
          <Field.Root name="format">
            <Field.Label>Format</Field.Label>
            <Radio.Group value={format} onValueChange={(v: string) => setFormat(v as 'csv' | 'xlsx')} aria-label="Format">
              <Radio.Item value="csv">CSV</Radio.Item>
              <Radio.Item value="xlsx">Excel (XLSX)</Radio.Item>
            </Radio.Group>
          </Field.Root>
          <Typography variant="pi" textColor="neutral600">
            Relations are written by their readable key (a keyword's site by its domain), so the file can be edited and imported back.
          </Typography>
          {error && (
            <Typography textColor="danger600" role="alert">
              {error}
            </Typography>
          )}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button variant="tertiary" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={download} loading={busy}>
          Download
        </Button>
      </Modal.Footer>
    </>
  );
};
