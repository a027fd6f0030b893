/**
 * Waits for `promise` at most `ms`: 'done' when it settled (resolved or rejected) in time, 'timeout'
 * otherwise. The promise is left running; callers use this to bound a shutdown step that can hang
 * (Bull's `queue.close()` waits for a Redis that may never come back).
 */
export const settleWithin = async (promise: Promise<unknown>, ms: number): Promise<'done' | 'timeout'> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([promise.then(() => 'done' as const, () => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
};
