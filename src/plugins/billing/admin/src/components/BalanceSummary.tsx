import { Badge, Flex, Typography } from '@strapi/design-system';
import type { CreditAdjustment } from '../../../shared/contracts/desk';
import { formatCredits } from '../utils/format';

/** An account's balance after an adjustment, per pool. */
export const BalanceSummary = ({ accountId, balance, replayed }: { accountId: number; balance: CreditAdjustment.Balance; replayed: boolean }) => (
  <Flex direction="column" alignItems="stretch" gap={2} data-testid="adjustment-balance">
    <Typography tag="h3" variant="delta">
      Account #{accountId} balance
    </Typography>
    <Flex gap={4} wrap="wrap">
      <Typography>
        Plan: <span data-testid="balance-plan">{formatCredits(balance.plan)}</span>
      </Typography>
      <Typography>
        Bonus: <span data-testid="balance-bonus">{formatCredits(balance.bonus)}</span>
      </Typography>
      <Typography>
        Held: <span data-testid="balance-held">{formatCredits(balance.held)}</span>
      </Typography>
      <Typography>
        Available: <span data-testid="balance-available">{formatCredits(balance.available)}</span>
      </Typography>
      {replayed && <Badge variant="warning">Replayed: nothing moved this time</Badge>}
    </Flex>
  </Flex>
);
