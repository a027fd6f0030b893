/** Billing errors with the HTTP status Strapi answers with (http-errors reads `status` and `details`). */
export class BillingError extends Error {
  readonly expose = true;
  constructor(
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {}
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 409: the payment or invoice is not in a state that allows this (already rejected, invoice void...). */
export class BillingStateError extends BillingError {
  constructor(message: string, details: Record<string, unknown>) {
    super(message, 409, details);
  }
}

export class BillingNotFoundError extends BillingError {
  constructor(what: string) {
    super(`${what} not found`, 404);
  }
}
