import OpenAI from 'openai';
import { permanent } from '../domain/errors';
import type { ImageProvider } from '../domain/types';
import { createClientCache } from './client-cache';
import { fromSdkError } from './sdk-error';

const clientFor = createClientCache((options) => new OpenAI(options));

/** OpenAI image generation; the bytes come back inline (`b64_json`), so nothing is fetched from a URL. */
export const openaiImages: ImageProvider = {
  name: 'openai-images',
  vendor: 'openai',
  kind: 'image',
  keyProvider: 'dalle',
  defaultModel: (settings) => String(settings.imageModel ?? 'dall-e-3'),

  async image(call, request) {
    const client = clientFor(call);
    // DALL·E models answer with a URL unless asked for b64_json; gpt-image models always send b64 and refuse the parameter.
    const dalle = /^dall-e/i.test(request.model);
    let response: OpenAI.Images.ImagesResponse;
    try {
      response = await client.images.generate({
        model: request.model,
        prompt: request.prompt,
        n: 1,
        ...(request.size ? { size: request.size as any } : {}),
        ...(request.quality ? { quality: request.quality as any } : {}),
        ...(dalle && request.style ? { style: request.style as any } : {}),
        ...(dalle ? { response_format: 'b64_json' as const } : {}),
      });
    } catch (error) {
      throw fromSdkError('openai', error, call.apiKey);
    }
    const first = response.data?.[0];
    if (!first?.b64_json) throw permanent('invalid_request', 'openai returned no image data (b64_json). Check the image model in Settings.');
    return {
      data: Buffer.from(first.b64_json, 'base64'),
      mime: 'image/png',
      model: request.model,
      revisedPrompt: first.revised_prompt ?? null,
      raw: { created: response.created, data: [{ revised_prompt: first.revised_prompt ?? null, b64_json: `[${first.b64_json.length} base64 characters]` }] },
    };
  },
};
