import { Flex, Tabs } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { IntegrationsPanel } from '../components/IntegrationsPanel';
import { RecordsPanel } from '../components/RecordsPanel';
import { PERMISSIONS } from '../pluginId';

const Content = () => {
  // useRBAC names each permission by its action's last segment: canManage.
  const { allowedActions, isLoading } = useRBAC(PERMISSIONS.manage);
  if (isLoading) return <Page.Loading />;
  const canManage = allowedActions.canManage === true;
  return (
    <Layouts.Root>
      <Page.Title>Publishing</Page.Title>
      <Layouts.Header
        title="Publishing"
        subtitle={canManage ? 'WordPress sites of every account: connect, test, disconnect; publish content; retry failed and cancel pending records' : 'WordPress sites of every account, and publishing records (read only)'}
      />
      <Layouts.Content>
        <Tabs.Root defaultValue="records">
          <Tabs.List aria-label="Publishing">
            <Tabs.Trigger value="records">Publishing records</Tabs.Trigger>
            <Tabs.Trigger value="integrations">Site integrations</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="records">
            <Flex direction="column" alignItems="stretch" paddingTop={4}>
              <RecordsPanel canManage={canManage} />
            </Flex>
          </Tabs.Content>
          <Tabs.Content value="integrations">
            <Flex direction="column" alignItems="stretch" paddingTop={4}>
              <IntegrationsPanel canManage={canManage} />
            </Flex>
          </Tabs.Content>
        </Tabs.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};

/** Staff publishing page (plugin::publishing.read; actions need plugin::publishing.manage). */
const PublishingPage = () => (
  <Page.Main>
    <Page.Protect permissions={PERMISSIONS.read}>
      <Content />
    </Page.Protect>
  </Page.Main>
);

export default PublishingPage;
