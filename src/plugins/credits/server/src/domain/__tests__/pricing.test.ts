import { creditsFor, estimateBatch, usdCost, type CostConfig, type ModelConfig } from '../pricing';
import { canonicalJson, requestHash } from '../request-hash';
import { forecast } from '../forecast';

const cost = (unit: CostConfig['unit'], credits: number, minCredits = 0): CostConfig => ({ operation: 'op', unit, credits, minCredits });
const gpt: ModelConfig = { provider: 'openai', modelId: 'gpt-4o-mini', type: 'text', inputCostPer1k: 0.00015, outputCostPer1k: 0.0006, tokensPerCredit: 1000 };
const dalle: ModelConfig = { provider: 'openai', modelId: 'dall-e-3', type: 'image', costPerImage: 0.04, creditsPerImage: 5 };

describe('creditsFor', () => {
  it.each([
    [cost('per_request', 2), {}, undefined, 2],
    [cost('per_100_words', 3), { words: 1500 }, undefined, 45],
    [cost('per_100_words', 3), { words: 1510 }, undefined, 46], // rounds up
    [cost('per_100_words', 3, 10), { words: 100 }, undefined, 10], // minimum
    [cost('per_item', 2), { items: 30 }, undefined, 60],
    [cost('per_image', 9), { images: 3 }, dalle, 15], // model's creditsPerImage wins
    [cost('per_image', 9), { images: 3 }, undefined, 27],
    [cost('per_tokens', 0, 5), { inputTokens: 2000, outputTokens: 1001 }, gpt, 5], // 3.001 -> 4, floor 5
    [cost('per_tokens', 0, 1), { inputTokens: 12000, outputTokens: 3000 }, gpt, 15],
  ])('%j with %j -> %i', (c, usage, model, expected) => {
    expect(creditsFor(c, usage, model)).toBe(expected);
  });

  it('refuses token pricing for a model without tokensPerCredit', () => {
    expect(() => creditsFor(cost('per_tokens', 0), { inputTokens: 5 }, dalle)).toThrow(/tokensPerCredit/);
  });
});

describe('usdCost', () => {
  it('prices tokens per 1k and images per image', () => {
    expect(usdCost(gpt, { inputTokens: 10000, outputTokens: 2000 })).toBeCloseTo(0.0027, 6);
    expect(usdCost(dalle, { images: 3 })).toBeCloseTo(0.12, 6);
    expect(usdCost(null, { images: 3 })).toBe(0);
  });
});

describe('estimateBatch', () => {
  it('240 items at 30 credits each against 5,000 available is 7,200 and short by 2,200', () => {
    expect(estimateBatch(cost('per_100_words', 3), { words: 1000 }, 240, { balance: 6000, available: 5000 })).toEqual({
      operation: 'op', items: 240, credits: 7200, balance: 6000, available: 5000, shortBy: 2200, fits: false,
    });
  });
});

describe('requestHash', () => {
  it('is independent of key order and ignores undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, 1] } })).toBe('{"a":{"c":[2,1]},"b":1}');
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});

describe('forecast', () => {
  it('averages over the window and says how many days the balance lasts', () => {
    expect(forecast([700, 700], 1000, 500)).toMatchObject({ usedInWindow: 1400, perDay: 200, daysUntilEmpty: 5, lowBalance: false });
    expect(forecast([], 100, 500)).toMatchObject({ perDay: 0, daysUntilEmpty: null, lowBalance: true });
  });
});
