/**
 * A connection URL with its password replaced, safe for logs, errors and health output. ioredis also
 * reads a `password` query parameter, so that one is replaced too.
 */
export const redactUrl = (raw: string): string => {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    if (url.searchParams.has('password')) url.searchParams.set('password', '***');
    return url.toString().replace(/\/$/, '');
  } catch {
    return '<invalid url>';
  }
};
