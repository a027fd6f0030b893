import { Checkbox, Table, Tbody, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import type { Desk } from '../../../shared/contracts/desk';
import { PaymentRow } from './PaymentRow';

export interface PaymentTableProps {
  payments: Desk.Payment[];
  canDecide: boolean;
  selected: Set<number>;
  busy: boolean;
  onSelect: (id: number, selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  onDecide: (action: Desk.Action, ids: number[]) => void;
}

const COLUMNS = ['Account', 'Invoice', 'Amount', 'Method', 'Reference', 'Proof', 'Submitted', 'Status'];

export const PaymentTable = ({ payments, canDecide, selected, busy, onSelect, onSelectAll, onDecide }: PaymentTableProps) => {
  const selectable = payments.filter((p) => p.status === 'pending_approval');
  const all = selectable.length > 0 && selectable.every((p) => selected.has(p.id));
  const some = selectable.some((p) => selected.has(p.id));
  return (
    <Table colCount={COLUMNS.length + (canDecide ? 2 : 0)} rowCount={payments.length + 1}>
      <Thead>
        <Tr>
          {canDecide && (
            <Th>
              <Checkbox aria-label="Select all pending payments on this page" checked={all ? true : some ? 'indeterminate' : false} disabled={!selectable.length || busy} onCheckedChange={(checked) => onSelectAll(checked === true)} />
            </Th>
          )}
          {COLUMNS.map((c) => (
            <Th key={c}>
              <Typography variant="sigma">{c}</Typography>
            </Th>
          ))}
          {canDecide && (
            <Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Th>
          )}
        </Tr>
      </Thead>
      <Tbody>
        {payments.map((payment) => (
          <PaymentRow key={payment.id} payment={payment} canDecide={canDecide} selected={selected.has(payment.id)} busy={busy} onSelect={onSelect} onDecide={onDecide} />
        ))}
      </Tbody>
    </Table>
  );
};
