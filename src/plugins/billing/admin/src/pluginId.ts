export const PLUGIN_ID = 'billing';

/** Who sees what on the desk; the admin routes enforce the same actions server-side. */
export const PERMISSIONS = {
  /** The menu link, the page and the queue (Billing Administrator, Support Agent). */
  read: [{ action: 'plugin::billing.payments.read', subject: null }],
  /** Approve and reject buttons, single and bulk (Billing Administrator). */
  approve: [{ action: 'plugin::billing.payments.approve', subject: null }],
  /** The staff credit adjustment form (Billing Administrator). */
  adjust: [{ action: 'plugin::credits.ledger.adjust', subject: null }],
};
