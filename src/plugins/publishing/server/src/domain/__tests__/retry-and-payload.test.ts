import { nextDelay } from '../backoff';
import { kindOfStatus, parseRetryAfter } from '../errors';
import { isOurPost, markerToken, postBody, slugFor } from '../post-payload';
import { summarise } from '../doctor';

describe('retries', () => {
  it('classifies statuses', () => {
    expect([401, 403, 404, 400].map(kindOfStatus)).toEqual(['permanent', 'permanent', 'permanent', 'permanent']);
    expect([429, 503].map(kindOfStatus)).toEqual(['rate-limited', 'rate-limited']);
    expect([500, 502].map(kindOfStatus)).toEqual(['transient', 'transient']);
  });
  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
  it('stops on permanent failures, honours Retry-After (capped), else backs off exponentially with jitter', () => {
    const base = { baseMs: 1000, maxMs: 60_000, random: () => 0 };
    expect(nextDelay({ ...base, attemptsMade: 1, kind: 'permanent' })).toBe(-1);
    expect(nextDelay({ ...base, attemptsMade: 1, kind: 'rate-limited', retryAfterMs: 3000 })).toBe(3000);
    expect(nextDelay({ ...base, attemptsMade: 1, kind: 'rate-limited', retryAfterMs: 3_600_000 })).toBe(60_000);
    expect([1, 2, 3].map((attemptsMade) => nextDelay({ ...base, attemptsMade, kind: 'transient' }))).toEqual([1000, 2000, 4000]);
    expect(nextDelay({ ...base, random: () => 1, attemptsMade: 1, kind: 'transient' })).toBe(750);
  });
});

describe('post payload', () => {
  const content = { documentId: 'abc123DEF456ghi789jkl012', title: 'Hello, Wörld!', html: '<p>Hi</p>', excerpt: 'Short' };
  it('carries a marker the lookup recognises', () => {
    const body = postBody({ content, status: 'draft', categories: [1], tags: [2] });
    expect(body).toMatchObject({ title: 'Hello, Wörld!', slug: 'hello-world', status: 'draft', categories: [1], tags: [2], excerpt: 'Short' });
    expect(body.content).toContain(markerToken(content.documentId));
    expect(isOurPost({ content: { raw: body.content } }, content.documentId)).toBe(true);
    expect(isOurPost({ content: { raw: '<p>other</p>' } }, content.documentId)).toBe(false);
  });
  it('turns a publish with a future date into a WordPress future post', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(postBody({ content: { ...content, scheduledAt: '2030-01-02T10:00:00Z' }, status: 'publish', categories: [], tags: [], now })).toMatchObject({ status: 'future', date_gmt: '2030-01-02T10:00:00' });
    expect(postBody({ content: { ...content, scheduledAt: '2029-01-02T10:00:00Z' }, status: 'publish', categories: [], tags: [], now }).status).toBe('publish');
  });
  it('uses the content slug when set', () => {
    expect(slugFor({ slug: 'my-slug', title: 'x' })).toBe('my-slug');
  });
});

describe('doctor summary', () => {
  it('marks unchecked checks skipped and is ok only when all pass', () => {
    const r = summarise([{ id: 'address', status: 'ok', message: 'ok' }, { id: 'rest', status: 'failed', message: 'no', fix: 'do' }]);
    expect(r.ok).toBe(false);
    expect(r.checks.map((c) => c.status)).toEqual(['ok', 'failed', 'skipped', 'skipped', 'skipped', 'skipped']);
  });
});
