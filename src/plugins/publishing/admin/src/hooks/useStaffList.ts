import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../../../billing/admin/src/utils/errorMessage';

export type ListState<T, M> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T[]; meta: M };

/** GET one of the staff list routes with `params`; `reload()` fetches it again (after an action). */
export const useStaffList = <T, M = undefined>(url: string, params: Record<string, string | number | undefined>) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<ListState<T, M>>({ status: 'loading' });
  const [version, setVersion] = React.useState(0);
  const key = JSON.stringify(params);

  React.useEffect(() => setState({ status: 'loading' }), [url, key]);
  React.useEffect(() => {
    let live = true;
    const query = Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
    get<{ data: T[]; meta: M }>(url, { params: query }).then(
      ({ data }) => live && setState({ status: 'ready', data: data.data, meta: data.meta }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) })
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [get, url, key, version]);

  const reload = React.useCallback(() => setVersion((v) => v + 1), []);
  return { state, reload };
};
