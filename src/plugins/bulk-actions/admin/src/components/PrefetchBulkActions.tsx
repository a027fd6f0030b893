import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { loadActions } from '../actionsCache';

/** The list view's model, from the URL (/content-manager/collection-types/<uid>). */
const modelFromPath = (pathname: string) => /\/collection-types\/([^/?]+)/.exec(pathname)?.[1];

/**
 * Renders nothing: mounted in the Content Manager list view header (`listView.actions`), it loads the
 * bulk actions of the type as the list opens, so the "Bulk actions…" button is ready when rows are
 * selected (see actionsCache.ts). Each visit refreshes the list (permissions may have changed).
 */
export const PrefetchBulkActions = () => {
  const { get } = useFetchClient();
  const model = modelFromPath(window.location.pathname);
  React.useEffect(() => {
    if (model) void loadActions(get as never, decodeURIComponent(model));
  }, [model]);
  return null;
};
