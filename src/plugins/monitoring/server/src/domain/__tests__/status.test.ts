import { classify, nextState, worst, type StableState } from '../status';

const opts = { degradeAfterMs: 30_000, recoverAfterMs: 60_000 };

describe('classify', () => {
  it.each([
    [10, 'green'],
    [200, 'yellow'],
    [1999, 'yellow'],
    [2000, 'red'],
  ])('latency %p ms is %p (higher is worse)', (value, expected) => {
    expect(classify(value, { yellow: 200, red: 2000 })).toBe(expected);
  });

  it.each([
    [50, 'green'],
    [15, 'yellow'],
    [5, 'red'],
  ])('free disk %p %% is %p (lower is worse)', (value, expected) => {
    expect(classify(value, { yellow: 15, red: 5 }, 'below')).toBe(expected);
  });
});

describe('worst', () => {
  it('picks the worst status, green when empty', () => {
    expect(worst([])).toBe('green');
    expect(worst(['green', 'yellow', 'green'])).toBe('yellow');
    expect(worst(['yellow', 'red', 'green'])).toBe('red');
  });
});

describe('nextState (hysteresis)', () => {
  const run = (observations: Array<[number, 'green' | 'yellow' | 'red']>) => {
    let state: StableState | undefined;
    return observations.map(([at, observed]) => (state = nextState(state, observed, at, opts)).status);
  };

  it('adopts the first observation at once', () => {
    expect(run([[0, 'red']])).toEqual(['red']);
  });

  it('reports a worse status only after it held for degradeAfterMs', () => {
    expect(run([[0, 'green'], [10_000, 'red'], [20_000, 'red'], [39_999, 'red'], [40_000, 'red']])).toEqual(['green', 'green', 'green', 'green', 'red']);
  });

  it('ignores a blip shorter than the hold time, and restarts the wait after it', () => {
    expect(run([[0, 'green'], [10_000, 'red'], [20_000, 'green'], [30_000, 'red'], [50_000, 'red'], [60_000, 'red']])).toEqual([
      'green', 'green', 'green', 'green', 'green', 'red',
    ]);
  });

  it('recovers only after the better status held for recoverAfterMs', () => {
    expect(run([[0, 'red'], [10_000, 'green'], [69_999, 'green'], [70_000, 'green']])).toEqual(['red', 'red', 'red', 'green']);
  });

  it('restarts the wait when the candidate changes', () => {
    expect(run([[0, 'green'], [10_000, 'yellow'], [30_000, 'red'], [50_000, 'red'], [60_000, 'red']])).toEqual(['green', 'green', 'green', 'green', 'red']);
  });

  it('keeps the adoption time while the status persists and reports the pending candidate', () => {
    let state = nextState(undefined, 'green', 0, opts);
    state = nextState(state, 'green', 5_000, opts);
    expect(state).toEqual({ status: 'green', since: 0 });
    state = nextState(state, 'yellow', 6_000, opts);
    expect(state).toEqual({ status: 'green', since: 0, candidate: 'yellow', candidateSince: 6_000 });
  });

  it('flips immediately with zero hold times', () => {
    let state = nextState(undefined, 'green', 0, { degradeAfterMs: 0, recoverAfterMs: 0 });
    state = nextState(state, 'red', 1, { degradeAfterMs: 0, recoverAfterMs: 0 });
    expect(state.status).toBe('red');
  });
});
