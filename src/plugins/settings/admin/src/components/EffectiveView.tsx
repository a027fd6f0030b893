import * as React from 'react';
import { Badge, Box, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';

type Sourced = { value: unknown; source: string };
export interface Effective {
  integration: Record<string, Sourced>;
  keys: Record<string, { configured: boolean; last4: string | null; keySource: string }>;
  modules: Record<string, Sourced>;
  publishing: Record<string, Sourced>;
  override: { active: boolean; ignoredBecause: string | null };
}

const SOURCE_COLOURS: Record<string, string> = { global: 'neutral', account: 'primary', plan: 'secondary', platform: 'neutral' };
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** Every effective value of an account with where it came from. Keys show only configured/last4 and who pays. */
export const EffectiveView = ({ effective }: { effective: Effective }) => {
  const rows: Array<[string, string, string]> = [
    ...Object.entries(effective.integration).map(([k, v]) => [`integration.${k}`, show(v.value), v.source] as [string, string, string]),
    ...Object.entries(effective.keys).map(([k, v]) => [`key.${k}`, v.configured ? `configured ••••${v.last4 ?? ''}` : 'not configured', v.keySource] as [string, string, string]),
    ...Object.entries(effective.modules).map(([k, v]) => [`module.${k}`, show(v.value), v.source] as [string, string, string]),
    ...Object.entries(effective.publishing).map(([k, v]) => [`publishing.${k}`, show(v.value), v.source] as [string, string, string]),
  ];
  return (
    <Box>
      <Box paddingBottom={3}>
        <Typography>
          Override: {effective.override.active ? 'in force' : effective.override.ignoredBecause ? `ignored (${effective.override.ignoredBecause})` : 'none'}
        </Typography>
      </Box>
      <Table colCount={3} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">Setting</Typography></Th>
            <Th><Typography variant="sigma">Value</Typography></Th>
            <Th><Typography variant="sigma">Source</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map(([name, value, source]) => (
            <Tr key={name}>
              <Td><Typography>{name}</Typography></Td>
              <Td><Typography>{value}</Typography></Td>
              <Td><Badge active={SOURCE_COLOURS[source] === 'primary'}>{source}</Badge></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
