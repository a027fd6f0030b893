import * as React from 'react';
import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';

/** Shared pieces of the plugin's admin pages: a polled GET, a titled section, a simple table. */
export type Load<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T };

export const useAdminGet = <T,>(url: string, everyMs = 0) => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<Load<T>>({ status: 'loading' });
  const load = React.useCallback(
    () =>
      get<{ data: T }>(url).then(
        ({ data }) => setState({ status: 'ready', data: data.data }),
        (error: any) => setState({ status: 'error', message: error?.response?.status === 403 ? 'You do not have the permission for this section.' : 'Could not load.' })
      ),
    [get, url]
  );
  React.useEffect(() => {
    void load();
    if (!everyMs) return undefined;
    const timer = setInterval(load, everyMs);
    return () => clearInterval(timer);
  }, [load, everyMs]);
  return { state, reload: load };
};

export const Section = ({ title, testId, children, action }: { title: string; testId: string; children: React.ReactNode; action?: React.ReactNode }) => (
  <Box background="neutral0" shadow="tableShadow" hasRadius padding={6} data-testid={testId}>
    <Flex justifyContent="space-between" paddingBottom={4}>
      <Typography tag="h2" variant="delta">
        {title}
      </Typography>
      {action}
    </Flex>
    {children}
  </Box>
);

export function Loaded<T>({ state, children }: { state: Load<T>; children: (data: T) => React.ReactNode }) {
  if (state.status === 'loading') return <Typography>Loading…</Typography>;
  if (state.status === 'error') return <Typography textColor="neutral600">{state.message}</Typography>;
  return <>{children(state.data)}</>;
}

export const SimpleTable = ({ head, rows }: { head: string[]; rows: React.ReactNode[][] }) => (
  <Table colCount={head.length} rowCount={rows.length + 1}>
    <Thead>
      <Tr>
        {head.map((h) => (
          <Th key={h}>
            <Typography variant="sigma">{h}</Typography>
          </Th>
        ))}
      </Tr>
    </Thead>
    <Tbody>
      {rows.map((cells, i) => (
        <Tr key={i}>
          {cells.map((c, j) => (
            <Td key={j}>{typeof c === 'string' || typeof c === 'number' ? <Typography>{c}</Typography> : c}</Td>
          ))}
        </Tr>
      ))}
    </Tbody>
  </Table>
);

