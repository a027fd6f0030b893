import { InsufficientCreditsError } from './errors';

/**
 * Credit arithmetic, pure. An account has two pools (plan credits, reset each paid period; bonus
 * credits, bought, never expire) and an amount held by open reservations. Spending takes plan credits
 * first. Every function returns the new balance and the ledger entries that explain the change; the
 * service persists both in one statement, so the balance is always the sum of its entries.
 *
 * This file is the specification. The ledger runs its SQL transcription, `credit_apply` in
 * database/ledger-functions.ts, so a movement is one round trip; tests/api/credits/arithmetic.api.test.ts
 * requires the two to agree over long random sequences. Change one, change the other.
 */
export type Pool = 'plan' | 'bonus';

export interface Balance {
  plan: number;
  bonus: number;
  held: number;
}

export interface Entry {
  pool: Pool;
  /** Signed, never zero. */
  amount: number;
  /** The pool's balance after this entry. */
  balanceAfter: number;
}

export interface Movement {
  balance: Balance;
  entries: Entry[];
}

/** Input checks, exported so the service refuses bad input before it reaches the database. */
export const assertAmount = (amount: number, name = 'amount') => {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new RangeError(`${name} must be a positive integer, got ${amount}`);
};

export const assertNonZero = (amount: number, name = 'amount') => {
  if (!Number.isSafeInteger(amount) || amount === 0) throw new RangeError(`${name} must be a non-zero integer, got ${amount}`);
};

export const assertNonNegative = (amount: number, name = 'amount') => {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`${name} must be a non-negative integer, got ${amount}`);
};

/** What can be reserved or spent right now. Never negative, even if a reset left holds uncovered. */
export const available = (b: Balance) => Math.max(0, b.plan + b.bonus - b.held);

const entry = (pool: Pool, amount: number, balanceAfter: number): Entry[] => (amount === 0 ? [] : [{ pool, amount, balanceAfter }]);

/** Adds credits to one pool (purchase, subscription, refund, positive adjustment). */
export function credit(b: Balance, pool: Pool, amount: number): Movement {
  assertAmount(amount);
  const balance = { ...b, [pool]: b[pool] + amount };
  return { balance, entries: entry(pool, amount, balance[pool]) };
}

/**
 * Takes `amount` from the account, plan pool first. `releasing` is the part of `held` this debit
 * settles (a capture): it stops being held and becomes spendable for this debit.
 */
export function debit(b: Balance, amount: number, releasing = 0): Movement {
  assertAmount(amount);
  if (releasing < 0 || releasing > b.held) throw new RangeError(`cannot release ${releasing} of ${b.held} held`);
  const afterRelease = { ...b, held: b.held - releasing };
  const free = available(afterRelease);
  if (amount > free) throw new InsufficientCreditsError(amount, free);
  const fromPlan = Math.min(afterRelease.plan, amount);
  const fromBonus = amount - fromPlan;
  const balance = { plan: afterRelease.plan - fromPlan, bonus: afterRelease.bonus - fromBonus, held: afterRelease.held };
  return { balance, entries: [...entry('plan', -fromPlan, balance.plan), ...entry('bonus', -fromBonus, balance.bonus)] };
}

/** A signed staff adjustment on one pool; a pool never goes below zero. */
export function adjust(b: Balance, pool: Pool, amount: number): Movement {
  assertNonZero(amount);
  if (amount > 0) return credit(b, pool, amount);
  if (-amount > b[pool]) throw new InsufficientCreditsError(-amount, b[pool]);
  const balance = { ...b, [pool]: b[pool] + amount };
  return { balance, entries: entry(pool, amount, balance[pool]) };
}

/** Renewal: plan credits become `target`, whatever was left (unused plan credits do not roll over). */
export function resetPlan(b: Balance, target: number): Movement {
  assertNonNegative(target, 'target');
  const balance = { ...b, plan: target };
  return { balance, entries: entry('plan', target - b.plan, target) };
}

/** Reserves `amount` for an operation about to run; fails if it does not fit what is available. */
export function reserve(b: Balance, amount: number): Movement {
  assertAmount(amount);
  const free = available(b);
  if (amount > free) throw new InsufficientCreditsError(amount, free);
  return { balance: { ...b, held: b.held + amount }, entries: [] };
}

/** Releases a hold of `held` credits without spending anything (failure, cancellation, expiry). */
export function release(b: Balance, held: number): Movement {
  if (!Number.isSafeInteger(held) || held < 0 || held > b.held) throw new RangeError(`cannot release ${held} of ${b.held} held`);
  return { balance: { ...b, held: b.held - held }, entries: [] };
}

/**
 * Settles a hold of `held` credits with the real cost `actual` (which may be more or less than held,
 * as long as it fits what is available once the hold is released). A cost of zero only releases.
 */
export function capture(b: Balance, held: number, actual: number): Movement {
  assertNonNegative(actual, 'actual');
  if (actual === 0) return release(b, held);
  return debit(b, actual, held);
}
