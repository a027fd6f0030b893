import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { Desk } from '../../../shared/contracts/desk';

export interface DecisionResultsProps {
  action: Desk.Action;
  results: Desk.BulkResult[];
  /** Invoice numbers by payment id, from the rows the decision was taken on. */
  invoices: Record<number, string | undefined>;
}

const isError = (r: Desk.BulkResult): r is Desk.DecisionError => 'error' in r;

/** Per-payment outcome of the last (bulk) decision: done, already done, or why it was refused. */
export const DecisionResults = ({ action, results, invoices }: DecisionResultsProps) => (
  <Box background="neutral0" shadow="tableShadow" hasRadius padding={4} data-testid="decision-results">
    <Typography tag="h2" variant="delta">
      Last {action === 'approve' ? 'approval' : 'rejection'}: {results.filter((r) => !isError(r)).length} of {results.length} done
    </Typography>
    <Flex direction="column" alignItems="stretch" gap={2} paddingTop={3} tag="ul">
      {results.map((r) => (
        <Flex key={r.paymentId} gap={3} tag="li" data-testid={`decision-result-${r.paymentId}`}>
          <Typography fontWeight="bold">
            Payment #{r.paymentId}
            {invoices[r.paymentId] ? ` (${invoices[r.paymentId]})` : ''}
          </Typography>
          {isError(r) ? (
            <>
              <Badge variant="danger">Error {r.error.status}</Badge>
              <Typography textColor="danger600">{r.error.message}</Typography>
            </>
          ) : (
            <>
              <Badge variant={r.status === 'succeeded' ? 'success' : 'danger'}>{r.status === 'succeeded' ? 'Approved' : 'Rejected'}</Badge>
              {!r.changed && <Typography textColor="neutral600">already {r.status}; nothing changed</Typography>}
            </>
          )}
        </Flex>
      ))}
    </Flex>
  </Box>
);
