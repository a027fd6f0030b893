import { BUCKET_BOUNDS_MS, BUCKET_COUNT, addHistograms, bucketOf, emptyHistogram, percentileOf } from '../histogram';
import { RequestAggregator, routeOf } from '../request-aggregate';

describe('bucketOf', () => {
  it('puts a duration in the first bucket whose bound is at least it', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(1)).toBe(0);
    expect(bucketOf(1.01)).toBe(1);
    expect(bucketOf(100)).toBe(BUCKET_BOUNDS_MS.indexOf(100));
    expect(bucketOf(100.5)).toBe(BUCKET_BOUNDS_MS.indexOf(150));
    expect(bucketOf(60_000)).toBe(BUCKET_COUNT - 1);
  });
});

describe('percentileOf', () => {
  it('is null for an empty histogram', () => {
    expect(percentileOf(emptyHistogram(), 50)).toBeNull();
  });

  it('finds the bucket of the nearest rank and stays within its bounds', () => {
    const h = emptyHistogram();
    // 90 fast requests (4-5 ms bucket), 9 at about 120 ms, 1 at 2.5 s.
    h[bucketOf(4.5)] = 90;
    h[bucketOf(120)] = 9;
    h[bucketOf(2500)] = 1;
    const p50 = percentileOf(h, 50)!;
    expect(p50).toBeGreaterThan(3);
    expect(p50).toBeLessThanOrEqual(5);
    const p95 = percentileOf(h, 95)!;
    expect(p95).toBeGreaterThan(100);
    expect(p95).toBeLessThanOrEqual(150);
    const p99 = percentileOf(h, 99)!;
    expect(p99).toBeGreaterThan(100);
    expect(p99).toBeLessThanOrEqual(150);
    expect(percentileOf(h, 100)).toBeGreaterThan(2000);
  });

  it('reports the lower bound of the open last bucket', () => {
    const h = emptyHistogram();
    h[BUCKET_COUNT - 1] = 3;
    expect(percentileOf(h, 50)).toBe(10000);
  });

  it('adds histograms bucket by bucket', () => {
    const a = emptyHistogram();
    const b = emptyHistogram();
    a[2] = 1;
    b[2] = 2;
    b[5] = 1;
    expect(addHistograms(a, b)[2]).toBe(3);
    expect(addHistograms(a, b)[5]).toBe(1);
  });
});

describe('RequestAggregator', () => {
  const at = Date.UTC(2026, 10, 21, 10, 0, 30);

  it('folds requests into one row per minute, method and route, counting error classes', () => {
    const agg = new RequestAggregator();
    for (const [status, ms] of [[200, 4], [200, 6], [404, 2], [500, 120]]) {
      agg.record({ at, method: 'GET', route: '/api/keywords/:id', module: 'keyword', status, durationMs: ms });
    }
    agg.record({ at: at + 60_000, method: 'GET', route: '/api/keywords/:id', module: 'keyword', status: 200, durationMs: 3 });
    agg.record({ at, method: 'POST', route: '/api/keywords', module: 'keyword', status: 201, durationMs: 9 });
    const rows = agg.drain();
    expect(rows).toHaveLength(3);
    const first = rows.find((r) => r.method === 'GET' && r.minute === Date.UTC(2026, 10, 21, 10, 0, 0))!;
    expect(first).toMatchObject({ count: 4, clientErrors: 1, serverErrors: 1, durationSumMs: 132, durationMaxMs: 120 });
    expect(first.histogram.reduce((s, v) => s + v, 0)).toBe(4);
    expect(agg.size).toBe(0);
  });

  it('restores rows after a failed flush, adding to what came in meanwhile', () => {
    const agg = new RequestAggregator();
    agg.record({ at, method: 'GET', route: '/x', module: 'x', status: 200, durationMs: 5 });
    const drained = agg.drain();
    agg.record({ at, method: 'GET', route: '/x', module: 'x', status: 503, durationMs: 50 });
    agg.restore(drained);
    const [row] = agg.drain();
    expect(row).toMatchObject({ count: 2, serverErrors: 1, durationSumMs: 55, durationMaxMs: 50 });
  });
});

describe('routeOf', () => {
  it('uses the matched route template and the owning API or plugin', () => {
    expect(routeOf({ method: 'GET', _matchedRoute: '/api/keywords/:id', state: { route: { path: '/keywords/:id', info: { apiName: 'keyword', type: 'content-api' } } } })).toEqual({
      route: '/api/keywords/:id',
      module: 'keyword',
    });
    expect(routeOf({ method: 'GET', state: { route: { path: '/status', info: { pluginName: 'queue', type: 'admin' } } } })).toEqual({ route: '/status', module: 'queue' });
  });

  it('groups unmatched requests (404s, static files) under one key', () => {
    expect(routeOf({ method: 'GET', state: {} })).toEqual({ route: '(unmatched)', module: 'other' });
    // Strapi's static-file router matches everything with a catch-all pattern.
    expect(routeOf({ method: 'GET', _matchedRoute: '([^/]*)', state: { route: { path: '/((?!uploads/).+)', info: {} } } })).toEqual({ route: '(unmatched)', module: 'other' });
  });
});
