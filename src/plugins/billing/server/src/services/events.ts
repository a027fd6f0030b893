import type { Core } from '@strapi/strapi';
import { EVENT_UID } from '../domain/uids';

export interface PaymentEvent {
  accountId: number;
  paymentId?: number | null;
  invoiceId?: number | null;
  type:
    | 'invoice_issued' | 'payment_submitted' | 'payment_approved' | 'payment_rejected' | 'credits_granted'
    | 'renewal_reminder' | 'grace_expired' | 'subscription_expired' | 'subscription_renewed';
  actor: string;
  data?: Record<string, unknown>;
}

/** The payment event log: one row per thing that happened, written in the transaction that did it. */
export const createEventsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async log(event: PaymentEvent) {
    await strapi.db.query(EVENT_UID).create({ data: { ...event, data: event.data ?? {} } });
  },
});

export type EventsService = ReturnType<typeof createEventsService>;
