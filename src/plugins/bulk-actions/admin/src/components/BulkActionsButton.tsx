import * as React from 'react';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { loadActions, useCachedActions } from '../actionsCache';
import { BulkActionsModal } from './BulkActionsModal';

interface ListViewContext {
  model: string;
  collectionType: string;
  documents: Array<{ documentId: string }>;
}

/**
 * A Content Manager bulk action "description component": it may use hooks. It lists the actions the
 * server says this user may run on the type, read from the cache the list view filled when it opened
 * (the description must be there on the first render, see actionsCache.ts); none means no button.
 */
export const BulkActionsButton = ({ model, collectionType, documents }: ListViewContext) => {
  const { get } = useFetchClient();
  const [{ query }] = useQueryParams<{ filters?: unknown; _q?: string }>();
  const isCollection = collectionType === 'collection-types';
  const actions = useCachedActions(isCollection ? model : undefined);

  // Opened without the list view's prefetch (or it failed): load now, the button follows.
  React.useEffect(() => {
    if (isCollection && !actions.length) void loadActions(get as never, model);
  }, [model, isCollection]);

  const documentIds = documents.map((d) => d.documentId);
  const filters = query?.filters;
  const q = query?._q;
  // One component per selection and query: a new one on every render would remount the open modal.
  const Content = React.useMemo(
    () =>
      function BulkActionsContent({ onClose }: { onClose: () => void }) {
        return <BulkActionsModal model={model} actions={actions} documentIds={documentIds} listQuery={{ filters, _q: q }} onClose={onClose} />;
      },
    [model, actions, documentIds.join(','), JSON.stringify(filters ?? null), q]
  );

  if (!isCollection || !actions.length) return null;
  return { label: 'Bulk actions…', variant: 'secondary' as const, dialog: { type: 'modal' as const, title: 'Bulk actions', content: Content } };
};
