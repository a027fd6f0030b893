import * as React from 'react';
import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { errorMessage } from '../../../../billing/admin/src/utils/errorMessage';
import type { DoctorCheck, Integration } from '../types';
import { DoctorChecks } from './DoctorChecks';
import { TextField } from './TextField';

const EMPTY = { accountId: '', site: '', baseUrl: '', username: '', applicationPassword: '' };

/**
 * Staff connect a WordPress site for any account (`POST /publishing/accounts/:accountId/integrations`,
 * plugin::publishing.manage on the server). The answer is the connection doctor's report; the password
 * is cleared from the form at once and never shown again.
 */
export const ConnectSiteForm = ({ onConnected }: { onConnected: () => void }) => {
  const { post } = useFetchClient();
  const [form, setForm] = React.useState(EMPTY);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<string | null>(null);
  const [report, setReport] = React.useState<{ ok: boolean; checks: DoctorCheck[] } | null>(null);
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [key]: key === 'accountId' ? value.replace(/\D/g, '') : value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setReport(null);
    try {
      const { accountId, ...body } = form;
      if (!accountId) throw new Error('accountId: is required');
      const { data } = await post<{ data: { integration: Integration; report: { ok: boolean; checks: DoctorCheck[] } } }>(`/publishing/accounts/${accountId}/integrations`, body);
      setReport(data.data.report);
      setForm((f) => ({ ...f, applicationPassword: '' }));
      onConnected();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box tag="form" onSubmit={submit} background="neutral0" padding={4} hasRadius shadow="tableShadow" data-testid="connect-site-form">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          Connect a site for an account
        </Typography>
        <Grid.Root gap={3}>
          <Grid.Item col={2} s={12}>
            <TextField name="accountId" label="Account id" value={form.accountId} onChange={set('accountId')} required />
          </Grid.Item>
          <Grid.Item col={4} s={12}>
            <TextField name="site" label="Site (documentId)" value={form.site} onChange={set('site')} hint="The account's site record" required />
          </Grid.Item>
          <Grid.Item col={6} s={12}>
            <TextField name="baseUrl" label="WordPress address" placeholder="https://example.com" value={form.baseUrl} onChange={set('baseUrl')} required />
          </Grid.Item>
          <Grid.Item col={6} s={12}>
            <TextField name="username" label="WordPress user name" value={form.username} onChange={set('username')} hint="The login name, not the password's label" required />
          </Grid.Item>
          <Grid.Item col={6} s={12}>
            <TextField name="applicationPassword" label="Application password" type="password" value={form.applicationPassword} onChange={set('applicationPassword')} hint="Users > Profile > Application Passwords; stored encrypted, never shown again" required />
          </Grid.Item>
        </Grid.Root>
        <Flex gap={2}>
          <Button type="submit" loading={busy} disabled={busy}>
            Connect and test
          </Button>
        </Flex>
        {failure && (
          <Typography textColor="danger600" data-testid="connect-failure">
            {failure}
          </Typography>
        )}
        {report && (
          <Flex direction="column" alignItems="stretch" gap={2} data-testid="connect-report" data-ok={String(report.ok)}>
            <Typography fontWeight="bold" textColor={report.ok ? 'success600' : 'danger600'}>
              {report.ok ? 'Connected: every check passed' : 'Saved, but the connection doctor found a problem'}
            </Typography>
            <DoctorChecks checks={report.checks} />
          </Flex>
        )}
      </Flex>
    </Box>
  );
};
