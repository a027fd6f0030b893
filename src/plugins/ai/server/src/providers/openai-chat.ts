import OpenAI from 'openai';
import { permanent } from '../domain/errors';
import type { ChatProvider } from '../domain/types';
import { createClientCache } from './client-cache';
import { fromSdkError } from './sdk-error';

const clientFor = createClientCache((options) => new OpenAI(options));

/** OpenAI chat completions with JSON output through `response_format` (JSON Schema, non-strict). */
export const openaiChat: ChatProvider = {
  name: 'openai-chat',
  vendor: 'openai',
  kind: 'chat',
  keyProvider: 'openai',
  defaultModel: (settings) => String(settings.openaiModel ?? 'gpt-4o-mini'),

  async chat(call, request) {
    const client = clientFor(call);
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await client.chat.completions.create({
        model: request.model,
        messages: [{ role: 'system', content: request.system }, ...request.messages],
        response_format: { type: 'json_schema', json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: false } },
        ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
        ...(request.maxTokens !== undefined ? { max_tokens: request.maxTokens } : {}),
      });
    } catch (error) {
      throw fromSdkError('openai', error, call.apiKey);
    }
    const choice = completion.choices?.[0];
    if (choice?.message?.refusal) throw permanent('content_policy', `openai refused to answer: ${choice.message.refusal.slice(0, 200)}. Change the input and start a new run.`);
    if (choice?.finish_reason === 'content_filter') throw permanent('content_policy', 'openai stopped the answer under its content filter. Change the input and start a new run.');
    return {
      text: choice?.message?.content ?? '',
      model: completion.model ?? request.model,
      inputTokens: completion.usage?.prompt_tokens ?? 0,
      outputTokens: completion.usage?.completion_tokens ?? 0,
      raw: completion,
    };
  },
};
