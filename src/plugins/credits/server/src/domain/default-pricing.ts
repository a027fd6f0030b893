import type { CostConfig, ModelConfig } from './pricing';

/** Seeded once on a fresh install; staff edit them afterwards. Provider prices as of 2026. */
export const DEFAULT_COST_CONFIGS: Array<CostConfig & { label: string }> = [
  { operation: 'clustering', label: 'Keyword clustering', unit: 'per_tokens', credits: 0, minCredits: 5 },
  { operation: 'idea_generation', label: 'Content ideas', unit: 'per_item', credits: 2, minCredits: 2 },
  { operation: 'content_generation', label: 'Article writing', unit: 'per_100_words', credits: 3, minCredits: 10 },
  { operation: 'image_prompt_extraction', label: 'Image prompts', unit: 'per_request', credits: 2, minCredits: 2 },
  { operation: 'image_generation', label: 'Image generation', unit: 'per_image', credits: 5, minCredits: 5 },
];

export const DEFAULT_MODEL_CONFIGS: Array<ModelConfig & { isDefault: boolean }> = [
  { provider: 'openai', modelId: 'gpt-4o-mini', type: 'text', inputCostPer1k: 0.00015, outputCostPer1k: 0.0006, tokensPerCredit: 1000, isDefault: true },
  { provider: 'openai', modelId: 'gpt-4o', type: 'text', inputCostPer1k: 0.0025, outputCostPer1k: 0.01, tokensPerCredit: 250, isDefault: false },
  { provider: 'anthropic', modelId: 'claude-sonnet-4-5', type: 'text', inputCostPer1k: 0.003, outputCostPer1k: 0.015, tokensPerCredit: 200, isDefault: false },
  { provider: 'openai', modelId: 'dall-e-3', type: 'image', costPerImage: 0.04, creditsPerImage: 5, isDefault: true },
];
