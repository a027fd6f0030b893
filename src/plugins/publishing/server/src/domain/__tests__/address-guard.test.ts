import { AddressRefusedError, blockedReason, checkAddresses, checkUrl, parseAllowList } from '../address-guard';

describe('address guard', () => {
  describe('blockedReason', () => {
    it.each([
      ['127.0.0.1', 'loopback'],
      ['127.8.9.10', 'loopback'],
      ['10.1.2.3', 'private network'],
      ['172.16.0.1', 'private network'],
      ['192.168.1.1', 'private network'],
      ['169.254.169.254', 'cloud metadata endpoint'],
      ['169.254.1.1', 'link-local (cloud metadata)'],
      ['100.64.0.1', 'carrier-grade NAT'],
      ['0.0.0.0', 'this network'],
      ['::1', 'loopback'],
      ['::', 'unspecified address'],
      ['::ffff:127.0.0.1', 'loopback (IPv4 inside IPv6)'],
      ['::ffff:a9fe:a9fe', 'cloud metadata endpoint (IPv4 inside IPv6)'],
      ['::ffff:10.0.0.1', 'private network (IPv4 inside IPv6)'],
      ['64:ff9b::10.0.0.1', 'private network (IPv4 inside IPv6)'],
      ['fd00::1', 'unique local (private) network'],
      ['fe80::1%eth0', 'link-local'],
      ['ff02::1', 'multicast'],
    ])('refuses %s (%s)', (ip, reason) => {
      expect(blockedReason(ip)).toBe(reason);
    });

    it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::6810:85e5', '::ffff:8.8.8.8'])('accepts public %s', (ip) => {
      expect(blockedReason(ip)).toBeNull();
    });
  });

  describe('checkUrl', () => {
    it('requires https', () => {
      expect(() => checkUrl({ url: 'http://example.com', allow: [] })).toThrow('must start with https://');
      expect(checkUrl({ url: 'https://example.com/blog', allow: [] }).host).toBe('example.com');
    });
    it.each(['https://127.0.0.1', 'https://10.0.0.5:8443', 'https://169.254.169.254/latest/meta-data', 'https://[::1]', 'https://[::ffff:127.0.0.1]'])('refuses the IP literal in %s', (url) => {
      expect(() => checkUrl({ url, allow: [] })).toThrow(AddressRefusedError);
    });
    it('refuses credentials in the url and garbage', () => {
      expect(() => checkUrl({ url: 'https://u:p@example.com', allow: [] })).toThrow('user name or password');
      expect(() => checkUrl({ url: 'not a url', allow: [] })).toThrow('not a valid URL');
    });
    it('lets an allow-listed host:port through, over http too, and only that port', () => {
      const allow = parseAllowList('127.0.0.1:8080, wp.local');
      expect(checkUrl({ url: 'http://127.0.0.1:8080', allow }).allowListed).toBe(true);
      expect(() => checkUrl({ url: 'http://127.0.0.1:9090', allow })).toThrow('https');
      expect(() => checkUrl({ url: 'https://127.0.0.1:9090', allow })).toThrow('loopback');
      expect(checkUrl({ url: 'http://wp.local:1234', allow }).allowListed).toBe(true);
    });
  });

  describe('checkAddresses (every resolved address, at connection time)', () => {
    const resolved = (...ips: string[]) => ips.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    it('refuses a hostname resolving to loopback, 10.x or the metadata address', () => {
      for (const ip of ['127.0.0.1', '10.0.0.7', '169.254.169.254', '::1']) {
        expect(() => checkAddresses({ host: 'evil.example', port: 443, addresses: resolved(ip), allow: [] })).toThrow(`evil.example resolves to ${ip}`);
      }
    });
    it('refuses when any one of several addresses is internal', () => {
      expect(() => checkAddresses({ host: 'mixed.example', port: 443, addresses: resolved('93.184.216.34', '10.0.0.1'), allow: [] })).toThrow('10.0.0.1');
    });
    it('returns the first address when all are public, and honours the allow-list', () => {
      expect(checkAddresses({ host: 'ok.example', port: 443, addresses: resolved('93.184.216.34'), allow: [] }).address).toBe('93.184.216.34');
      expect(checkAddresses({ host: 'localhost', port: 8080, addresses: resolved('127.0.0.1'), allow: parseAllowList('127.0.0.1:8080') }).address).toBe('127.0.0.1');
      expect(() => checkAddresses({ host: 'localhost', port: 8081, addresses: resolved('127.0.0.1'), allow: parseAllowList('127.0.0.1:8080') })).toThrow();
      expect(() => checkAddresses({ host: 'nothing.example', port: 443, addresses: [], allow: [] })).toThrow('does not resolve');
    });
  });
});
