import * as React from 'react';
import { Badge, Box, Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../../../billing/admin/src/utils/errorMessage';
import { useStaffList } from '../hooks/useStaffList';
import type { Integration } from '../types';
import { AccountFilter } from './AccountFilter';
import { ConnectSiteForm } from './ConnectSiteForm';
import { DoctorChecks } from './DoctorChecks';

const COLUMNS = ['Account', 'Site', 'WordPress', 'Status', 'Connection doctor'];
const STATUS_TONE = { connected: ['success100', 'success700'], error: ['danger100', 'danger700'], unknown: ['neutral100', 'neutral600'] } as const;

/** Every account's site integrations (or one account's) with the doctor's last report; staff may connect one for an account, re-test and disconnect. */
export const IntegrationsPanel = ({ canManage }: { canManage: boolean }) => {
  const [accountId, setAccountId] = React.useState('');
  const { state, reload } = useStaffList<Integration>('/publishing/integrations', { accountId });
  const { post, del } = useFetchClient();
  const [testing, setTesting] = React.useState<string | null>(null);
  const [failure, setFailure] = React.useState<string | null>(null);

  const act = async (documentId: string, call: () => Promise<unknown>) => {
    setTesting(documentId);
    setFailure(null);
    try {
      await call();
      reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setTesting(null);
    }
  };
  const test = (documentId: string) => act(documentId, () => post(`/publishing/integrations/${documentId}/test`, {}));
  // Forgets the password and cancels the site's pending requests; history and remote post ids stay.
  const disconnect = (documentId: string) => act(documentId, () => del(`/publishing/integrations/${documentId}`));

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {canManage && <ConnectSiteForm onConnected={reload} />}
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
                    <Flex gap={2}>
                      <Button size="S" variant="secondary" loading={testing === row.documentId} disabled={!row.applicationPassword.configured || testing !== null} onClick={() => test(row.documentId)}>
                        Test connection
                      </Button>
                      <Button size="S" variant="danger-light" disabled={!row.applicationPassword.configured || testing !== null} onClick={() => disconnect(row.documentId)}>
                        Disconnect
                      </Button>
                    </Flex>
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
