import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A failure the fake injects into the next matching request(s). */
export type Fault =
  | { kind: 'status'; status: 401 | 403 | 404 | 429 | 500 | 503; code?: string; retryAfter?: string }
  | { kind: 'timeout-after-create' }
  | { kind: 'strip-auth' };

export interface FakePost {
  id: number;
  title: { raw: string };
  content: { raw: string };
  excerpt: { raw: string };
  slug: string;
  status: string;
  categories: number[];
  tags: number[];
  featured_media: number;
  link: string;
  date_gmt?: string;
}

/**
 * A WordPress speaking the REST routes we use, over real HTTP on 127.0.0.1: `/wp-json/` index,
 * `wp/v2/users/me?context=edit` (capabilities), posts (create, update, get, search with status=any),
 * categories and tags (list by slug, create, `term_exists`), media uploads. Basic auth with an
 * application password; WordPress's own error codes. Faults are queued per route prefix.
 */
export const startFakeWordPress = async (options: { username?: string; password?: string; latencyMs?: number; capabilities?: Record<string, boolean> } = {}) => {
  const username = options.username ?? 'editor';
  const password = options.password ?? 'abcd efgh ijkl mnop qrst uvwx';
  let latencyMs = options.latencyMs ?? 0;
  const posts = new Map<number, FakePost>();
  const terms = { categories: new Map<number, any>(), tags: new Map<number, any>() };
  const media = new Map<number, any>();
  const faults: Array<{ route: string; method?: string; fault: Fault; times: number }> = [];
  let nextId = 1;
  let stripAuth = false;
  const requests: Array<{ method: string; path: string }> = [];
  // Requests being answered right now (latency included), and the most there have been at once.
  let inFlight = 0;
  let peakInFlight = 0;
  let base = '';

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const wpError = (res: http.ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    send(res, status, { code, message, data: { status } }, headers);

  const authOk = (req: http.IncomingMessage) => {
    if (stripAuth) return 'missing';
    const header = req.headers.authorization;
    if (!header?.startsWith('Basic ')) return 'missing';
    const [user, pass] = Buffer.from(header.slice(6), 'base64').toString().split(/:(.*)/s);
    // Stock WordPress (checked on 6.1.9) answers a wrong user or application password like a missing
    // header: WP::init() resolves the user before REST_REQUEST is set, and the REST retry of the
    // application password comes after the filter that would report `incorrect_password`. The real
    // codes are still injectable with `fail(..., { code: 'incorrect_password' })`.
    if (user !== username) return 'missing';
    return pass === password.replace(/\s+/g, '') ? 'ok' : 'missing';
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/^\/wp-json/, '').replace(/\/$/, '') || '/';
    const method = req.method ?? 'GET';
    requests.push({ method, path });
    const faultIndex = faults.findIndex((f) => path.startsWith(f.route) && (!f.method || f.method === method));
    let fault: Fault | undefined;
    if (faultIndex >= 0) {
      fault = faults[faultIndex].fault;
      if (--faults[faultIndex].times <= 0) faults.splice(faultIndex, 1);
    }
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
      return wpError(res, fault.status, fault.code ?? `fake_${fault.status}`, `Injected ${fault.status}`, headers);
    }
    const stripOnce = fault?.kind === 'strip-auth';

    if (path === '/') return send(res, 200, { name: 'Fake WP', namespaces: ['oembed/1.0', 'wp/v2'], url: base });
    const auth = stripOnce ? 'missing' : authOk(req);
    if (auth === 'missing') return wpError(res, 401, method === 'GET' ? 'rest_not_logged_in' : 'rest_cannot_create', 'You are not currently logged in.');
    if (auth !== 'ok') return wpError(res, 401, auth, 'The provided password is an invalid application password.');
    const json = () => (raw.length ? JSON.parse(raw.toString()) : {});

    if (path === '/wp/v2/users/me') {
      return send(res, 200, { id: 1, slug: username, name: username, roles: ['editor'], capabilities: options.capabilities ?? { edit_posts: true, publish_posts: true, upload_files: true, manage_categories: true } });
    }
    const termMatch = path.match(/^\/wp\/v2\/(categories|tags)$/);
    if (termMatch) {
      const store = terms[termMatch[1] as 'categories' | 'tags'];
      if (method === 'GET') {
        const slug = url.searchParams.get('slug');
        return send(res, 200, [...store.values()].filter((t) => !slug || t.slug === slug));
      }
      const body = json();
      const existing = [...store.values()].find((t) => t.slug === body.slug);
      if (existing) return send(res, 400, { code: 'term_exists', message: 'A term with the name provided already exists.', data: { status: 400, term_id: existing.id } });
      const term = { id: nextId++, name: body.name, slug: body.slug };
      store.set(term.id, term);
      return send(res, 201, term);
    }
    if (path === '/wp/v2/media' && method === 'POST') {
      const item = { id: nextId++, source_url: `${base}/wp-content/uploads/${nextId}.png`, bytes: raw.length, mime: req.headers['content-type'] };
      media.set(item.id, item);
      return send(res, 201, item);
    }
    if (path === '/wp/v2/posts') {
      if (method === 'GET') {
        const search = url.searchParams.get('search');
        const status = url.searchParams.get('status');
        const found = [...posts.values()].filter((p) => (status === 'any' || p.status === 'publish') && (!search || p.content.raw.includes(search) || p.title.raw.includes(search)));
        return send(res, 200, found);
      }
      const body = json();
      const post = toPost(nextId++, body);
      posts.set(post.id, post);
      if (fault?.kind === 'timeout-after-create') return; // the post exists; the client never hears back
      return send(res, 201, post);
    }
    const postMatch = path.match(/^\/wp\/v2\/posts\/(\d+)$/);
    if (postMatch) {
      const post = posts.get(Number(postMatch[1]));
      if (!post) return wpError(res, 404, 'rest_post_invalid_id', 'Invalid post ID.');
      if (method === 'GET') return send(res, 200, post);
      if (method === 'DELETE') {
        post.status = 'trash';
        return send(res, 200, post);
      }
      const updated = toPost(post.id, { ...fromPost(post), ...json() });
      posts.set(post.id, updated);
      return send(res, 200, updated);
    }
    return wpError(res, 404, 'rest_no_route', 'No route was found matching the URL and request method.');
  };

  const toPost = (id: number, body: any): FakePost => ({
    id,
    title: { raw: body.title ?? '' },
    content: { raw: body.content ?? '' },
    excerpt: { raw: body.excerpt ?? '' },
    slug: body.slug ?? `post-${id}`,
    status: body.status ?? 'draft',
    categories: body.categories ?? [],
    tags: body.tags ?? [],
    featured_media: body.featured_media ?? 0,
    date_gmt: body.date_gmt,
    link: `${base}/?p=${id}`,
  });
  const fromPost = (p: FakePost) => ({ title: p.title.raw, content: p.content.raw, excerpt: p.excerpt.raw, slug: p.slug, status: p.status, categories: p.categories, tags: p.tags, featured_media: p.featured_media, date_gmt: p.date_gmt });

  const server = http.createServer((req, res) => {
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    res.on('close', () => inFlight--);
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const go = () => handle(req, res, Buffer.concat(chunks)).catch((e) => send(res, 500, { code: 'internal', message: String(e) }));
      if (latencyMs) setTimeout(go, latencyMs);
      else void go();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    port,
    username,
    password,
    posts,
    terms,
    media,
    requests,
    /** Queue a fault for the next `times` requests whose path starts with `route` (e.g. '/wp/v2/posts'). */
    fail(route: string, fault: Fault, times = 1, method?: string) {
      faults.push({ route, fault, times, method });
    },
    setStripAuth(value: boolean) {
      stripAuth = value;
    },
    setLatency(ms: number) {
      latencyMs = ms;
    },
    /** The most requests this site was answering at once since it started (or since `resetPeakInFlight`). */
    peakInFlight: () => peakInFlight,
    resetPeakInFlight() {
      peakInFlight = inFlight;
    },
    postsWithMarker: (token: string) => [...posts.values()].filter((p) => p.content.raw.includes(token)),
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
};

export type FakeWordPress = Awaited<ReturnType<typeof startFakeWordPress>>;
