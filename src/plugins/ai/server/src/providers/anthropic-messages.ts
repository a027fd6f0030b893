import Anthropic from '@anthropic-ai/sdk';
import { permanent } from '../domain/errors';
import type { ChatProvider } from '../domain/types';
import { createClientCache } from './client-cache';
import { fromSdkError } from './sdk-error';

const clientFor = createClientCache((options) => new Anthropic(options));

/**
 * Anthropic Messages. There is no JSON mode: the schema goes in the system prompt and the answer is
 * parsed and validated like any other (a bad one is re-asked by the engine).
 */
export const anthropicMessages: ChatProvider = {
  name: 'anthropic-messages',
  vendor: 'anthropic',
  kind: 'chat',
  keyProvider: 'anthropic',
  defaultModel: (settings) => String(settings.anthropicModel ?? 'claude-sonnet-4-5'),

  async chat(call, request) {
    const client = clientFor(call);
    let message: Anthropic.Messages.Message;
    try {
      message = await client.messages.create({
        model: request.model,
        max_tokens: request.maxTokens ?? 4096,
        system: `${request.system}\n\nJSON Schema of the answer:\n${JSON.stringify(request.jsonSchema)}`,
        messages: request.messages,
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      });
    } catch (error) {
      throw fromSdkError('anthropic', error, call.apiKey);
    }
    if ((message.stop_reason as string) === 'refusal') throw permanent('content_policy', 'anthropic declined to answer under its usage policy. Change the input and start a new run.');
    const text = message.content
      .filter((block): block is Anthropic.Messages.TextBlock => block.type === 'text')
      .map((block) => block.text)
      .join('');
    return { text, model: message.model ?? request.model, inputTokens: message.usage?.input_tokens ?? 0, outputTokens: message.usage?.output_tokens ?? 0, raw: message };
  },
};
