import { Button, Checkbox, Flex, Td, Tr, Typography } from '@strapi/design-system';
import type { Desk } from '../../../shared/contracts/desk';
import { formatCredits, formatDateTime, formatMoney, methodLabel } from '../utils/format';
import { PaymentStatusBadge } from './PaymentStatusBadge';
import { ProofLink } from './ProofLink';

export interface PaymentRowProps {
  payment: Desk.Payment;
  /** The viewer holds plugin::billing.payments.approve: selection and decision buttons are shown. */
  canDecide: boolean;
  selected: boolean;
  busy: boolean;
  onSelect: (id: number, selected: boolean) => void;
  onDecide: (action: Desk.Action, ids: number[]) => void;
}

export const PaymentRow = ({ payment, canDecide, selected, busy, onSelect, onDecide }: PaymentRowProps) => {
  const pending = payment.status === 'pending_approval';
  const invoice = payment.invoice;
  return (
    <Tr data-testid={`payment-row-${payment.id}`} data-reference={payment.reference ?? ''}>
      {canDecide && (
        <Td>
          <Checkbox aria-label={`Select payment ${payment.id}`} checked={selected} disabled={!pending || busy} onCheckedChange={(checked) => onSelect(payment.id, checked === true)} />
        </Td>
      )}
      <Td>
        <Typography fontWeight="bold">{payment.account?.name ?? '-'}</Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {payment.account ? `${payment.account.slug} (#${payment.account.id})` : ''}
        </Typography>
      </Td>
      <Td>
        <Typography>{invoice?.number ?? '-'}</Typography>
        <Typography variant="pi" textColor="neutral600" tag="p">
          {invoice ? `${invoice.type.replace(/_/g, ' ')}${invoice.credits ? `, ${formatCredits(invoice.credits)} credits` : ''}` : ''}
        </Typography>
      </Td>
      <Td>
        <Typography>{formatMoney(payment.amount, payment.currency)}</Typography>
      </Td>
      <Td>
        <Typography>{methodLabel(payment.method)}</Typography>
      </Td>
      <Td>
        <Typography>{payment.reference ?? '-'}</Typography>
      </Td>
      <Td>
        <ProofLink url={payment.proofUrl} />
      </Td>
      <Td>
        <Typography>{formatDateTime(payment.createdAt)}</Typography>
      </Td>
      <Td>
        <PaymentStatusBadge status={payment.status} />
      </Td>
      {canDecide && (
        <Td>
          {pending && (
            <Flex gap={2}>
              <Button size="S" variant="success-light" disabled={busy} onClick={() => onDecide('approve', [payment.id])}>
                Approve
              </Button>
              <Button size="S" variant="danger-light" disabled={busy} onClick={() => onDecide('reject', [payment.id])}>
                Reject
              </Button>
            </Flex>
          )}
        </Td>
      )}
    </Tr>
  );
};
