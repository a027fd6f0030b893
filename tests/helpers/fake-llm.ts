import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Local stand-ins for OpenAI (chat completions with usage, image generations with b64_json) and
 * Anthropic (messages with usage), speaking their real wire formats so the official SDKs talk to them
 * through their base URL, exactly as in production. Each API answers from a script of behaviours
 * queued per test (429 with Retry-After, 500, 529 overloaded, a hang past the client's timeout,
 * malformed JSON, a refusal, 401), then from default responders that produce valid output for each
 * of our operations (the operation is read from `response_format.json_schema.name` for OpenAI and
 * from the system prompt for Anthropic).
 */
export type Api = 'openai-chat' | 'openai-images' | 'anthropic';

export type Behaviour =
  | { kind: 'ok' }
  | { kind: 'json'; body: unknown }
  | { kind: 'text'; text: string }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'refusal' };

export interface SeenRequest {
  api: Api;
  op: string | null;
  key: string;
  body: any;
  prompt: string;
}

// A valid 1×1 PNG.
export const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

const lines = (prompt: string, after: RegExp) => {
  const at = prompt.search(after);
  if (at < 0) return [];
  return prompt
    .slice(at)
    .split('\n')
    .slice(1)
    .map((l) => l.trim())
    .filter((l, i, all) => l && all.slice(0, i).every(Boolean));
};

/** Valid answers for our operations, built from what the prompt asked for. */
const defaults: Record<string, (prompt: string) => unknown> = {
  auto_cluster: (prompt) => {
    const keywords = lines(prompt, /Keywords \(one per line\):/);
    const half = Math.ceil(keywords.length / 2);
    const groups = [keywords.slice(0, half), keywords.slice(half)].filter((g) => g.length);
    return { clusters: groups.map((g, i) => ({ name: `Topic ${i + 1}: ${g[0]}`, intent: 'informational', description: `About ${g[0]}`, keywords: g })) };
  },
  generate_ideas: (prompt) => {
    const count = Number(prompt.match(/Propose (\d+)/)?.[1] ?? 2);
    const cluster = prompt.match(/Topic cluster: (.*)/)?.[1] ?? 'topic';
    return {
      ideas: Array.from({ length: count }, (_, i) => ({
        title: `Idea ${i + 1} for ${cluster}`.slice(0, 60),
        primary_keyword: `${cluster} ${i + 1}`,
        secondary_keywords: ['extra one', 'extra two'],
        content_type: i % 2 ? 'guide' : 'blog_post',
        angle: `Angle ${i + 1}`,
        outline: ['Introduction', 'Main part', 'Conclusion'],
      })),
    };
  },
  generate_content: (prompt) => {
    const title = prompt.match(/Title: (.*)/)?.[1] ?? 'An article';
    const paragraph = 'This sentence has exactly ten words in it for counting. ';
    return {
      title,
      html: `<h2>Introduction</h2><p>${paragraph.repeat(10)}</p><h2>Details</h2><p>${paragraph.repeat(20)}</p>`,
      excerpt: `A short excerpt about ${title}.`,
      meta_title: title,
      meta_description: `Everything about ${title}.`,
      primary_keyword: title.toLowerCase(),
      secondary_keywords: ['second keyword'],
      taxonomy_suggestions: { categories: ['Guides'], tags: ['tips', 'how-to'] },
    };
  },
  generate_image_prompts: (prompt) => {
    const count = Number(prompt.match(/and (\d+) in-article images/)?.[1] ?? 1);
    return { featured: 'A wide photo of a tidy workshop at dawn', in_article: Array.from({ length: count }, (_, i) => ({ section: `Section ${i + 1}`, prompt: `A close-up photo number ${i + 1}` })) };
  },
};

export const startFakeLlm = async (validKeys: { openai: string[]; anthropic: string[] }) => {
  const scripts: Record<Api, Behaviour[]> = { 'openai-chat': [], 'openai-images': [], anthropic: [] };
  const responders: Record<string, (prompt: string) => unknown> = { ...defaults };
  const seen: SeenRequest[] = [];
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      const url = req.url ?? '';
      const api: Api | null = url.startsWith('/openai/v1/chat/completions')
        ? 'openai-chat'
        : url.startsWith('/openai/v1/images/generations')
          ? 'openai-images'
          : url.startsWith('/anthropic/v1/messages')
            ? 'anthropic'
            : null;
      if (!api || req.method !== 'POST') return json(404, { error: { message: `no route ${req.method} ${url}` } });
      const body = raw ? JSON.parse(raw) : {};
      const anthropic = api === 'anthropic';
      const key = anthropic ? ((req.headers['x-api-key'] as string) ?? (req.headers.authorization ?? '').replace(/^Bearer /, '')) : (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const userText = (m: any) => (typeof m?.content === 'string' ? m.content : Array.isArray(m?.content) ? m.content.map((c: any) => c.text ?? '').join('') : '');
      const prompt = api === 'openai-images' ? String(body.prompt ?? '') : userText((body.messages ?? []).find((m: any) => m.role === 'user'));
      const systemText = anthropic ? String(body.system ?? '') : userText((body.messages ?? []).find((m: any) => m.role === 'system'));
      const op = api === 'openai-chat' ? (body.response_format?.json_schema?.name ?? null) : anthropic ? (systemText.match(/schema "([a-z_]+)"/)?.[1] ?? null) : 'generate_images';
      seen.push({ api, op, key, body, prompt });

      const errorBody = (type: string, message: string, code?: string) =>
        anthropic ? { type: 'error', error: { type, message } } : { error: { message, type, param: null, code: code ?? null } };
      if (!(anthropic ? validKeys.anthropic : validKeys.openai).includes(key)) {
        // Like the real API, a wrong key's message echoes part of it (callers must redact).
        return json(401, anthropic ? errorBody('authentication_error', 'invalid x-api-key') : errorBody('invalid_request_error', `Incorrect API key provided: ${key}.`, 'invalid_api_key'));
      }

      const behaviour = scripts[api].shift() ?? { kind: 'ok' };
      if (behaviour.kind === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      if (behaviour.kind === 'status') {
        const fallback =
          behaviour.status === 429 ? errorBody(anthropic ? 'rate_limit_error' : 'requests', 'Rate limit reached', 'rate_limit_exceeded')
          : behaviour.status === 529 ? errorBody('overloaded_error', 'Overloaded')
          : behaviour.status === 401 ? errorBody(anthropic ? 'authentication_error' : 'invalid_request_error', 'invalid api key', 'invalid_api_key')
          : errorBody(anthropic ? 'api_error' : 'server_error', 'The server had an error');
        return json(behaviour.status, behaviour.body ?? fallback, behaviour.headers);
      }

      if (api === 'openai-images') {
        return json(200, { created: Math.floor(Date.now() / 1000), data: [{ b64_json: PNG_1X1, revised_prompt: `Revised: ${prompt.slice(0, 50)}` }] });
      }
      let text: string | null;
      let refusal: string | null = null;
      if (behaviour.kind === 'refusal') {
        text = null;
        refusal = "I'm sorry, I can't help with that request.";
      } else if (behaviour.kind === 'text') text = behaviour.text;
      else if (behaviour.kind === 'json') text = JSON.stringify(behaviour.body);
      else {
        const responder = op ? responders[op] : undefined;
        text = JSON.stringify(responder ? responder(prompt) : { ok: true });
      }
      const inTokens = tokens(JSON.stringify(body.messages ?? '') + systemText);
      const outTokens = tokens(text ?? refusal ?? '');
      if (anthropic) {
        return json(200, {
          id: `msg_fake_${seen.length}`, type: 'message', role: 'assistant', model: body.model,
          content: text === null ? [] : [{ type: 'text', text }],
          stop_reason: refusal ? 'refusal' : 'end_turn', stop_sequence: null,
          usage: { input_tokens: inTokens, output_tokens: outTokens },
        });
      }
      return json(200, {
        id: `chatcmpl-fake-${seen.length}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: text, refusal }, logprobs: null, finish_reason: 'stop' }],
        usage: { prompt_tokens: inTokens, completion_tokens: outTokens, total_tokens: inTokens + outTokens },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    openaiBaseUrl: `http://127.0.0.1:${port}/openai/v1`,
    anthropicBaseUrl: `http://127.0.0.1:${port}/anthropic`,
    seen,
    /** Queues behaviours for the next requests to `api` (then back to normal answers). */
    script: (api: Api, ...behaviours: Behaviour[]) => void scripts[api].push(...behaviours),
    /** Replaces the default answer of one operation. */
    respond: (op: string, responder: (prompt: string) => unknown) => void (responders[op] = responder),
    reset() {
      for (const api of Object.keys(scripts) as Api[]) scripts[api].length = 0;
      Object.assign(responders, defaults);
      seen.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

export type FakeLlm = Awaited<ReturnType<typeof startFakeLlm>>;
