import type { Core } from '@strapi/strapi';
import { CreditsError } from '../domain/errors';
import { creditsFor, estimateBatch, usdCost, type CostConfig, type ModelConfig, type Usage } from '../domain/pricing';
import { getService } from '../utils/get-service';

const COST_UID = 'plugin::credits.cost-config';
const MODEL_UID = 'plugin::credits.model-config';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Prices operations from the staff-edited cost and model configs. */
export const createPricingService = ({ strapi }: { strapi: Core.Strapi }) => {
  async function costConfig(operation: string): Promise<CostConfig> {
    const row = await strapi.db.query(COST_UID).findOne({ where: { operation, isActive: true } });
    if (!row) throw new CreditsError(`operation: no active price for "${operation}"`, 422, { field: 'operation', operation });
    return { operation: row.operation, unit: row.unit, credits: Number(row.credits), minCredits: row.minCredits };
  }

  /** The named model, or the default model of that type. */
  async function modelConfig(modelId: string | null | undefined, type: 'text' | 'image' = 'text'): Promise<ModelConfig | null> {
    const where = modelId ? { modelId, isActive: true } : { type, isDefault: true, isActive: true };
    const row = await strapi.db.query(MODEL_UID).findOne({ where });
    if (!row) {
      if (modelId) throw new CreditsError(`model: "${modelId}" is not a configured model`, 422, { field: 'model', model: modelId });
      return null;
    }
    return {
      provider: row.provider,
      modelId: row.modelId,
      type: row.type,
      inputCostPer1k: num(row.inputCostPer1k),
      outputCostPer1k: num(row.outputCostPer1k),
      costPerImage: num(row.costPerImage),
      tokensPerCredit: row.tokensPerCredit,
      creditsPerImage: row.creditsPerImage,
    };
  }

  const typeFor = (operation: string) => (operation === 'image_generation' ? 'image' : 'text');

  return {
    costConfig,
    modelConfig,

    /** Credits and USD for one operation with known (or expected) usage. */
    async price(input: { operation: string; usage: Usage; model?: string | null }) {
      const cost = await costConfig(input.operation);
      const model = await modelConfig(input.model, typeFor(input.operation));
      return { operation: input.operation, model: model?.modelId ?? null, credits: creditsFor(cost, input.usage, model), usdCost: usdCost(model, input.usage) };
    },

    /** Cost of a batch before it runs, against the account's balance. */
    async estimateBatch(input: { accountId: number; operation: string; items: number; perItem: Usage; model?: string | null }) {
      const cost = await costConfig(input.operation);
      const model = await modelConfig(input.model, typeFor(input.operation));
      const balance = await getService(strapi, 'ledger').balance(input.accountId);
      return estimateBatch(cost, input.perItem, input.items, { balance: balance.plan + balance.bonus, available: balance.available }, model);
    },
  };
};

export type PricingService = ReturnType<typeof createPricingService>;
