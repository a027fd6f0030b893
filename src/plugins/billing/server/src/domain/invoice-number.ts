/** `INV-<account>-<YYYYMM>-<seq>`: the account's id, the issue month (UTC) and a per-account, per-month sequence. */
export const invoicePeriod = (at: Date) => `${at.getUTCFullYear()}${String(at.getUTCMonth() + 1).padStart(2, '0')}`;

export const invoiceNumber = (accountId: number, at: Date, seq: number) => {
  if (!Number.isSafeInteger(accountId) || accountId <= 0) throw new RangeError(`accountId must be a positive integer, got ${accountId}`);
  if (!Number.isSafeInteger(seq) || seq <= 0) throw new RangeError(`seq must be a positive integer, got ${seq}`);
  return `INV-${accountId}-${invoicePeriod(at)}-${String(seq).padStart(4, '0')}`;
};
