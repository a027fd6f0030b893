import { Flex, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page, useRBAC } from '@strapi/strapi/admin';
import { CreditAdjustmentForm } from '../components/CreditAdjustmentForm';
import { PaymentQueue } from '../components/PaymentQueue';
import { PERMISSIONS } from '../pluginId';

/** useRBAC names each by its action's last segment: canApprove, canAdjust. */
const DECIDING = [...PERMISSIONS.approve, ...PERMISSIONS.adjust];

const DeskContent = () => {
  const { allowedActions, isLoading } = useRBAC(DECIDING);
  if (isLoading) return <Page.Loading />;
  const canDecide = allowedActions.canApprove === true;
  const canAdjust = allowedActions.canAdjust === true;

  return (
    <Layouts.Root>
      <Page.Title>Payment approvals</Page.Title>
      <Layouts.Header
        title="Payment approvals"
        subtitle={canDecide ? 'Manual payments waiting for approval: approve or reject one or many' : 'Manual payments waiting for approval (read only: approving needs the Billing Administrator role)'}
      />
      <Layouts.Content>
        <Tabs.Root defaultValue="payments">
          <Tabs.List aria-label="Billing desk">
            <Tabs.Trigger value="payments">Payments</Tabs.Trigger>
            {canAdjust && <Tabs.Trigger value="adjustments">Credit adjustments</Tabs.Trigger>}
          </Tabs.List>
          <Tabs.Content value="payments">
            <Flex direction="column" alignItems="stretch" paddingTop={4}>
              <PaymentQueue canDecide={canDecide} />
            </Flex>
          </Tabs.Content>
          {canAdjust && (
            <Tabs.Content value="adjustments">
              <Flex direction="column" alignItems="stretch" paddingTop={4} gap={2}>
                <Typography textColor="neutral600">Every adjustment is a ledger row with your name and the reason; it cannot be edited, only reversed by another adjustment.</Typography>
                <CreditAdjustmentForm />
              </Flex>
            </Tabs.Content>
          )}
        </Tabs.Root>
      </Layouts.Content>
    </Layouts.Root>
  );
};

/** The payment approval desk (plugin::billing.payments.read) with staff credit adjustments (plugin::credits.ledger.adjust). */
const ApprovalDeskPage = () => (
  <Page.Main>
    <Page.Protect permissions={PERMISSIONS.read}>
      <DeskContent />
    </Page.Protect>
  </Page.Main>
);

export default ApprovalDeskPage;
