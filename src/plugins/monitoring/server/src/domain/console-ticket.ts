import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The queue console is a page the browser loads directly (bull-board's HTML, assets and API), so it
 * cannot carry the admin's Bearer token. The admin panel asks an authenticated admin route for a
 * ticket, which is set as an HttpOnly cookie scoped to the console's path: an HMAC-signed, expiring
 * statement of who may do what. Stateless, so every process accepts it.
 */
export type ConsoleScope = 'read' | 'manage';

export interface Ticket {
  userId: number;
  scope: ConsoleScope;
  /** Epoch ms. */
  expiresAt: number;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
const sign = (payload: string, key: string) => createHmac('sha256', key).update(payload).digest('base64url');

export const issueTicket = (ticket: Ticket, key: string): string => {
  const payload = b64(JSON.stringify({ u: ticket.userId, s: ticket.scope, e: ticket.expiresAt }));
  return `${payload}.${sign(payload, key)}`;
};

/** The ticket if the signature holds and it has not expired; null otherwise. */
export const verifyTicket = (token: string | undefined, key: string, now: number): Ticket | null => {
  if (!token || !key) return null;
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { u, s, e } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Number.isInteger(u) || (s !== 'read' && s !== 'manage') || typeof e !== 'number' || e <= now) return null;
    return { userId: u, scope: s, expiresAt: e };
  } catch {
    return null;
  }
};
