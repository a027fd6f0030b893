import * as React from 'react';
import { Button, Field, Modal, Textarea, Typography } from '@strapi/design-system';
import type { Desk } from '../../../shared/contracts/desk';

export interface DecisionRequest {
  action: Desk.Action;
  ids: number[];
}

export interface DecisionModalProps {
  request: DecisionRequest | null;
  busy: boolean;
  onCancel: () => void;
  /** `text` is the rejection reason (required, 3+ characters) or the optional approval note. */
  onConfirm: (request: DecisionRequest, text: string) => void;
}

const MIN_REASON = 3;

/** Confirms an approval (with an optional note) or a rejection (with a required reason), for one or many payments. */
export const DecisionModal = ({ request, busy, onCancel, onConfirm }: DecisionModalProps) => {
  const [text, setText] = React.useState('');
  React.useEffect(() => setText(''), [request]);
  if (!request) return null;

  const reject = request.action === 'reject';
  const count = request.ids.length;
  const what = count === 1 ? `payment #${request.ids[0]}` : `${count} payments`;
  const missingReason = reject && text.trim().length < MIN_REASON;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!missingReason && !busy) onConfirm(request, text.trim());
  };

  return (
    <Modal.Root open onOpenChange={(open) => !open && !busy && onCancel()}>
      <Modal.Content>
        <form onSubmit={submit} data-testid="decision-form">
          <Modal.Header>
            <Modal.Title>{reject ? `Reject ${what}` : `Approve ${what}`}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Typography tag="p" paddingBottom={4}>
              {reject
                ? 'The payment fails with this reason, nothing is granted, the invoice stays open and the customer is emailed the reason.'
                : 'The invoice is marked paid, its credits are granted once and the customer is emailed.'}
            </Typography>
            <Field.Root name={reject ? 'reason' : 'notes'} required={reject} error={reject && text.length > 0 && missingReason ? `At least ${MIN_REASON} characters` : undefined}>
              <Field.Label>{reject ? 'Reason (sent to the customer)' : 'Note (optional, staff only)'}</Field.Label>
              <Textarea name={reject ? 'reason' : 'notes'} value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
              <Field.Error />
            </Field.Root>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary" disabled={busy}>
                Cancel
              </Button>
            </Modal.Close>
            <Button type="submit" variant={reject ? 'danger' : 'success'} loading={busy} disabled={missingReason || busy}>
              {reject ? 'Reject' : 'Approve'}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
