import type { Desk } from '../../../shared/contracts/desk';

export const formatMoney = (amount: string | number, currency: string) => `${Number(amount).toFixed(2)} ${currency}`;

export const formatDateTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '-');

export const formatCredits = (credits: number) => credits.toLocaleString('en-US');

const METHOD_LABELS: Record<Desk.Method, string> = {
  bank_transfer: 'Bank transfer',
  local_wallet: 'Local wallet',
  manual: 'Manual',
  stripe: 'Stripe',
  paypal: 'PayPal',
};

export const methodLabel = (method: Desk.Method) => METHOD_LABELS[method] ?? method;

export const STATUS_LABELS: Record<Desk.PaymentStatus, string> = {
  pending_approval: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
  refunded: 'Refunded',
};
