import { randomBytes } from 'node:crypto';
import { decryptSecret, DecryptionError, encryptSecret, keyVersionOf, last4Of, needsReencryption, parseKeyRing, reencryptSecret } from '../crypto';

const key = () => randomBytes(32).toString('base64');
const K1 = key();
const K2 = key();
const SECRET = 'sk-test-abcdefghijklmnop1234';

describe('parseKeyRing', () => {
  it('reads versions in order; the first encrypts', () => {
    const ring = parseKeyRing(`v2:${K2}, v1:${K1}`);
    expect(ring.current).toBe('v2');
    expect([...ring.keys.keys()]).toEqual(['v2', 'v1']);
  });

  it.each([
    [undefined, /not set/],
    ['', /not set/],
    ['v1', /must look like/],
    [`v1:${randomBytes(16).toString('base64')}`, /32 bytes/],
    [`v1:${K1},v1:${K2}`, /appears twice/],
    [`bad version!:${K1}`, /must look like/],
  ])('refuses %p', (spec, message) => {
    expect(() => parseKeyRing(spec)).toThrow(message);
  });
});

describe('encryptSecret / decryptSecret', () => {
  const ring = parseKeyRing(`v1:${K1}`);

  it('round-trips and records the key version', () => {
    const c = encryptSecret(ring, SECRET, 'global:openai');
    expect(c.startsWith('enc:v1:')).toBe(true);
    expect(c).not.toContain(SECRET);
    expect(keyVersionOf(c)).toBe('v1');
    expect(decryptSecret(ring, c, 'global:openai')).toBe(SECRET);
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret(ring, SECRET, 'a')).not.toBe(encryptSecret(ring, SECRET, 'a'));
  });

  it('refuses a ciphertext moved to another place (AAD)', () => {
    const c = encryptSecret(ring, SECRET, 'account:1:openai');
    expect(() => decryptSecret(ring, c, 'account:2:openai')).toThrow(DecryptionError);
  });

  it('refuses a tampered ciphertext, without echoing it', () => {
    const c = encryptSecret(ring, SECRET, 'x');
    const parts = c.split(':');
    parts[4] = Buffer.from('tampered').toString('base64url');
    try {
      decryptSecret(ring, parts.join(':'), 'x');
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(DecryptionError);
      expect(String((error as Error).message)).not.toContain(SECRET);
    }
  });

  it('decrypts with any key of the ring; rotation re-encrypts under the current key', () => {
    const old = encryptSecret(parseKeyRing(`v1:${K1}`), SECRET, 'x');
    const rotated = parseKeyRing(`v2:${K2},v1:${K1}`);
    expect(decryptSecret(rotated, old, 'x')).toBe(SECRET);
    expect(needsReencryption(rotated, old)).toBe(true);
    const fresh = reencryptSecret(rotated, old, 'x');
    expect(keyVersionOf(fresh)).toBe('v2');
    expect(needsReencryption(rotated, fresh)).toBe(false);
    // After the old key is dropped the re-encrypted value still reads; the old one does not.
    const newOnly = parseKeyRing(`v2:${K2}`);
    expect(decryptSecret(newOnly, fresh, 'x')).toBe(SECRET);
    expect(() => decryptSecret(newOnly, old, 'x')).toThrow(/no key "v1"/);
  });
});

describe('last4Of', () => {
  it('shows the last four of a real key, nothing of a short one', () => {
    expect(last4Of(SECRET)).toBe('1234');
    expect(last4Of('short')).toBeNull();
  });
});
