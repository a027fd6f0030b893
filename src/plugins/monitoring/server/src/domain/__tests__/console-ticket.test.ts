import { issueTicket, verifyTicket } from '../console-ticket';

describe('queue console tickets', () => {
  const key = 'k'.repeat(32);
  const ticket = { userId: 7, scope: 'read' as const, expiresAt: 1_000_000 };

  it('verifies what it issued until it expires', () => {
    const token = issueTicket(ticket, key);
    expect(verifyTicket(token, key, 999_999)).toEqual(ticket);
    expect(verifyTicket(token, key, 1_000_000)).toBeNull();
  });

  it('refuses a tampered payload, another key, garbage and nothing', () => {
    const token = issueTicket(ticket, key);
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ u: 7, s: 'manage', e: 1_000_000 })).toString('base64url')}.${signature}`;
    expect(verifyTicket(forged, key, 0)).toBeNull();
    expect(verifyTicket(token, 'other-key', 0)).toBeNull();
    expect(verifyTicket('abc', key, 0)).toBeNull();
    expect(verifyTicket(undefined, key, 0)).toBeNull();
    expect(verifyTicket(token, '', 0)).toBeNull();
  });
});
