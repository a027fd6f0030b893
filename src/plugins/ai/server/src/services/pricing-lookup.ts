import type { Core } from '@strapi/strapi';
import { getCreditsService } from '../../../../credits/server/src/utils/get-service';
import type { CostConfig, ModelConfig } from '../../../../credits/server/src/domain/pricing';

/**
 * The credit cost of an operation and the priced model. A model the staff have not configured is
 * priced as the default model of its type, so a tenant's model choice never makes a run unpriceable.
 */
export const pricingFor = async (strapi: Core.Strapi, args: { operation: string; model: string | null; type: 'text' | 'image' }): Promise<{ cost: CostConfig; model: ModelConfig | null }> => {
  const pricing = getCreditsService(strapi, 'pricing');
  const cost = await pricing.costConfig(args.operation);
  let model: ModelConfig | null = null;
  try {
    model = await pricing.modelConfig(args.model, args.type);
  } catch {
    model = await pricing.modelConfig(null, args.type);
  }
  return { cost, model };
};
