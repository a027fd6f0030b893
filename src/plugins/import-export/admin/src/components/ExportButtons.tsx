import * as React from 'react';
import { Button, Modal } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { loadDatasets } from '../api';
import { ExportModal } from './ExportModal';

/** Whether this admin may export the type (the server lists only what the user may read and export). */
const useExportable = (model: string | undefined) => {
  const { get } = useFetchClient();
  const [exportable, setExportable] = React.useState(false);
  React.useEffect(() => {
    let live = true;
    if (model) loadDatasets(get).then((list) => live && setExportable(list.some((d) => d.uid === model && d.export)));
    return () => {
      live = false;
    };
  }, [model]);
  return exportable;
};

/** The list view's model, from the URL (/content-manager/collection-types/<uid>). */
const modelFromPath = () => /collection-types\/([^/?]+)/.exec(window.location.pathname)?.[1];

/** "Export" in the list view header (injection zone `listView.actions`): the whole filtered list. */
export const ExportListButton = () => {
  const model = modelFromPath();
  const [{ query }] = useQueryParams<{ filters?: unknown; _q?: string }>();
  const [open, setOpen] = React.useState(false);
  const exportable = useExportable(model);
  if (!model || !exportable) return null;
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Download />}>
          Export
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>Export</Modal.Title>
        </Modal.Header>
        <ExportModal model={model} documentIds={[]} listQuery={{ filters: query?.filters, _q: query?._q }} onClose={() => setOpen(false)} />
      </Modal.Content>
    </Modal.Root>
  );
};

interface ListViewContext {
  model: string;
  collectionType: string;
  documents: Array<{ documentId: string }>;
}

/** A Content Manager bulk action: export the ticked rows (or all matching) from the selection bar. */
export const ExportBulkAction = ({ model, collectionType, documents }: ListViewContext) => {
  const [{ query }] = useQueryParams<{ filters?: unknown; _q?: string }>();
  const exportable = useExportable(collectionType === 'collection-types' ? model : undefined);
  if (!exportable) return null;
  const Content = ({ onClose }: { onClose: () => void }) => (
    <ExportModal model={model} documentIds={documents.map((d) => d.documentId)} listQuery={{ filters: query?.filters, _q: query?._q }} onClose={onClose} />
  );
  return { label: 'Export…', variant: 'secondary' as const, dialog: { type: 'modal' as const, title: 'Export', content: Content } };
};
