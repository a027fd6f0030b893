import { adjust, available, capture, credit, debit, release, reserve, resetPlan, type Balance } from '../balance';
import { InsufficientCreditsError } from '../errors';

const b = (plan: number, bonus: number, held = 0): Balance => ({ plan, bonus, held });

describe('debit takes plan credits first', () => {
  it.each([
    // before, amount, after, entries
    [b(100, 50), 30, b(70, 50), [{ pool: 'plan', amount: -30, balanceAfter: 70 }]],
    [b(100, 50), 100, b(0, 50), [{ pool: 'plan', amount: -100, balanceAfter: 0 }]],
    [b(100, 50), 120, b(0, 30), [{ pool: 'plan', amount: -100, balanceAfter: 0 }, { pool: 'bonus', amount: -20, balanceAfter: 30 }]],
    [b(0, 50), 50, b(0, 0), [{ pool: 'bonus', amount: -50, balanceAfter: 0 }]],
  ])('%j - %i', (before, amount, after, entries) => {
    expect(debit(before, amount)).toEqual({ balance: after, entries });
  });

  it('refuses what is not available, naming needed and available (holds count against it)', () => {
    expect(() => debit(b(10, 5), 16)).toThrow(new InsufficientCreditsError(16, 15));
    const error = (() => {
      try {
        debit(b(10, 5, 10), 6);
      } catch (e) {
        return e as InsufficientCreditsError;
      }
    })();
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error?.details).toEqual({ needed: 6, available: 5 });
    expect(error?.status).toBe(402);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a non-positive or fractional amount (%p)', (amount) => {
    expect(() => debit(b(10, 0), amount)).toThrow(RangeError);
  });
});

describe('holds', () => {
  it('reserve moves available credits into held, without ledger entries', () => {
    expect(reserve(b(100, 0), 40)).toEqual({ balance: b(100, 0, 40), entries: [] });
    expect(() => reserve(b(100, 0, 70), 40)).toThrow(InsufficientCreditsError);
  });

  it('capture releases the hold and debits the real cost, which may exceed the estimate', () => {
    expect(capture(b(100, 20, 40), 40, 30)).toEqual({ balance: b(70, 20, 0), entries: [{ pool: 'plan', amount: -30, balanceAfter: 70 }] });
    expect(capture(b(100, 20, 40), 40, 110)).toEqual({
      balance: b(0, 10, 0),
      entries: [{ pool: 'plan', amount: -100, balanceAfter: 0 }, { pool: 'bonus', amount: -10, balanceAfter: 10 }],
    });
  });

  it('capture beyond what the released hold plus the free balance covers is refused', () => {
    // 100 total, 40 held by this hold, 50 held by another: at most 50 can be captured.
    expect(() => capture(b(100, 0, 90), 40, 51)).toThrow(new InsufficientCreditsError(51, 50));
    expect(capture(b(100, 0, 90), 40, 50).balance).toEqual(b(50, 0, 50));
  });

  it('a zero capture only releases; release gives back the whole hold', () => {
    expect(capture(b(10, 0, 5), 5, 0)).toEqual({ balance: b(10, 0, 0), entries: [] });
    expect(release(b(10, 0, 5), 5)).toEqual({ balance: b(10, 0, 0), entries: [] });
    expect(() => release(b(10, 0, 5), 6)).toThrow(RangeError);
  });
});

describe('credit, adjust, reset', () => {
  it('credit adds to one pool', () => {
    expect(credit(b(1, 2), 'bonus', 10)).toEqual({ balance: b(1, 12), entries: [{ pool: 'bonus', amount: 10, balanceAfter: 12 }] });
  });

  it('adjust is signed and never takes a pool below zero', () => {
    expect(adjust(b(10, 5), 'plan', -10).balance).toEqual(b(0, 5));
    expect(() => adjust(b(10, 5), 'bonus', -6)).toThrow(new InsufficientCreditsError(6, 5));
    expect(() => adjust(b(10, 5), 'bonus', 0)).toThrow(RangeError);
  });

  it('resetPlan sets plan credits (unused ones lapse) with one signed entry, none when unchanged', () => {
    expect(resetPlan(b(300, 7), 1000)).toEqual({ balance: b(1000, 7), entries: [{ pool: 'plan', amount: 700, balanceAfter: 1000 }] });
    expect(resetPlan(b(1300, 7), 1000).entries).toEqual([{ pool: 'plan', amount: -300, balanceAfter: 1000 }]);
    expect(resetPlan(b(1000, 7), 1000).entries).toEqual([]);
  });

  it('available never goes negative, even when a reset leaves holds uncovered', () => {
    expect(available(b(0, 0, 10))).toBe(0);
  });
});

describe('property: any sequence keeps every pool >= 0 and balance = sum of entries', () => {
  it('holds for 2,000 random operations', () => {
    let state = b(0, 0);
    const sums = { plan: 0, bonus: 0 };
    const holds: number[] = [];
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      try {
        const op = rnd(6);
        const amount = 1 + rnd(200);
        const m =
          op === 0 ? credit(state, rnd(2) ? 'plan' : 'bonus', amount)
          : op === 1 ? debit(state, amount)
          : op === 2 ? reserve(state, amount)
          : op === 3 && holds.length ? capture(state, holds[holds.length - 1], rnd(2) ? amount : 0)
          : op === 4 && holds.length ? release(state, holds[holds.length - 1])
          : resetPlan(state, rnd(500));
        if (op === 2) holds.push(amount);
        if ((op === 3 || op === 4) && holds.length) holds.pop();
        for (const e of m.entries) sums[e.pool] += e.amount;
        state = m.balance;
      } catch (e) {
        if (!(e instanceof InsufficientCreditsError)) throw e;
      }
      expect(state.plan).toBeGreaterThanOrEqual(0);
      expect(state.bonus).toBeGreaterThanOrEqual(0);
      expect(state.held).toBe(holds.reduce((s, h) => s + h, 0));
    }
    expect(sums).toEqual({ plan: state.plan, bonus: state.bonus });
  });
});
