import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import type { Desk } from '../../../shared/contracts/desk';

/** The statuses the desk filters by; pending (the approval queue) is the default. */
export const FILTER_STATUSES: Array<{ value: Desk.PaymentStatus; label: string }> = [
  { value: 'pending_approval', label: 'Pending approval' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'failed', label: 'Failed' },
];

export const StatusFilter = ({ value, onChange }: { value: Desk.PaymentStatus; onChange: (status: Desk.PaymentStatus) => void }) => (
  <Field.Root name="status" id="billing-desk-status">
    <Field.Label>Status</Field.Label>
    <SingleSelect value={value} onChange={(next) => onChange(next as Desk.PaymentStatus)} data-testid="billing-desk-status">
      {FILTER_STATUSES.map((s) => (
        <SingleSelectOption key={s.value} value={s.value}>
          {s.label}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Field.Root>
);
