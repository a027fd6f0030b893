/**
 * The approval desk's admin API (routes in server/src/routes/index.ts, `admin` type, served under
 * /billing) and the credits plugin's staff adjustment route, as the desk page uses them.
 */
export namespace Desk {
  export type PaymentStatus = 'pending_approval' | 'succeeded' | 'failed' | 'refunded';
  export type Method = 'stripe' | 'paypal' | 'bank_transfer' | 'local_wallet' | 'manual';

  export interface Payment {
    id: number;
    documentId: string;
    /** Decimal as the database returns it (a string on PostgreSQL). */
    amount: string | number;
    currency: string;
    method: Method;
    status: PaymentStatus;
    reference: string | null;
    proofUrl: string | null;
    submittedBy: string | null;
    approvedBy?: string | null;
    approvedAt?: string | null;
    failureReason?: string | null;
    createdAt: string;
    account: { id: number; documentId?: string; name: string; slug: string } | null;
    invoice: { id?: number; documentId?: string; number: string; type: string; total: string | number; currency: string; credits: number; status: string } | null;
  }

  export interface Pagination {
    page: number;
    pageSize: number;
    pageCount: number;
    total: number;
  }

  /** GET /billing/payments?status=&page=&pageSize=&accountId= */
  export interface ListResponse {
    data: Payment[];
    meta: { pagination: Pagination };
  }

  export interface DecisionResult {
    paymentId: number;
    status: 'succeeded' | 'failed';
    /** False when the payment already was in that state (nothing happened this time). */
    changed: boolean;
  }

  export interface DecisionError {
    paymentId: number;
    error: { status: number; name: string; message: string };
  }

  export type BulkResult = DecisionResult | DecisionError;

  /** POST /billing/payments/:id/approve { notes? } and /reject { reason } */
  export interface DecisionResponse {
    data: DecisionResult;
  }

  /** POST /billing/payments/bulk { action, ids, reason?, notes? } */
  export interface BulkResponse {
    data: BulkResult[];
  }

  export type Action = 'approve' | 'reject';
}

export namespace CreditAdjustment {
  export type Pool = 'plan' | 'bonus';

  /** POST /credits/accounts/:accountId/adjustments with an Idempotency-Key header. */
  export interface Body {
    pool: Pool;
    /** Signed, non-zero whole number. */
    amount: number;
    reason: string;
  }

  export interface Balance {
    plan: number;
    bonus: number;
    held: number;
    available: number;
  }

  export interface Response {
    data: { balance: Balance; replayed: boolean; entries: Array<{ pool: Pool; amount: number; balanceAfter: number }> };
  }
}
