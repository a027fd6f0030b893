/** A connection URL with its password replaced, safe for logs, errors and health output. */
export const redactUrl = (raw: string): string => {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '<invalid url>';
  }
};
