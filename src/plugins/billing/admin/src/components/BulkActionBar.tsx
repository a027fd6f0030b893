import { Button, Flex, Typography } from '@strapi/design-system';
import type { Desk } from '../../../shared/contracts/desk';

/** Shown while payments are selected: decide them all at once through the bulk endpoint. */
export const BulkActionBar = ({ count, busy, onDecide, onClear }: { count: number; busy: boolean; onDecide: (action: Desk.Action) => void; onClear: () => void }) => (
  <Flex gap={2} data-testid="bulk-actions">
    <Typography variant="omega" fontWeight="semiBold">
      {count} selected
    </Typography>
    <Button size="S" variant="success" disabled={busy} onClick={() => onDecide('approve')}>
      Approve selected
    </Button>
    <Button size="S" variant="danger" disabled={busy} onClick={() => onDecide('reject')}>
      Reject selected
    </Button>
    <Button size="S" variant="tertiary" disabled={busy} onClick={onClear}>
      Clear selection
    </Button>
  </Flex>
);
