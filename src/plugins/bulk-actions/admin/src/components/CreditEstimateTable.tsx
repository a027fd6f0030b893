import { Badge, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import type { DryRun } from '../api';

const n = (value: number) => value.toLocaleString();

/** A credit-spending action's dry run: what each account would pay against what it has, short ones first. */
export const CreditEstimateTable = ({ estimate }: { estimate: NonNullable<DryRun['estimate']> }) => (
  <Table colCount={5} rowCount={estimate.perAccount.length + 1} data-testid="bulk-credit-estimate">
    <Thead>
      <Tr>
        <Th>
          <Typography variant="sigma">Account</Typography>
        </Th>
        <Th>
          <Typography variant="sigma">Rows</Typography>
        </Th>
        <Th>
          <Typography variant="sigma">Credits</Typography>
        </Th>
        <Th>
          <Typography variant="sigma">Available</Typography>
        </Th>
        <Th>
          <Typography variant="sigma">Fits</Typography>
        </Th>
      </Tr>
    </Thead>
    <Tbody>
      {estimate.perAccount.map((row) => (
        <Tr key={row.accountId}>
          <Td>
            <Typography>{row.accountName ?? `#${row.accountId}`}</Typography>
          </Td>
          <Td>
            <Typography>{n(row.items)}</Typography>
          </Td>
          <Td>
            <Typography>{n(row.credits)}</Typography>
          </Td>
          <Td>
            <Typography>{n(row.available)}</Typography>
          </Td>
          <Td>{row.fits ? <Badge active>yes</Badge> : <Badge textColor="danger600" backgroundColor="danger100">short by {n(row.shortBy)}</Badge>}</Td>
        </Tr>
      ))}
    </Tbody>
  </Table>
);
