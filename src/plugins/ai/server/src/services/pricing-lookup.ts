import type { Core } from '@strapi/strapi';
import { getCreditsService } from '../../../../credits/server/src/utils/get-service';
import type { CostConfig, ModelConfig } from '../../../../credits/server/src/domain/pricing';

type Priced = { cost: CostConfig; model: ModelConfig | null };

// Every run is priced twice (estimate at start, real cost at the end) from rows staff rarely edit:
// a few seconds of caching saves four queries a run; an edit applies to runs priced after that.
const TTL_MS = 5_000;
const caches = new WeakMap<Core.Strapi, Map<string, { at: number; value: Promise<Priced> }>>();

const load = async (strapi: Core.Strapi, args: { operation: string; model: string | null; type: 'text' | 'image' }): Promise<Priced> => {
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

/**
 * The credit cost of an operation and the priced model. A model the staff have not configured is
 * priced as the default model of its type, so a tenant's model choice never makes a run unpriceable.
 */
export const pricingFor = (strapi: Core.Strapi, args: { operation: string; model: string | null; type: 'text' | 'image' }): Promise<Priced> => {
  let cache = caches.get(strapi);
  if (!cache) caches.set(strapi, (cache = new Map()));
  const key = `${args.operation}\u0000${args.model ?? ''}\u0000${args.type}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
  const value = load(strapi, args);
  cache.set(key, { at: Date.now(), value });
  // A failed lookup (no price configured) is not remembered: the fix applies at once.
  value.catch(() => cache!.delete(key));
  return value;
};
