// The shared Bull backoff for errors that carry their kind and Retry-After (src/lib/backoff.ts).
export { nextDelay, type BackoffArgs } from '../../../../../lib/backoff';
