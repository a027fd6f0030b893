import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import type { Core } from '@strapi/strapi';
import type { Provider } from '../domain/types';
import { redact } from '../utils/errors';
import { getService } from '../utils/get-service';
import { aadFor } from './key-ring';

export interface ConnectionResult {
  provider: Provider;
  ok: boolean;
  keySource: 'platform' | 'account';
  /** Models the key can see (first page), when the call succeeded. */
  models?: number;
  /** Whether the configured model is among them. */
  modelAvailable?: boolean;
  /** The provider's error, with the key removed. */
  error?: string;
  ms: number;
}

/**
 * "Test connection": lists models through the official SDK with the stored key and base URL. The key
 * is decrypted here, passed to the SDK and dropped; every error text is redacted before it leaves.
 */
export const createConnectionTestService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async test(args: { provider: Provider; accountId?: number }): Promise<ConnectionResult> {
    const store = getService(strapi, 'store');
    const ring = getService(strapi, 'key-ring');
    const global = await store.loadGlobal();
    let apiKey: string | undefined;
    let keySource: 'platform' | 'account' = 'platform';
    let values = global.data.values;
    if (args.accountId) {
      const row = await store.overrideRow(args.accountId);
      const own = row?.secrets?.[args.provider];
      if (own?.ciphertext) {
        apiKey = ring.open(own, aadFor({ accountId: args.accountId }, args.provider));
        keySource = 'account';
        values = { ...values, ...Object.fromEntries(Object.entries(row).filter(([k, v]) => k in values && v !== null)) };
      }
    }
    if (!apiKey) {
      const stored = global.secrets[args.provider];
      if (!stored?.ciphertext) return { provider: args.provider, ok: false, keySource, error: `No ${args.provider} key is configured`, ms: 0 };
      apiKey = ring.open(stored, aadFor({}, args.provider));
    }
    const started = Date.now();
    try {
      let ids: string[];
      if (args.provider === 'anthropic') {
        const client = new Anthropic({ apiKey, baseURL: values.anthropicBaseUrl ?? undefined, maxRetries: 0, timeout: 10000 });
        ids = (await client.models.list()).data.map((m) => m.id);
      } else {
        const client = new OpenAI({ apiKey, baseURL: values.openaiBaseUrl ?? undefined, maxRetries: 0, timeout: 10000 });
        ids = (await client.models.list()).data.map((m) => m.id);
      }
      const model = args.provider === 'anthropic' ? values.anthropicModel : args.provider === 'dalle' ? values.imageModel : values.openaiModel;
      return { provider: args.provider, ok: true, keySource, models: ids.length, modelAvailable: ids.includes(model), ms: Date.now() - started };
    } catch (error) {
      const message = redact(String((error as Error)?.message ?? error), [apiKey, apiKey.slice(0, -4), apiKey.slice(4)]);
      return { provider: args.provider, ok: false, keySource, error: message.slice(0, 300), ms: Date.now() - started };
    }
  },
});

export type ConnectionTestService = ReturnType<typeof createConnectionTestService>;
