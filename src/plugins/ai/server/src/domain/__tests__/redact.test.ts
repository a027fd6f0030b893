import { redact } from '../redact';

describe('redact', () => {
  it('removes the call key, key-shaped strings, secret fields and personal data, deeply', () => {
    const out = redact(
      { headers: { authorization: 'Bearer abcdefghijklmnop' }, apiKey: 'anything', messages: [{ content: 'mail me at jane.doe@example.com or +44 20 7946 0958; key sk-proj-ABCDEFGH12345678 and my-own-secret-key-123' }] },
      { secrets: ['my-own-secret-key-123'] }
    );
    const text = JSON.stringify(out);
    expect(text).not.toMatch(/abcdefghijklmnop|jane\.doe|7946|sk-proj|my-own-secret/);
    expect(out).toMatchObject({ headers: { authorization: '[redacted]' }, apiKey: '[redacted]' });
    expect(text).toContain('[email]');
    expect(text).toContain('[phone]');
  });
  it('redacts every kind in one string, in any order, and leaves dates and short numbers', () => {
    const out = redact('bearer abcdefgh12345678 then sk-ant-api03-ZZZZZZZZ, 555 123 4567 89 and ops+1@mail.example.org on 2026-11-21, order 1234567') as string;
    expect(out).toBe('[redacted] then [redacted], [phone] and [email] on 2026-11-21, order 1234567');
  });
  it('cuts long strings and leaves numbers and short words alone', () => {
    const out = redact({ body: 'x'.repeat(5000), tokens: 12, year: 'in 2026' }, { maxString: 100 }) as any;
    expect(out.body).toHaveLength(100 + '... [4900 more characters]'.length);
    expect(out.tokens).toBe(12);
    expect(out.year).toBe('in 2026');
  });
});
