/**
 * The credit arithmetic exists twice: domain/balance.ts (the specification, unit-tested) and its SQL
 * transcription `credit_apply` (database/ledger-functions.ts), which the ledger runs so a movement is
 * one round trip. This differential test walks long random sequences of operations with the
 * TypeScript and requires the SQL to give, at every step, the same balance, the same entries and the
 * same refusals (needed, available).
 */
import * as arithmetic from '../../../src/plugins/credits/server/src/domain/balance';
import type { Balance, Entry, Pool } from '../../../src/plugins/credits/server/src/domain/balance';
import { InsufficientCreditsError } from '../../../src/plugins/credits/server/src/domain/errors';
import { bootStrapi, type TestApp } from '../../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi();
}, 120000);

afterAll(async () => app?.close());

type Verb = 'grant' | 'spend' | 'adjust' | 'reset' | 'reserve' | 'release' | 'capture';

interface Step {
  before: Balance;
  verb: Verb;
  amount: number;
  pool: Pool | null;
  hold: number;
}

interface Outcome {
  balance: Balance;
  entries: Entry[];
  needed: number | null;
  available: number | null;
}

/** The specification's answer for one step. */
const specify = ({ before, verb, amount, pool, hold }: Step): Outcome => {
  try {
    const m =
      verb === 'grant' ? arithmetic.credit(before, pool!, amount)
      : verb === 'spend' ? arithmetic.debit(before, amount)
      : verb === 'adjust' ? arithmetic.adjust(before, pool!, amount)
      : verb === 'reset' ? arithmetic.resetPlan(before, amount)
      : verb === 'reserve' ? arithmetic.reserve(before, amount)
      : verb === 'release' ? arithmetic.release(before, hold)
      : arithmetic.capture(before, hold, amount);
    return { balance: m.balance, entries: m.entries, needed: null, available: null };
  } catch (error) {
    if (!(error instanceof InsufficientCreditsError)) throw error;
    return { balance: before, entries: [], needed: error.needed, available: error.available };
  }
};

/** A seeded random walk: amounts near the balance's edges are favoured, where the refusals are. */
const walk = (seed: number, length: number): Step[] => {
  let s = seed;
  const rnd = (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
  const pick = <T,>(xs: T[]) => xs[rnd(xs.length)];
  let state: Balance = { plan: rnd(300), bonus: rnd(300), held: 0 };
  const holds: number[] = [];
  const steps: Step[] = [];
  for (let i = 0; i < length; i++) {
    const free = arithmetic.available(state);
    const near = () => Math.max(1, pick([1 + rnd(250), free, free + 1, free - 1, state.plan, state.plan + 1, state.bonus + 1]));
    const verb = pick<Verb>(['grant', 'spend', 'spend', 'adjust', 'reset', 'reserve', 'reserve', 'release', 'capture', 'capture']);
    const pool = pick<Pool>(['plan', 'bonus']);
    let step: Step;
    if ((verb === 'release' || verb === 'capture') && holds.length === 0) continue;
    if (verb === 'release' || verb === 'capture') {
      const index = rnd(holds.length);
      const hold = holds[index];
      const overCapture = arithmetic.available({ ...state, held: state.held - hold }) + 1;
      step = { before: state, verb, amount: verb === 'capture' ? pick([0, hold, near(), rnd(hold + 1), overCapture]) : 0, pool: null, hold };
      const outcome = specify(step);
      if (outcome.needed === null) holds.splice(index, 1);
      steps.push(step);
      state = outcome.balance;
      continue;
    }
    const amount =
      verb === 'adjust' ? (rnd(2) ? near() : -pick([1 + rnd(250), state[pool], state[pool] + 1]) || -1)
      : verb === 'reset' ? rnd(3) ? rnd(600) : 0
      : near();
    step = { before: state, verb, amount, pool: verb === 'grant' || verb === 'adjust' ? pool : null, hold: 0 };
    const outcome = specify(step);
    if (verb === 'reserve' && outcome.needed === null) holds.push(amount);
    steps.push(step);
    state = outcome.balance;
  }
  return steps;
};

/** The SQL's answers for many steps in one query. */
const applyInSql = async (steps: Step[]): Promise<Outcome[]> => {
  const input = steps.map((s, i) => ({ i, plan: s.before.plan, bonus: s.before.bonus, held: s.before.held, verb: s.verb, amount: s.amount, pool: s.pool, hold: s.hold }));
  const { rows } = await app.strapi.db.connection.raw(
    `SELECT s.i, a.new_plan, a.new_bonus, a.new_held, a.entries, a.needed, a.available
       FROM jsonb_to_recordset(?::jsonb) AS s(i integer, plan integer, bonus integer, held integer, verb text, amount integer, pool text, hold integer)
       CROSS JOIN LATERAL credit_apply(s.plan, s.bonus, s.held, s.verb, s.amount, s.pool, s.hold) AS a
      ORDER BY s.i`,
    [JSON.stringify(input)]
  );
  return rows.map((r: any) => ({
    balance: { plan: r.new_plan, bonus: r.new_bonus, held: r.new_held },
    entries: typeof r.entries === 'string' ? JSON.parse(r.entries) : r.entries,
    needed: r.needed === null ? null : Number(r.needed),
    available: r.available === null ? null : Number(r.available),
  }));
};

describe('credit_apply (SQL) agrees with domain/balance.ts', () => {
  it.each([1, 7, 42, 2024, 99991])('over a 3,000-step random walk (seed %i)', async (seed) => {
    const steps = walk(seed, 3000);
    const expected = steps.map(specify);
    const actual = await applyInSql(steps);
    expect(steps.length).toBeGreaterThan(2000);
    // Every kind of step, and refusals among them, must have been exercised for the walk to mean much.
    const seen = new Set(steps.map((s, i) => `${s.verb}:${expected[i].needed === null ? 'ok' : 'refused'}`));
    for (const v of ['grant:ok', 'spend:ok', 'spend:refused', 'adjust:ok', 'adjust:refused', 'reset:ok', 'reserve:ok', 'reserve:refused', 'release:ok', 'capture:ok', 'capture:refused']) {
      expect(seen).toContain(v);
    }
    for (let i = 0; i < steps.length; i++) {
      if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) expect({ step: i, ...steps[i], outcome: actual[i] }).toEqual({ step: i, ...steps[i], outcome: expected[i] });
    }
  });

  it('agrees where a reset left holds uncovered and where sums exceed 32 bits', async () => {
    const steps: Step[] = [
      { before: { plan: 0, bonus: 0, held: 10 }, verb: 'spend', amount: 1, pool: null, hold: 0 },
      { before: { plan: 0, bonus: 0, held: 10 }, verb: 'capture', amount: 10, pool: null, hold: 10 },
      { before: { plan: 5, bonus: 0, held: 10 }, verb: 'capture', amount: 6, pool: null, hold: 4 },
      { before: { plan: 2_000_000_000, bonus: 2_000_000_000, held: 0 }, verb: 'reserve', amount: 2_100_000_000, pool: null, hold: 0 },
      { before: { plan: 2_000_000_000, bonus: 2_000_000_000, held: 5 }, verb: 'spend', amount: 2_100_000_000, pool: null, hold: 0 },
    ];
    expect(await applyInSql(steps)).toEqual(steps.map(specify));
  });

  it.each<[Verb, number, Pool | null, number]>([
    ['grant', 0, 'plan', 0],
    ['spend', -1, null, 0],
    ['adjust', 0, 'bonus', 0],
    ['reset', -1, null, 0],
    ['reserve', 0, null, 0],
    ['release', 0, null, 11],
    ['capture', -1, null, 5],
  ])('refuses what the specification refuses as out of range: %s %i', async (verb, amount, pool, hold) => {
    const step: Step = { before: { plan: 10, bonus: 0, held: 10 }, verb, amount, pool, hold };
    expect(() => specify(step)).toThrow(RangeError);
    await expect(applyInSql([step])).rejects.toThrow(/must be|cannot release/);
  });
});
