/**
 * Pricing, pure: how many credits an operation costs, and what it cost us in USD. Staff edit the
 * inputs (cost configs per operation, model configs per provider model) in the admin.
 */
export const OPERATIONS = [
  'clustering',
  'idea_generation',
  'content_generation',
  'image_prompt_extraction',
  'image_generation',
  'keyword_research',
  'publishing',
] as const;
export type Operation = (typeof OPERATIONS)[number] | (string & {});

export const UNITS = ['per_request', 'per_100_words', 'per_item', 'per_image', 'per_tokens'] as const;
export type PricingUnit = (typeof UNITS)[number];

export interface CostConfig {
  operation: Operation;
  unit: PricingUnit;
  /** Credits per unit (per request, per 100 words, per item, per image). Unused for per_tokens. */
  credits: number;
  /** Floor for one operation, whatever the usage. */
  minCredits: number;
}

export interface ModelConfig {
  provider: 'openai' | 'anthropic' | (string & {});
  modelId: string;
  type: 'text' | 'image';
  inputCostPer1k?: number | null;
  outputCostPer1k?: number | null;
  costPerImage?: number | null;
  tokensPerCredit?: number | null;
  creditsPerImage?: number | null;
}

export interface Usage {
  words?: number;
  items?: number;
  images?: number;
  inputTokens?: number;
  outputTokens?: number;
}

const n = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Credits for one operation with the given usage; always a whole number, at least the minimum. */
export function creditsFor(cost: CostConfig, usage: Usage, model?: ModelConfig | null): number {
  let raw: number;
  switch (cost.unit) {
    case 'per_request':
      raw = cost.credits;
      break;
    case 'per_100_words':
      raw = (n(usage.words) / 100) * cost.credits;
      break;
    case 'per_item':
      raw = n(usage.items) * cost.credits;
      break;
    case 'per_image':
      raw = n(usage.images) * (model?.creditsPerImage ?? cost.credits);
      break;
    case 'per_tokens': {
      const perCredit = n(model?.tokensPerCredit);
      if (perCredit <= 0) throw new RangeError(`model ${model?.modelId ?? '(none)'} has no tokensPerCredit; cannot price ${cost.operation} by tokens`);
      raw = (n(usage.inputTokens) + n(usage.outputTokens)) / perCredit;
      break;
    }
    default:
      throw new RangeError(`unknown pricing unit ${(cost as CostConfig).unit}`);
  }
  // Round up in whole credits, with a tolerance so 2.0000000001 from float division is still 2.
  return Math.max(cost.minCredits, Math.ceil(raw - 1e-9));
}

/** What the provider charged us, in USD, rounded to a millionth. */
export function usdCost(model: ModelConfig | null | undefined, usage: Usage): number {
  if (!model) return 0;
  const usd =
    model.type === 'image'
      ? n(usage.images) * n(model.costPerImage)
      : (n(usage.inputTokens) / 1000) * n(model.inputCostPer1k) + (n(usage.outputTokens) / 1000) * n(model.outputCostPer1k);
  return Math.round(usd * 1e6) / 1e6;
}

export interface BatchEstimate {
  operation: Operation;
  items: number;
  credits: number;
  balance: number;
  available: number;
  /** How many credits are missing to run the whole batch; 0 when it fits. */
  shortBy: number;
  fits: boolean;
}

/** "240 items, about 7,200 credits, 5,000 available": the estimate shown before a batch runs. */
export function estimateBatch(
  cost: CostConfig,
  perItem: Usage,
  items: number,
  funds: { balance: number; available: number },
  model?: ModelConfig | null
): BatchEstimate {
  const credits = items * creditsFor(cost, perItem, model);
  const shortBy = Math.max(0, credits - funds.available);
  return { operation: cost.operation, items, credits, balance: funds.balance, available: funds.available, shortBy, fits: shortBy === 0 };
}
