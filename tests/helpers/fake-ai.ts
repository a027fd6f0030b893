import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the OpenAI and Anthropic HTTP APIs (the model-listing endpoints), speaking their
 * wire format so the official SDKs can be pointed at it with a base URL. Like the real OpenAI API, a
 * wrong key's 401 echoes part of the key, so callers' redaction is put to the test.
 */
export const startFakeAi = async (validKeys: { openai: string[]; anthropic: string[] }) => {
  const seen: Array<{ path: string; auth: string | undefined }> = [];
  const server = http.createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url?.startsWith('/openai/v1/models')) {
      const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      seen.push({ path: req.url, auth: key });
      if (!validKeys.openai.includes(key)) {
        return json(401, { error: { message: `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
      }
      return json(200, { object: 'list', data: ['gpt-4o-mini', 'dall-e-3', 'gpt-4.1'].map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'system' })) });
    }
    if (req.method === 'POST' && req.url?.startsWith('/openai/v1/chat/completions')) {
      const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      seen.push({ path: req.url, auth: key });
      if (!validKeys.openai.includes(key)) return json(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } });
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const body = JSON.parse(raw || '{}');
        json(200, {
          id: 'chatcmpl-fake', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: `echo: ${body.messages?.at(-1)?.content ?? ''}` }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 },
        });
      });
      return;
    }
    if (req.url?.startsWith('/anthropic/v1/models')) {
      // SDK 1.x sends the key as a Bearer token; older clients used x-api-key. Both are accepted.
      const key = (req.headers['x-api-key'] as string | undefined) ?? (req.headers.authorization ?? '').replace(/^Bearer /, '');
      seen.push({ path: req.url, auth: key });
      if (!key || !validKeys.anthropic.includes(key)) {
        return json(401, { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } });
      }
      return json(200, {
        data: [{ type: 'model', id: 'claude-sonnet-4-5', display_name: 'Claude Sonnet 4.5', created_at: '2025-09-29T00:00:00Z' }],
        has_more: false,
        first_id: 'claude-sonnet-4-5',
        last_id: 'claude-sonnet-4-5',
      });
    }
    json(404, { error: { message: 'not found' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    openaiBaseUrl: `http://127.0.0.1:${port}/openai/v1`,
    anthropicBaseUrl: `http://127.0.0.1:${port}/anthropic`,
    seen,
    // SDK clients keep connections alive; drop them so neither close() nor jest's exit waits for them.
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
};
