import { Badge } from '@strapi/design-system';
import type { Desk } from '../../../shared/contracts/desk';
import { STATUS_LABELS } from '../utils/format';

const VARIANTS = { pending_approval: 'warning', succeeded: 'success', failed: 'danger', refunded: 'neutral' } as const;

export const PaymentStatusBadge = ({ status }: { status: Desk.PaymentStatus }) => <Badge variant={VARIANTS[status] ?? 'neutral'}>{STATUS_LABELS[status] ?? status}</Badge>;
