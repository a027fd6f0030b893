import * as React from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../../../billing/admin/src/utils/errorMessage';
import { useStaffList } from '../hooks/useStaffList';
import type { Integration } from '../types';
import { AccountFilter } from './AccountFilter';
import { DoctorChecks } from './DoctorChecks';

const COLUMNS = ['Account', 'Site', 'WordPress', 'Status', 'Connection doctor'];
const STATUS_TONE = { connected: ['success100', 'success700'], error: ['danger100', 'danger700'], unknown: ['neutral100', 'neutral600'] } as const;

/** Every account's site integrations (or one account's) with the doctor's last report; staff may re-test. */
export const IntegrationsPanel = ({ canManage }: { canManage: boolean }) => {
  const [accountId, setAccountId] = React.useState('');
  const { state, reload } = useStaffList<Integration>('/publishing/integrations', { accountId });
  const { post } = useFetchClient();
  const [testing, setTesting] = React.useState<string | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);

  const test = async (documentId: string) => {
    setTesting(documentId);
    setFailure(null);
    try {
      await post(`/publishing/integrations/${documentId}/test`, {});
      reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setTesting(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Box maxWidth="240px">
        <AccountFilter id="publishing-integrations-account" value={accountId} onChange={setAccountId} />
      </Box>
      {failure && <Typography textColor="danger600">{failure}</Typography>}
      {state.status === 'loading' && <Typography>Loading integrations...</Typography>}
      {state.status === 'error' && <Typography textColor="danger600">{state.message}</Typography>}
      {state.status === 'ready' && state.data.length === 0 && <Typography data-testid="integrations-empty">No site integrations.</Typography>}
      {state.status === 'ready' && state.data.length > 0 && (
        <Table colCount={COLUMNS.length + (canManage ? 1 : 0)} rowCount={state.data.length + 1}>
          <Thead>
            <Tr>
              {COLUMNS.map((c) => (
                <Th key={c}>
                  <Typography variant="sigma">{c}</Typography>
                </Th>
              ))}
              {canManage && (
                <Th>
                  <Typography variant="sigma">Actions</Typography>
                </Th>
              )}
            </Tr>
          </Thead>
          <Tbody>
            {state.data.map((row) => (
              <Tr key={row.documentId} data-testid={`integration-row-${row.documentId}`}>
                <Td>
                  <Typography>#{row.accountId ?? '-'}</Typography>
                </Td>
                <Td>
                  <Typography>{row.site?.name ?? '-'}</Typography>
                </Td>
                <Td>
                  <Typography tag="p">{row.baseUrl}</Typography>
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {row.username}, password {row.applicationPassword.configured ? `set (…${row.applicationPassword.last4})` : 'not set (disconnected)'}
                  </Typography>
                </Td>
                <Td>
                  <Badge backgroundColor={STATUS_TONE[row.connectionStatus][0]} textColor={STATUS_TONE[row.connectionStatus][1]} data-testid="integration-status">
                    {row.connectionStatus}
                  </Badge>
                </Td>
                <Td>{row.doctor ? <DoctorChecks checks={row.doctor.checks} /> : <Typography textColor="neutral600">Not tested yet</Typography>}</Td>
                {canManage && (
                  <Td>
                    <Button size="S" variant="secondary" loading={testing === row.documentId} disabled={!row.applicationPassword.configured || testing !== null} onClick={() => test(row.documentId)}>
                      Test connection
                    </Button>
                  </Td>
                )}
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Flex>
  );
};
