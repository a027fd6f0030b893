import * as React from 'react';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import type { ActionDescriptor } from '../api';
import { BulkActionsModal } from './BulkActionsModal';

interface ListViewContext {
  model: string;
  collectionType: string;
  documents: Array<{ documentId: string }>;
}

/**
 * A Content Manager bulk action "description component": it may use hooks. It loads the actions
 * the server says this user may run on the type; none means no button.
 */
export const BulkActionsButton = ({ model, collectionType, documents }: ListViewContext) => {
  const { get } = useFetchClient();
  const [{ query }] = useQueryParams<{ filters?: unknown; _q?: string }>();
  const [actions, setActions] = React.useState<ActionDescriptor[]>([]);

  React.useEffect(() => {
    if (collectionType !== 'collection-types') return;
    let live = true;
    get(`/bulk-actions/actions?uid=${encodeURIComponent(model)}`)
      .then((res: any) => live && setActions(res.data.data))
      .catch(() => live && setActions([]));
    return () => {
      live = false;
    };
  }, [model, collectionType]);

  if (!actions.length) return null;
  const Content = ({ onClose }: { onClose: () => void }) => (
    <BulkActionsModal model={model} actions={actions} documentIds={documents.map((d) => d.documentId)} listQuery={{ filters: query?.filters, _q: query?._q }} onClose={onClose} />
  );
  return { label: 'Bulk actions…', variant: 'secondary' as const, dialog: { type: 'modal' as const, title: 'Bulk actions', content: Content } };
};
