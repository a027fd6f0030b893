/** Polls `fn` every 100 ms until it returns something truthy, or throws after `ms` (with `explain()` in the error). */
export const waitFor = async <T>(fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 30000, explain?: () => string): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(explain ? `timed out waiting for ${explain()}` : 'timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
};
