import { createRegistry } from '../domain/registry';
import type { AiProvider } from '../domain/types';
import type { AnyOperation } from '../operations/operation';

const checkProvider = (p: AiProvider) => {
  if (p.kind === 'chat' && typeof (p as any).chat !== 'function') throw new TypeError(`AI provider "${p.name}" (chat) must implement chat()`);
  if (p.kind === 'image' && typeof (p as any).image !== 'function') throw new TypeError(`AI provider "${p.name}" (image) must implement image()`);
  if (p.kind !== 'chat' && p.kind !== 'image') throw new TypeError(`AI provider "${(p as AiProvider).name}" has unknown kind "${(p as any).kind}"`);
  if (!['openai', 'dalle', 'anthropic'].includes(p.keyProvider)) throw new TypeError(`AI provider "${p.name}": keyProvider must be openai, dalle or anthropic`);
};

const checkOperation = (o: AnyOperation) => {
  if (!['chat', 'image', 'none'].includes(o.kind)) throw new TypeError(`AI operation "${o.name}" has unknown kind "${o.kind}"`);
  if (o.kind === 'none' && typeof o.run !== 'function') throw new TypeError(`AI operation "${o.name}" (kind none) must implement run()`);
  if (o.kind !== 'none' && (typeof o.save !== 'function' || !o.pricing)) throw new TypeError(`AI operation "${o.name}" must have pricing and save()`);
  if (o.kind === 'chat' && !o.output) throw new TypeError(`AI operation "${o.name}" (chat) must declare its output schema`);
  if (!Number.isInteger(o.maxRecords) || o.maxRecords < 1) throw new TypeError(`AI operation "${o.name}": maxRecords must be a positive integer`);
};

/**
 * The two extension points of the plugin (see EXTENDING.md, "AI providers and operations"): other
 * plugins register providers and operations in their `register()`; the run engine only ever looks
 * them up here.
 */
export const createRegistryService = () => ({
  providers: createRegistry<AiProvider>('AI provider', checkProvider),
  operations: createRegistry<AnyOperation>('AI operation', checkOperation),
});

export type RegistryService = ReturnType<typeof createRegistryService>;
