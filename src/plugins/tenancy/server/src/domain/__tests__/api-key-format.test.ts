import { createHash } from 'node:crypto';
import { apiKeyMatches, generateApiKey, hashApiKey, looksLikeApiKey, parseApiKey } from '../api-key-format';

const FORMAT = /^igk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/;
const PREFIX = 'AbCdEf012345';
const SECRET = 'a'.repeat(20) + '-_' + 'Z9'.repeat(10) + 'x'; // 43 characters
const VALID = `igk_${PREFIX}_${SECRET}`;

describe('apiKeyFormat', () => {
  describe('generateApiKey', () => {
    const generated = Array.from({ length: 200 }, () => generateApiKey());

    it('makes keys of the form igk_<12 alphanumerics>_<43 base64url characters>', () => {
      for (const { key } of generated) expect(key).toMatch(FORMAT);
    });

    it('returns the prefix that is embedded in the key', () => {
      for (const { key, prefix } of generated) {
        expect(prefix).toMatch(/^[A-Za-z0-9]{12}$/);
        expect(key.startsWith(`igk_${prefix}_`)).toBe(true);
      }
    });

    it('makes a different key and prefix every time', () => {
      expect(new Set(generated.map((g) => g.key)).size).toBe(generated.length);
      expect(new Set(generated.map((g) => g.prefix)).size).toBe(generated.length);
    });
  });

  describe('parseApiKey', () => {
    it('round-trips every generated key to its prefix', () => {
      for (let i = 0; i < 200; i += 1) {
        const { key, prefix } = generateApiKey();
        expect(parseApiKey(key)).toEqual({ prefix });
      }
    });

    it('parses a well-formed key', () => {
      expect(SECRET).toHaveLength(43);
      expect(parseApiKey(VALID)).toEqual({ prefix: PREFIX });
    });

    it.each<[string, string]>([
      ['an empty string', ''],
      ['a bare tag', 'igk_'],
      ['the wrong tag', `igx_${PREFIX}_${SECRET}`],
      ['an upper-case tag', `IGK_${PREFIX}_${SECRET}`],
      ['no tag', `${PREFIX}_${SECRET}`],
      ['a short prefix', `igk_${PREFIX.slice(1)}_${SECRET}`],
      ['a long prefix', `igk_${PREFIX}X_${SECRET}`],
      ['a prefix with a dash', `igk_AbCdEf-12345_${SECRET}`],
      ['a prefix with an underscore', `igk_AbCdEf_12345_${SECRET}`],
      ['a short secret', `igk_${PREFIX}_${SECRET.slice(1)}`],
      ['a long secret', `igk_${PREFIX}_${SECRET}a`],
      ['a secret with base64 padding characters', `igk_${PREFIX}_${SECRET.slice(0, 42)}=`],
      ['a secret with a plus', `igk_${PREFIX}_${SECRET.slice(0, 42)}+`],
      ['a missing separator', `igk_${PREFIX}${SECRET}`],
      ['leading whitespace', ` ${VALID}`],
      ['trailing whitespace', `${VALID} `],
      ['a trailing newline', `${VALID}\n`],
      ['a Bearer scheme', `Bearer ${VALID}`],
      ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.signature'],
    ])('rejects %s', (_label, raw) => {
      expect(parseApiKey(raw)).toBeNull();
    });
  });

  describe('hashApiKey', () => {
    it('is a hex SHA-256 HMAC', () => {
      expect(hashApiKey(VALID, 'pepper')).toMatch(/^[0-9a-f]{64}$/);
    });

    it('is deterministic for the same key and pepper', () => {
      expect(hashApiKey(VALID, 'pepper')).toBe(hashApiKey(VALID, 'pepper'));
    });

    it('depends on the pepper', () => {
      expect(hashApiKey(VALID, 'pepper-1')).not.toBe(hashApiKey(VALID, 'pepper-2'));
    });

    it('depends on the whole key, not only the prefix', () => {
      const other = `igk_${PREFIX}_${'b'.repeat(43)}`;
      expect(hashApiKey(VALID, 'pepper')).not.toBe(hashApiKey(other, 'pepper'));
    });

    it('is not a plain SHA-256 of the key', () => {
      expect(hashApiKey(VALID, 'pepper')).not.toBe(createHash('sha256').update(VALID).digest('hex'));
    });
  });

  describe('apiKeyMatches', () => {
    const pepper = 'server-pepper';
    const { key } = generateApiKey();
    const stored = hashApiKey(key, pepper);

    it('accepts the key the hash was made from', () => {
      expect(apiKeyMatches(key, stored, pepper)).toBe(true);
    });

    it('accepts a stored hash written in upper-case hex', () => {
      expect(apiKeyMatches(key, stored.toUpperCase(), pepper)).toBe(true);
    });

    const tamper = (value: string, index: number) =>
      value.slice(0, index) + (value[index] === 'A' ? 'B' : 'A') + value.slice(index + 1);

    it.each<[string, () => [string, string, string]]>([
      ['a key with one secret character changed', () => [tamper(key, key.length - 1), stored, pepper]],
      ['a key with one prefix character changed', () => [tamper(key, 5), stored, pepper]],
      ['a truncated key', () => [key.slice(0, -1), stored, pepper]],
      ['a different generated key', () => [generateApiKey().key, stored, pepper]],
      ['the right key under another pepper', () => [key, stored, 'other-pepper']],
      ['a hash of another length', () => [key, stored.slice(0, 62), pepper]],
      ['an empty stored hash', () => [key, '', pepper]],
      ['a stored hash that is not hex', () => [key, 'z'.repeat(64), pepper]],
      ['a stored hash with one digit changed', () => [key, stored.slice(0, 10) + (stored[10] === '0' ? '1' : '0') + stored.slice(11), pepper]],
    ])('rejects %s', (_label, args) => {
      expect(apiKeyMatches(...args())).toBe(false);
    });
  });

  describe('looksLikeApiKey', () => {
    it.each<[string, boolean]>([
      [VALID, true],
      ['igk_malformed', true],
      ['eyJhbGciOiJIUzI1NiJ9.x.y', false],
      ['IGK_upper', false],
      ['', false],
    ])('for %j returns %s', (raw, expected) => {
      expect(looksLikeApiKey(raw)).toBe(expected);
    });
  });
});
