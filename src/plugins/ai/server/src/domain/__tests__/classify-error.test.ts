import { asAiError, classifyFailedCall, retryAfterMs } from '../classify-error';
import { AiError } from '../errors';

describe('classifyFailedCall', () => {
  it.each([
    [{ name: 'APIConnectionTimeoutError', message: 'Request timed out.' }, 'transient', 'timeout'],
    [{ name: 'APIConnectionError', message: 'Connection error.' }, 'transient', 'network'],
    [{ status: 429, code: 'rate_limit_exceeded' }, 'transient', 'rate_limited'],
    [{ status: 429, code: 'insufficient_quota' }, 'permanent', 'quota'],
    [{ status: 500 }, 'transient', 'server'],
    [{ status: 503 }, 'transient', 'server'],
    [{ status: 529, type: 'overloaded_error' }, 'transient', 'overloaded'],
    [{ status: 408 }, 'transient', 'server'],
    [{ status: 401, code: 'invalid_api_key' }, 'permanent', 'auth'],
    [{ status: 403, type: 'permission_error' }, 'permanent', 'auth'],
    [{ status: 400, code: 'content_policy_violation', message: 'Your request was rejected as a result of our safety system.' }, 'permanent', 'content_policy'],
    [{ status: 404, message: 'The model `x` does not exist' }, 'permanent', 'not_found'],
    [{ status: 400, message: 'max_tokens is too large' }, 'permanent', 'invalid_request'],
  ])('%j is %s (%s)', (call, kind, reason) => {
    const error = classifyFailedCall({ provider: 'openai', ...call });
    expect(error).toBeInstanceOf(AiError);
    expect(error.kind).toBe(kind);
    expect(error.reason).toBe(reason);
  });

  it('honours Retry-After on 429 and 529', () => {
    expect(classifyFailedCall({ provider: 'openai', status: 429, headers: { 'retry-after': '7' } }).retryAfterMs).toBe(7000);
    expect(classifyFailedCall({ provider: 'anthropic', status: 529, headers: { 'retry-after-ms': '1500' } }).retryAfterMs).toBe(1500);
  });

  it('says what to do next for a bad key', () => {
    expect(classifyFailedCall({ provider: 'openai', status: 401 }).message).toMatch(/Check the key in Settings/);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
    expect(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' }, now)).toBe(250);
    expect(retryAfterMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }, now)).toBe(30000);
  });
  it('ignores absent or invalid values', () => {
    expect(retryAfterMs(undefined)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
  });
});

describe('asAiError', () => {
  it('keeps AiErrors, treats 4xx application errors as permanent and anything else as transient', () => {
    const own = new AiError('x', { kind: 'permanent', reason: 'validation' });
    expect(asAiError(own)).toBe(own);
    expect(asAiError(Object.assign(new Error('Insufficient credits'), { status: 402 })).kind).toBe('permanent');
    expect(asAiError(new Error('socket hang up')).kind).toBe('transient');
    const gone = Object.assign(new Error('recordIds: 1 record(s) not found in your account'), { name: 'NotFoundError' });
    expect(asAiError(gone)).toMatchObject({ kind: 'permanent', reason: 'not_found' });
    const noKey = Object.assign(new Error('No openai API key is configured'), { name: 'ApplicationError' });
    expect(asAiError(noKey)).toMatchObject({ kind: 'permanent', reason: 'configuration' });
  });
});
