import * as React from 'react';
import { Badge, Flex, Typography } from '@strapi/design-system';
import { loadAccountHealth, type AccountHealthRow } from './account-health-loader';

const LEVEL: Record<AccountHealthRow['level'], { label: string; text: string; bg: string }> = {
  good: { label: 'Good', text: 'success700', bg: 'success100' },
  'at-risk': { label: 'At risk', text: 'warning700', bg: 'warning100' },
  critical: { label: 'Critical', text: 'danger700', bg: 'danger100' },
};

const useAccountHealth = (id: number | undefined) => {
  const [state, setState] = React.useState<{ status: 'loading' } | { status: 'error' } | { status: 'ready'; row: AccountHealthRow | null }>({ status: 'loading' });
  React.useEffect(() => {
    if (!id) return undefined;
    let live = true;
    loadAccountHealth(id).then(
      (row) => live && setState({ status: 'ready', row }),
      () => live && setState({ status: 'error' })
    );
    return () => {
      live = false;
    };
  }, [id]);
  return state;
};

/** The list-view cell: score and level, reasons in the tooltip. */
export const AccountHealthBadge = ({ id }: { id: number }) => {
  const state = useAccountHealth(id);
  if (state.status !== 'ready' || !state.row) return <Typography textColor="neutral500">{state.status === 'error' ? '' : '…'}</Typography>;
  const { score, level, reasons } = state.row;
  return (
    <span title={reasons.map((r) => r.message).join('\n') || 'No issues'} data-testid={`account-health-${id}`}>
      <Badge textColor={LEVEL[level].text} backgroundColor={LEVEL[level].bg}>
        {score} {LEVEL[level].label}
      </Badge>
    </span>
  );
};

/** The edit-view panel body: score, level and every reason with the points it cost. */
export const AccountHealthDetails = ({ id }: { id: number }) => {
  const state = useAccountHealth(id);
  if (state.status === 'loading') return <Typography>Loading…</Typography>;
  if (state.status === 'error' || !state.row) return <Typography textColor="neutral600">Not available.</Typography>;
  const { score, level, reasons } = state.row;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="account-health-panel">
      <Flex gap={2}>
        <Typography variant="beta">{score}</Typography>
        <Badge textColor={LEVEL[level].text} backgroundColor={LEVEL[level].bg}>{LEVEL[level].label}</Badge>
      </Flex>
      {reasons.length ? (
        reasons.map((r) => (
          <Typography key={r.code} variant="pi">
            −{r.penalty}: {r.message}
          </Typography>
        ))
      ) : (
        <Typography variant="pi" textColor="neutral600">No issues found.</Typography>
      )}
    </Flex>
  );
};
