/**
 * Errors the ledger raises. Each carries the HTTP status Strapi's error middleware answers with
 * (http-errors reads `status` and exposes `details` for 4xx), so controllers let them through and
 * workers branch on the class.
 */
export class CreditsError extends Error {
  readonly expose = true;
  constructor(
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown>
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** 402: the account cannot cover the amount; says how many are needed and how many are available. */
export class InsufficientCreditsError extends CreditsError {
  constructor(readonly needed: number, readonly available: number) {
    super(`Insufficient credits: ${needed} needed, ${available} available`, 402, { needed, available });
  }
}

/** 409: an idempotency key reused with different parameters. */
export class IdempotencyConflictError extends CreditsError {
  constructor(idempotencyKey: string) {
    super(`Idempotency key "${idempotencyKey}" was already used with different parameters`, 409, { idempotencyKey });
  }
}

/** 409: capture/release of a hold that was already settled differently, or has expired. */
export class HoldStateError extends CreditsError {
  constructor(holdId: number, status: string) {
    super(`Hold ${holdId} is ${status}`, 409, { holdId, status });
  }
}

/** 404 for an account or hold the caller cannot see. */
export class CreditsNotFoundError extends CreditsError {
  constructor(what: string) {
    super(`${what} not found`, 404, {});
  }
}
