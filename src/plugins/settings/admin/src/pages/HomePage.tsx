import * as React from 'react';
import { Alert, Box, Flex, Loader, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { AccountPicker } from '../components/AccountPicker';
import { EffectiveView, type Effective } from '../components/EffectiveView';
import { KeyField } from '../components/KeyField';
import { ValuesForm } from '../components/ValuesForm';
import { PERMISSIONS, PROVIDERS, type AccountRow, type GlobalSettings, type Override } from '../constants';

// useRBAC names an action after its last segment, so `settings.manage` and `settings.keys.manage` would
// both be `canManage`: one call per action.
const usePermissions = () => {
  const manage = useRBAC(PERMISSIONS.manage);
  const keys = useRBAC(PERMISSIONS.keys);
  return { isLoading: manage.isLoading || keys.isLoading, canManage: !!manage.allowedActions.canManage, canKeys: !!keys.allowedActions.canManage };
};

const GlobalTab = () => {
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canManage, canKeys } = usePermissions();
  const [data, setData] = React.useState<GlobalSettings | null>(null);
  const load = React.useCallback(async () => setData((await get<{ data: GlobalSettings }>('/settings/global')).data.data), [get]);
  React.useEffect(() => void load(), [load]);
  if (!data) return <Loader>Loading global settings</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Box>
        <Typography variant="delta" tag="h2">Platform API keys</Typography>
        <Flex direction="column" alignItems="stretch" gap={4} paddingTop={3}>
          {PROVIDERS.map((p) => (
            <KeyField key={p} provider={p} info={data.keys[p]} basePath="/settings/global" testPath={`/settings/global/test/${p}`} canWrite={canKeys} onChanged={load} />
          ))}
        </Flex>
      </Box>
      <Box>
        <Typography variant="delta" tag="h2">Defaults</Typography>
        <Box paddingTop={3}>
          <ValuesForm
            initial={data}
            canWrite={canManage}
            onSubmit={async (values) => {
              setData((await put<{ data: GlobalSettings }>('/settings/global', values)).data.data);
              toggleNotification({ type: 'success', message: 'Global settings saved' });
            }}
          />
        </Box>
      </Box>
    </Flex>
  );
};

const OverrideTab = ({ account }: { account: AccountRow }) => {
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canManage, canKeys } = usePermissions();
  const [data, setData] = React.useState<Override | null>(null);
  const base = `/settings/accounts/${account.id}/override`;
  const load = React.useCallback(async () => setData((await get<{ data: Override }>(base)).data.data), [get, base]);
  React.useEffect(() => void load(), [load]);
  if (!data) return <Loader>Loading the override</Loader>;
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      {!data.allowed ? (
        <Alert variant="warning" title="Plan limit" closeLabel="Close">
          The {data.plan ?? 'current'} plan does not allow own API keys (allowsOwnApiKeys): this override is stored but ignored.
        </Alert>
      ) : null}
      <Flex direction="column" alignItems="stretch" gap={4}>
        {PROVIDERS.map((p) => (
          <KeyField key={p} provider={p} info={data.keys[p]} basePath={base} testPath={`/settings/accounts/${account.id}/test/${p}`} canWrite={canKeys} onChanged={load} />
        ))}
      </Flex>
      <ValuesForm
        initial={data}
        override
        canWrite={canManage}
        onSubmit={async (values) => {
          setData((await put<{ data: Override }>(base, values)).data.data);
          toggleNotification({ type: 'success', message: `Override for ${account.name} saved` });
        }}
      />
    </Flex>
  );
};

const EffectiveTab = ({ account }: { account: AccountRow }) => {
  const { get } = useFetchClient();
  const [data, setData] = React.useState<Effective | null>(null);
  React.useEffect(() => {
    void get<{ data: Effective }>(`/settings/accounts/${account.id}/effective`).then((r) => setData(r.data.data));
  }, [account.id]);
  return data ? <EffectiveView effective={data} /> : <Loader>Resolving</Loader>;
};

const HomePage = () => {
  const [account, setAccount] = React.useState<AccountRow | null>(null);
  const { isLoading } = usePermissions();
  if (isLoading) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>Platform settings</Page.Title>
      <Layouts.Header title="Platform settings" subtitle="Global AI integration settings, per-account overrides, and the effective settings of any account with their sources" />
      <Layouts.Content>
        <Tabs.Root defaultValue="global">
          <Tabs.List aria-label="Settings sections">
            <Tabs.Trigger value="global">Global</Tabs.Trigger>
            <Tabs.Trigger value="override">Account override</Tabs.Trigger>
            <Tabs.Trigger value="effective">Effective settings</Tabs.Trigger>
          </Tabs.List>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Tabs.Content value="global">
              <GlobalTab />
            </Tabs.Content>
            <Tabs.Content value="override">
              <AccountPicker onSelect={setAccount} />
              <Box paddingTop={4}>{account ? <OverrideTab key={account.id} account={account} /> : <Typography>Choose an account.</Typography>}</Box>
            </Tabs.Content>
            <Tabs.Content value="effective">
              <AccountPicker onSelect={setAccount} />
              <Box paddingTop={4}>{account ? <EffectiveTab key={account.id} account={account} /> : <Typography>Choose an account.</Typography>}</Box>
            </Tabs.Content>
          </Box>
        </Tabs.Root>
      </Layouts.Content>
    </Page.Main>
  );
};

const ProtectedHomePage = () => (
  <Page.Protect permissions={PERMISSIONS.read}>
    <HomePage />
  </Page.Protect>
);

export default ProtectedHomePage;
