import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { summarise, type AuditEntry } from '../api';

interface PanelProps {
  model: string;
  documentId?: string;
  collectionType: string;
}

/** Lists the last changes of one document; loads nothing for types that are not audited. */
const History = ({ model, documentId }: { model: string; documentId: string }) => {
  const { get } = useFetchClient();
  const [entries, setEntries] = React.useState<AuditEntry[] | null>(null);
  const [total, setTotal] = React.useState(0);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    get(`/audit/entries?contentType=${encodeURIComponent(model)}&documentId=${encodeURIComponent(documentId)}&pageSize=10`)
      .then((res: any) => live && (setEntries(res.data.data), setTotal(res.data.meta.pagination.total)))
      .catch((e: any) => live && setError(e?.response?.status === 403 ? 'You may not read the audit trail.' : 'Could not load the history.'));
    return () => {
      live = false;
    };
  }, [model, documentId]);

  if (error) return <Typography textColor="neutral600">{error}</Typography>;
  if (!entries) return <Typography textColor="neutral600">Loading…</Typography>;
  if (!entries.length) return <Typography textColor="neutral600">No recorded changes yet.</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="audit-history">
      {entries.map((e) => (
        <Box key={e.id} background="neutral100" padding={2} hasRadius>
          <Typography variant="pi" tag="p" fontWeight="bold">
            {new Date(e.occurredAt).toLocaleString()} · {e.actorEmail ?? e.actor} · {e.action}
          </Typography>
          <Typography variant="pi" tag="p">
            {summarise(e)}
          </Typography>
          {e.reason ? (
            <Typography variant="pi" tag="p" textColor="neutral600">
              Reason: {e.reason}
            </Typography>
          ) : null}
        </Box>
      ))}
      {total > entries.length ? (
        <Typography variant="pi" textColor="neutral600">
          {total - entries.length} older changes in Audit trail.
        </Typography>
      ) : null}
    </Flex>
  );
};

/**
 * Content Manager edit-view side panel (`addEditViewSidePanel`): the document's history from the
 * audit trail. Shown for the audited types only, once the document exists.
 */
export const HistoryPanel = ({ model, documentId, collectionType }: PanelProps) => {
  const { get } = useFetchClient();
  const [audited, setAudited] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    get('/audit/content-types')
      .then((res: any) => live && setAudited(res.data.data.some((t: { uid: string }) => t.uid === model)))
      .catch(() => live && setAudited(false));
    return () => {
      live = false;
    };
  }, [model]);
  if (!audited || !documentId || collectionType !== 'collection-types') return null;
  return { title: 'History (audit trail)', content: <History model={model} documentId={documentId} /> };
};
