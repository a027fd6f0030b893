import net from 'node:net';

/**
 * SSRF guard for tenant-supplied site addresses (OWASP API7). Pure: DNS resolution is injected, so the
 * rules are unit-tested without a network. The HTTP client calls `checkAddresses` from its socket
 * `lookup`, i.e. for every connection it opens, and connects to the address that was checked (no DNS
 * rebinding between check and connect).
 */

export class AddressRefusedError extends Error {
  constructor(message: string, readonly details: { host: string; address?: string; reason: string }) {
    super(message);
    this.name = 'AddressRefusedError';
  }
}

/** One allow-list entry: `host` (any port) or `host:port`; host is a hostname or an IP literal. */
export interface AllowEntry {
  host: string;
  port?: number;
}

export const parseAllowList = (raw: string | string[] | undefined): AllowEntry[] => {
  const items = Array.isArray(raw) ? raw : String(raw ?? '').split(',');
  return items
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((item) => {
      // [v6]:port, v6, host:port, host
      const bracket = item.match(/^\[([^\]]+)\](?::(\d+))?$/);
      if (bracket) return { host: bracket[1], port: bracket[2] ? Number(bracket[2]) : undefined };
      if (net.isIPv6(item)) return { host: item };
      const [host, port] = item.split(':');
      return { host, port: port ? Number(port) : undefined };
    });
};

const allowed = (allow: AllowEntry[], host: string, port: number) =>
  allow.some((e) => e.host === host.toLowerCase() && (e.port === undefined || e.port === port));

const v4ToInt = (ip: string) => ip.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
const inV4 = (ip: string, cidr: string) => {
  const [base, bits] = cidr.split('/');
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (v4ToInt(ip) & mask) === (v4ToInt(base) & mask);
};

const V4_BLOCKED: Array<[string, string]> = [
  ['0.0.0.0/8', 'this network'],
  ['10.0.0.0/8', 'private network'],
  ['100.64.0.0/10', 'carrier-grade NAT'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local (cloud metadata)'],
  ['172.16.0.0/12', 'private network'],
  ['192.0.0.0/24', 'IETF protocol assignments'],
  ['192.0.2.0/24', 'documentation'],
  ['192.168.0.0/16', 'private network'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
];

/** Expands an IPv6 literal to eight 16-bit groups (handles `::` and a trailing dotted IPv4). */
const v6Groups = (ip: string): number[] => {
  let addr = ip.toLowerCase().split('%')[0];
  const dotted = addr.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const n = v4ToInt(dotted[1]);
    addr = addr.slice(0, -dotted[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = addr.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail ? tail.split(':') : [];
  const fill = addr.includes('::') ? 8 - h.length - t.length : 0;
  return [...h, ...Array(fill).fill('0'), ...t].map((g) => parseInt(g, 16));
};

const groupsToV4 = (a: number, b: number) => `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;

/** Why an IP literal may not be called, or null when it is a public unicast address. */
export const blockedReason = (ip: string): string | null => {
  if (net.isIPv4(ip)) {
    const hit = V4_BLOCKED.find(([cidr]) => inV4(ip, cidr));
    if (!hit) return null;
    return ip === '169.254.169.254' ? 'cloud metadata endpoint' : hit[1];
  }
  if (!net.isIPv6(ip)) return 'not an IP address';
  const g = v6Groups(ip);
  if (g.every((x) => x === 0)) return 'unspecified address';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96): judge the embedded IPv4.
  const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
  const compatible = g.slice(0, 6).every((x) => x === 0);
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0);
  if (mapped || compatible || nat64) {
    const inner = blockedReason(groupsToV4(g[6], g[7]));
    return inner ? `${inner} (IPv4 inside IPv6)` : null;
  }
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique local (private) network';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x2002) {
    const inner = blockedReason(groupsToV4(g[1], g[2]));
    return inner ? `${inner} (6to4)` : null;
  }
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'discard-only';
  return null;
};

export interface UrlCheckArgs {
  url: string;
  allow: AllowEntry[];
}

export interface CheckedUrl {
  url: URL;
  host: string;
  port: number;
  /** True when the host is explicitly allow-listed (then http and private addresses are accepted). */
  allowListed: boolean;
}

/** Static checks on a site URL, before any DNS: scheme, credentials, IP literals. */
export const checkUrl = ({ url: raw, allow }: UrlCheckArgs): CheckedUrl => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AddressRefusedError('The site address is not a valid URL', { host: String(raw), reason: 'invalid url' });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const allowListed = allowed(allow, host, port);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowListed)) {
    throw new AddressRefusedError('The site address must start with https://', { host, reason: 'https required' });
  }
  if (url.username || url.password) {
    throw new AddressRefusedError('The site address must not contain a user name or password', { host, reason: 'credentials in url' });
  }
  if (net.isIP(host) && !allowListed) {
    const reason = blockedReason(host);
    if (reason) throw new AddressRefusedError(`The site address points at a ${reason} address, which we do not call`, { host, address: host, reason });
  }
  return { url, host, port, allowListed };
};

/**
 * Checks every address a host resolved to; one bad address refuses the host (an attacker controls
 * which one a client picks). Returns the first address, the one to connect to.
 */
export const checkAddresses = (args: { host: string; port: number; addresses: Array<{ address: string; family: number }>; allow: AllowEntry[] }) => {
  const { host, port, addresses, allow } = args;
  if (!addresses.length) throw new AddressRefusedError(`${host} does not resolve to any address`, { host, reason: 'no address' });
  if (allowed(allow, host, port)) return addresses[0];
  for (const a of addresses) {
    if (allowed(allow, a.address, port)) continue;
    const reason = blockedReason(a.address);
    if (reason) {
      throw new AddressRefusedError(`${host} resolves to ${a.address}, a ${reason} address, which we do not call`, { host, address: a.address, reason });
    }
  }
  return addresses[0];
};
