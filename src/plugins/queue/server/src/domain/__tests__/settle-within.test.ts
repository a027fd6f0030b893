import { settleWithin } from '../settle-within';

describe('settleWithin', () => {
  it('reports done for a promise that resolves or rejects in time', async () => {
    await expect(settleWithin(Promise.resolve(1), 10_000)).resolves.toBe('done');
    await expect(settleWithin(Promise.reject(new Error('x')), 10_000)).resolves.toBe('done');
  });

  it('reports timeout for a promise that never settles', async () => {
    await expect(settleWithin(new Promise(() => undefined), 5)).resolves.toBe('timeout');
  });
});
