import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

type State<T> = { status: 'loading' } | { status: 'error' } | { status: 'ready'; data: T };

/** Loads a widget's data route and refreshes it every `everyMs` while the homepage is open. */
export const useWidgetData = <T,>(name: string, everyMs = 30_000): State<T> => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<State<T>>({ status: 'loading' });
  React.useEffect(() => {
    let live = true;
    const load = () =>
      get<{ data: T }>(`/monitoring/widgets/${name}`).then(
        ({ data }) => live && setState({ status: 'ready', data: data.data }),
        () => live && setState((s) => (s.status === 'ready' ? s : { status: 'error' }))
      );
    void load();
    const timer = setInterval(load, everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [get, name, everyMs]);
  return state;
};
