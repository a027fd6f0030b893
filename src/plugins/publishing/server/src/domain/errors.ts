/**
 * How a WordPress call failed, which decides what the job does next:
 * - `permanent`: 400/401/403/404 and refused addresses. Retrying cannot help; stop at once with the reason.
 * - `rate-limited`: 429 and 503. Retry after the site's Retry-After (or our backoff).
 * - `transient`: other 5xx, connection errors. Retry with backoff.
 * - `unknown-outcome`: the request was sent but no answer came (timeout, reset). The write may have
 *   happened; the next attempt must look the post up before creating it.
 */
export type FailureKind = 'permanent' | 'rate-limited' | 'transient' | 'unknown-outcome';

export class WordPressError extends Error {
  readonly kind: FailureKind;
  readonly status?: number;
  readonly code?: string;
  readonly retryAfterMs?: number;

  constructor(message: string, args: { kind: FailureKind; status?: number; code?: string; retryAfterMs?: number }) {
    super(message);
    this.name = 'WordPressError';
    this.kind = args.kind;
    this.status = args.status;
    this.code = args.code;
    this.retryAfterMs = args.retryAfterMs;
  }
}

/** Retry-After is either delta-seconds or an HTTP date. Returns milliseconds, or undefined when absent/invalid. */
export const parseRetryAfter = (value: string | undefined | null, now = Date.now()): number | undefined => {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
};

/** Classifies an HTTP answer that was not a success. */
export const kindOfStatus = (status: number): FailureKind => {
  if (status === 429 || status === 503) return 'rate-limited';
  if (status >= 500) return 'transient';
  return 'permanent';
};

/** Plain explanations for the failures tenants hit most, keyed by WordPress error code or status. */
export const explainFailure = (error: { status?: number; code?: string; message: string }): string => {
  switch (error.code) {
    case 'rest_not_logged_in':
      // Stock WordPress answers a wrong user name or application password with this same code (checked
      // on 6.1.9), so both causes are named, the likelier first.
      return 'WordPress did not sign the user in: either the user name or application password is wrong (use the WordPress login name and a current application password from Users > Profile > Application Passwords), or the host strips the Authorization header (add `SetEnvIf Authorization "(.*)" HTTP_AUTHORIZATION=$1` to .htaccess on Apache, or `fastcgi_pass_header Authorization;` on nginx), then test again.';
    case 'incorrect_password':
    case 'invalid_username':
    case 'rest_authentication_failed':
      return 'WordPress refused the user name or application password. Use the WordPress login name (not the application password label) and a current application password (Users > Profile > Application Passwords).';
    case 'rest_cannot_create':
    case 'rest_cannot_publish':
    case 'rest_cannot_edit':
      return 'The WordPress user may not publish posts. Give it the Editor or Administrator role.';
    case 'rest_no_route':
      return 'The WordPress REST API route is missing: check the site address and that no plugin disables the REST API.';
    default:
  }
  if (error.status === 401) return 'WordPress refused the credentials. Check the user name and application password.';
  if (error.status === 403) return 'WordPress or a security plugin (Wordfence, host firewall) forbids this request. Allow REST API writes for this user.';
  if (error.status === 404) return 'Not found on the site: check the site address (it must be the WordPress home, with /wp-json/ reachable).';
  if (error.status === 429 || error.status === 503) return 'The site is rate-limiting or temporarily unavailable; we retry after the delay it asks for.';
  return error.message;
};
