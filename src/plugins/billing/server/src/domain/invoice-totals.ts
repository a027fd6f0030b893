/**
 * Invoice arithmetic in integer cents, so 3 x 19.99 is 59.97 and not 59.970000000000006.
 */
export interface LineItem {
  description: string;
  quantity: number;
  unitPrice: number;
}

export interface Totals {
  lineItems: Array<LineItem & { amount: number }>;
  subtotal: number;
  tax: number;
  total: number;
}

const cents = (value: number) => Math.round(value * 100);

export function invoiceTotals(items: LineItem[], taxRate = 0): Totals {
  if (!items.length) throw new RangeError('an invoice needs at least one line item');
  if (!(taxRate >= 0 && taxRate < 1)) throw new RangeError(`taxRate must be in [0, 1), got ${taxRate}`);
  const lines = items.map((item) => {
    if (!Number.isSafeInteger(item.quantity) || item.quantity <= 0) throw new RangeError(`quantity must be a positive integer, got ${item.quantity}`);
    if (!(item.unitPrice >= 0)) throw new RangeError(`unitPrice must be >= 0, got ${item.unitPrice}`);
    return { ...item, amountCents: item.quantity * cents(item.unitPrice) };
  });
  const subtotalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  const taxCents = Math.round(subtotalCents * taxRate);
  return {
    lineItems: lines.map(({ amountCents, ...l }) => ({ ...l, amount: amountCents / 100 })),
    subtotal: subtotalCents / 100,
    tax: taxCents / 100,
    total: (subtotalCents + taxCents) / 100,
  };
}

/** Decimal columns come back from PostgreSQL as strings; compare money in cents. */
export const sameAmount = (a: number | string, b: number | string) => cents(Number(a)) === cents(Number(b));
