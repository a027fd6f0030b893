import * as React from 'react';
import { Badge, Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Link as RouterLink } from 'react-router-dom';
import type { GetNavigation } from '../../../shared/contracts/admin-navigation';
import { PERMISSIONS } from '../pluginId';

type State = { status: 'loading' } | { status: 'error' } | { status: 'ready'; groups: GetNavigation.Group[] };

const GroupTable = ({ group }: { group: GetNavigation.Group }) => (
  <Box background="neutral0" shadow="tableShadow" hasRadius padding={6} data-testid={`admin-group-${group.id}`}>
    <Typography tag="h2" variant="delta">
      {group.label}
    </Typography>
    <Box paddingTop={4}>
      <Table colCount={2} rowCount={group.contentTypes.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">Content type</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">Records</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {group.contentTypes.map((ct) => (
            <Tr key={ct.uid}>
              <Td>
                <RouterLink to={ct.to} data-uid={ct.uid}>
                  <Typography textColor="primary600">{ct.displayName}</Typography>
                </RouterLink>
              </Td>
              <Td>
                <Badge>{ct.count}</Badge>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  </Box>
);

const NavigationContent = () => {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<State>({ status: 'loading' });

  React.useEffect(() => {
    let live = true;
    get<GetNavigation.Response>('/staff/navigation').then(
      ({ data }) => live && setState({ status: 'ready', groups: data.data.groups }),
      () => live && setState({ status: 'error' })
    );
    return () => {
      live = false;
    };
  }, [get]);

  if (state.status === 'loading') return <Page.Loading />;
  if (state.status === 'error') return <Page.Error />;
  return (
    <Layouts.Root>
      <Page.Title>Content by group</Page.Title>
      <Layouts.Header title="Content by group" subtitle="Content types by admin group, with their record counts" />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {state.groups.map((group) => (
            <GroupTable key={group.id} group={group} />
          ))}
        </Flex>
      </Layouts.Content>
    </Layouts.Root>
  );
};

const NavigationPage = () => (
  <Page.Main>
    <Page.Protect permissions={PERMISSIONS.navigation}>
      <NavigationContent />
    </Page.Protect>
  </Page.Main>
);

export default NavigationPage;
