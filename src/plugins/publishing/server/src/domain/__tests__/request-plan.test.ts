import { interleaveBy, pairKey, planRequests, REFUSALS, type PlanInput } from '../request-plan';

const now = new Date('2026-11-21T12:00:00Z');
const base = (over: Partial<PlanInput> = {}): PlanInput => ({
  documentIds: [],
  contents: [
    { id: 1, documentId: 'aaaaaaaaaa', siteId: 10, accountId: 7, deleted: false },
    { id: 2, documentId: 'bbbbbbbbbb', siteId: 10, accountId: 7, deleted: false },
    { id: 3, documentId: 'cccccccccc', siteId: null, accountId: 7, deleted: false },
    { id: 4, documentId: 'dddddddddd', siteId: 20, accountId: 7, deleted: false },
    { id: 5, documentId: 'eeeeeeeeee', siteId: 10, accountId: 7, deleted: true },
  ],
  integrations: [{ id: 100, siteId: 10, hasPassword: true }],
  onSite: new Set([pairKey(100, 2)]),
  action: 'publish',
  now,
  ...over,
});

describe('planRequests', () => {
  it('publishes new posts, updates remembered ones, and refuses the rest with the single-request messages', () => {
    const plan = planRequests(base({ documentIds: ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'dddddddddd', 'eeeeeeeeee', 'zzzzzzzzzz'] }));
    expect(plan.records.map((r) => [r.contentId, r.integrationId, r.action])).toEqual([
      [1, 100, 'publish'],
      [2, 100, 'update'],
    ]);
    expect(plan.refused).toEqual([
      { contentDocumentId: 'cccccccccc', status: 400, message: REFUSALS.noSite },
      { contentDocumentId: 'dddddddddd', status: 400, message: REFUSALS.noIntegration },
      { contentDocumentId: 'eeeeeeeeee', status: 404, message: REFUSALS.notFound },
      { contentDocumentId: 'zzzzzzzzzz', status: 404, message: REFUSALS.notFound },
    ]);
  });

  it('counts a repeated documentId once', () => {
    expect(planRequests(base({ documentIds: ['aaaaaaaaaa', 'aaaaaaaaaa'] })).records).toHaveLength(1);
  });

  it('refuses to unpublish what is not on the site', () => {
    const plan = planRequests(base({ documentIds: ['aaaaaaaaaa', 'bbbbbbbbbb'], action: 'unpublish', scheduledAt: new Date('2030-01-01') }));
    expect(plan.records).toEqual([expect.objectContaining({ contentId: 2, action: 'unpublish', scheduledFor: null })]);
    expect(plan.refused).toEqual([{ contentDocumentId: 'aaaaaaaaaa', status: 400, message: REFUSALS.notOnSite }]);
  });

  it('schedules only future times', () => {
    const future = new Date('2026-11-22T00:00:00Z');
    expect(planRequests(base({ documentIds: ['aaaaaaaaaa'], scheduledAt: future })).records[0].scheduledFor).toEqual(future);
    expect(planRequests(base({ documentIds: ['aaaaaaaaaa'], scheduledAt: new Date('2026-11-20') })).records[0].scheduledFor).toBeNull();
  });

  it('refuses an integration whose password was forgotten (disconnected)', () => {
    const plan = planRequests(base({ documentIds: ['aaaaaaaaaa'], integrations: [{ id: 100, siteId: 10, hasPassword: false }] }));
    expect(plan.refused[0].message).toBe(REFUSALS.noIntegration);
  });
});

describe('interleaveBy', () => {
  it('takes one item of each group in turn, keeping order within a group', () => {
    const items = ['a1', 'a2', 'a3', 'b1', 'c1', 'c2'];
    expect(interleaveBy(items, (s) => s[0])).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3']);
  });
  it('keeps every item', () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ site: i % 7 === 0 ? 0 : i % 3, i }));
    const out = interleaveBy(items, (x) => x.site);
    expect(out).toHaveLength(1000);
    expect(new Set(out.map((x) => x.i)).size).toBe(1000);
  });
});
