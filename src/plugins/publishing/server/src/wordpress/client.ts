import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { checkAddresses, checkUrl, type AllowEntry } from '../domain/address-guard';
import { kindOfStatus, parseRetryAfter, WordPressError } from '../domain/errors';

export type Resolver = (host: string) => Promise<Array<{ address: string; family: number }>>;

const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

export interface WordPressClientArgs {
  baseUrl: string;
  username: string;
  password: string;
  allow: AllowEntry[];
  timeoutMs: number;
  resolve?: Resolver;
  /** Test hook: send no Authorization header (the doctor uses it to tell "stripped" from "wrong"). */
  anonymous?: boolean;
}

export interface WpResponse<T = any> {
  status: number;
  headers: http.IncomingHttpHeaders;
  data: T;
}

const MAX_BODY = 5 * 1024 * 1024;

/**
 * A minimal WordPress REST client over node:http(s). Every connection resolves the host itself, checks
 * every address with the address guard, and connects to the checked address (custom `lookup`), so a
 * DNS answer that changes between check and connect cannot reach an internal address. Redirects are not
 * followed (a POST redirected after an https move would be replayed as GET).
 */
export const createWordPressClient = (args: WordPressClientArgs) => {
  const checked = checkUrl({ url: args.baseUrl, allow: args.allow });
  const resolve = args.resolve ?? systemResolver;
  const base = checked.url.href.replace(/\/+$/, '');
  const auth = `Basic ${Buffer.from(`${args.username}:${args.password.replace(/\s+/g, '')}`).toString('base64')}`;

  const lookup = (hostname: string, options: any, callback: any) => {
    const cb = typeof options === 'function' ? options : callback;
    const all = typeof options === 'object' && options?.all;
    resolve(hostname)
      .then((addresses) => {
        const first = checkAddresses({ host: hostname, port: checked.port, addresses, allow: args.allow });
        if (all) cb(null, addresses); // every one of them passed the check
        else cb(null, first.address, first.family);
      })
      .catch((error) => cb(error));
  };

  async function request<T = any>(method: string, path: string, opts: { query?: Record<string, unknown>; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {}): Promise<WpResponse<T>> {
    const url = new URL(`${base}/wp-json${path}`);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const payload = opts.json !== undefined ? Buffer.from(JSON.stringify(opts.json)) : opts.body;
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'IGNY8-Publisher/1.0', ...opts.headers };
    if (!args.anonymous) headers.Authorization = auth;
    if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
    if (payload) headers['Content-Length'] = String(payload.length);
    const transport = url.protocol === 'https:' ? https : http;

    return new Promise<WpResponse<T>>((resolvePromise, reject) => {
      let sent = false;
      const req = transport.request(url, { method, headers, lookup, agent: false, timeout: args.timeoutMs }, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY) req.destroy(new WordPressError('The site answered with more than 5 MB', { kind: 'transient' }));
          else chunks.push(chunk);
        });
        res.on('error', (error) => reject(new WordPressError(`Reading the answer failed: ${error.message}`, { kind: method === 'GET' ? 'transient' : 'unknown-outcome' })));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let data: any = text;
          try {
            data = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON: kept as text */
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolvePromise({ status, headers: res.headers, data });
          if (status >= 300 && status < 400) {
            return reject(new WordPressError(`The site redirects ${url.pathname} to ${res.headers.location ?? 'elsewhere'}; use the final address (https, with or without www) as the site address`, { kind: 'permanent', status }));
          }
          const code = typeof data === 'object' && data ? data.code : undefined;
          const message = typeof data === 'object' && data?.message ? String(data.message) : `HTTP ${status}`;
          reject(new WordPressError(`${method} ${url.pathname}: ${status} ${code ?? ''} ${message}`.replace(/\s+/g, ' ').trim(), {
            kind: kindOfStatus(status),
            status,
            code,
            retryAfterMs: parseRetryAfter(res.headers['retry-after'] as string | undefined),
          }));
        });
      });
      req.on('finish', () => {
        sent = true;
      });
      req.on('timeout', () => req.destroy(new WordPressError(`No answer from the site within ${args.timeoutMs} ms`, { kind: sent && method !== 'GET' ? 'unknown-outcome' : 'transient', code: 'timeout' })));
      req.on('error', (error: any) => {
        if (error instanceof WordPressError) return reject(error);
        if (error?.name === 'AddressRefusedError') return reject(new WordPressError(error.message, { kind: 'permanent', code: 'address_refused' }));
        const kind = sent && method !== 'GET' ? 'unknown-outcome' : error?.code === 'ENOTFOUND' ? 'permanent' : 'transient';
        reject(new WordPressError(`Could not reach the site: ${error?.code ?? ''} ${error?.message ?? error}`.trim(), { kind, code: error?.code }));
      });
      req.end(payload);
    });
  }

  return {
    baseUrl: base,
    request,
    root: () => request('GET', '/'),
    me: () => request('GET', '/wp/v2/users/me', { query: { context: 'edit' } }),
    findPostsByMarker: (token: string) => request<any[]>('GET', '/wp/v2/posts', { query: { search: token, status: 'any', context: 'edit', per_page: 10 } }),
    getPost: (id: number | string) => request('GET', `/wp/v2/posts/${id}`, { query: { context: 'edit' } }),
    createPost: (body: unknown) => request('POST', '/wp/v2/posts', { json: body }),
    updatePost: (id: number | string, body: unknown) => request('POST', `/wp/v2/posts/${id}`, { json: body }),
    deletePost: (id: number | string, force = false) => request('DELETE', `/wp/v2/posts/${id}`, { query: { force: force ? 'true' : undefined } }),
    listTerms: (kind: 'categories' | 'tags', query: Record<string, unknown>) => request<any[]>('GET', `/wp/v2/${kind}`, { query }),
    createTerm: (kind: 'categories' | 'tags', body: { name: string; slug: string }) => request('POST', `/wp/v2/${kind}`, { json: body }),
    uploadMedia: (file: { body: Buffer; filename: string; mime: string }) =>
      request('POST', '/wp/v2/media', {
        body: file.body,
        headers: { 'Content-Type': file.mime, 'Content-Disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"` },
      }),
  };
};

export type WordPressClient = ReturnType<typeof createWordPressClient>;
