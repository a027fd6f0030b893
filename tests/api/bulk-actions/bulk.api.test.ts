import { z } from 'zod';
import { getBulkActionsService } from '../../../src/plugins/bulk-actions/server/src';
import { getCreditsService } from '../../../src/plugins/credits/server/src/utils/get-service';
import { getQueueService } from '../../../src/plugins/queue/server/src/utils/get-service';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken, type Tenant } from '../../helpers/tenants';

const KEYWORD = 'api::keyword.keyword';
const SITE = 'api::site.site';
const CLUSTER = 'api::cluster.cluster';
const ACCOUNT = 'api::account.account';

let app: TestApp;
let admin: ReturnType<typeof as>;
let a: Tenant;
let b: Tenant;
let seq = 0;

/** Inserts `count` rows of a tenant-owned type for one account, straight in SQL (fast), with their account link rows. */
const insertRows = async (uid: string, accountId: number, count: number, columns: Record<string, unknown>): Promise<number[]> => {
  const meta: any = app.strapi.db.metadata.get(uid);
  const knex = app.strapi.db.connection;
  const tag = `${Date.now()}_${++seq}`;
  const names = Object.keys(columns);
  const { rows } = await knex.raw(
    `INSERT INTO ?? (document_id, ${names.map(() => '??').join(', ')}, created_at, updated_at)
     SELECT substr(md5(? || g::text), 1, 24), ${names.map(() => '?').join(', ')}, now(), now() FROM generate_series(1, ?) g RETURNING id`,
    [meta.tableName, ...names, tag, ...Object.values(columns), count]
  );
  const ids = rows.map((r: any) => Number(r.id));
  const jt = meta.attributes.account.joinTable;
  await knex.raw(`INSERT INTO ?? (??, ??) SELECT unnest(?::int[]), ?`, [jt.name, jt.joinColumn.name, jt.inverseJoinColumn.name, ids, accountId]);
  return ids;
};

/** Makes a text column unique per row (`<value> <id>`), so rows inserted together are not unique-within twins. */
const distinct = async (uid: string, ids: number[], field: string) => {
  const meta: any = app.strapi.db.metadata.get(uid);
  await app.strapi.db.connection.raw(`UPDATE ?? SET ?? = ?? || ' ' || id WHERE id = ANY(?::int[])`, [meta.tableName, field, field, ids]);
  return ids;
};

const ofAccount = (tenant: Tenant, extra: Record<string, unknown> = {}) => ({ $and: [{ account: { documentId: { $eq: tenant.accountDocumentId } } }, extra] });
const selectAll = (uid: string, filters: Record<string, unknown>) => ({ uid, query: { filters } });
const count = async (uid: string, where: Record<string, unknown>) => Number(await app.strapi.db.query(uid as any).count({ where }));

const waitForRun = async (id: number, done = (r: any) => ['completed', 'cancelled', 'failed'].includes(r.status)) => {
  for (let i = 0; i < 200; i++) {
    const res = await admin.get(`/bulk-actions/runs/${id}`);
    if (done(res.body.data)) return res.body.data;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${id} did not finish`);
};

beforeAll(async () => {
  app = await bootStrapi();
  admin = as(app, await staffToken(app));
  a = await signUp(app, { accountName: 'Bulk A' });
  b = await signUp(app, { accountName: 'Bulk B' });
  // Boot alone takes 40 s to minutes on the shared 2-core machine under load; the default hook timeout is 60 s.
}, 480_000);

afterAll(async () => {
  await app?.close();
});

describe('bulk actions', () => {
  describe('GET /bulk-actions/actions', () => {
    it('lists the actions that apply to the type', async () => {
      const res = await admin.get(`/bulk-actions/actions?uid=${KEYWORD}`);
      expect(res.status).toBe(200);
      const ids = res.body.data.map((x: any) => x.id);
      expect(ids).toEqual(expect.arrayContaining(['set-status', 'soft-delete', 'restore', 'assign-cluster']));
      expect(ids).not.toContain('activate');
      const setStatus = res.body.data.find((x: any) => x.id === 'set-status');
      expect(setStatus.paramsSchema.properties.value.enum).toEqual(['pending', 'active', 'archived', 'reviewed', 'approved', 'rejected']);
    });

    it('answers 400 naming uid when it is malformed', async () => {
      const res = await admin.get('/bulk-actions/actions?uid=nope');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('uid');
    });
  });

  describe('toggle (deactivate/activate) over a filter', () => {
    it('dry-runs, then changes only the matching rows, then finds nothing left to change', async () => {
      await insertRows(SITE, a.accountId, 5, { name: 'A site', domain: 'a.example.com', is_active: true });
      await insertRows(SITE, b.accountId, 3, { name: 'B site', domain: 'b.example.com', is_active: true });
      const body = { action: 'deactivate', selection: selectAll(SITE, ofAccount(a)) };

      const dry = await admin.post('/bulk-actions/dry-run', body);
      expect(dry.status).toBe(200);
      expect(dry.body.data).toMatchObject({ matched: 5, willChange: 5, inline: true });

      const run = await admin.post('/bulk-actions/run', body);
      expect(run.status).toBe(200);
      expect(run.body.data).toMatchObject({ status: 'completed', mode: 'inline', matched: 5, total: 5, changed: 5, failed: 0 });
      expect(await count(SITE, { account: { id: a.accountId }, isActive: false })).toBe(5);
      expect(await count(SITE, { account: { id: b.accountId }, isActive: true })).toBe(3);

      const again = await admin.post('/bulk-actions/dry-run', body);
      expect(again.body.data).toMatchObject({ matched: 5, willChange: 0 });
    });
  });

  describe('soft delete and restore over a filter', () => {
    it('needs a reason, trashes the matching rows, and restores them from the trash', async () => {
      await distinct(KEYWORD, await insertRows(KEYWORD, a.accountId, 30, { keyword: 'pending kw', status: 'pending' }), 'keyword');
      await distinct(KEYWORD, await insertRows(KEYWORD, a.accountId, 10, { keyword: 'active kw', status: 'active' }), 'keyword');
      const selection = selectAll(KEYWORD, ofAccount(a, { status: { $eq: 'pending' } }));

      const noReason = await admin.post('/bulk-actions/run', { action: 'soft-delete', selection });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.details.errors[0].path).toEqual(['reason']);

      const del = await admin.post('/bulk-actions/run', { action: 'soft-delete', selection, reason: 'spam import' });
      expect(del.body.data).toMatchObject({ status: 'completed', changed: 30, reason: 'spam import' });
      expect(await count(KEYWORD, { account: { id: a.accountId }, status: 'pending', deletedAt: { $notNull: true } })).toBe(30);
      expect(await count(KEYWORD, { account: { id: a.accountId }, status: 'active', deletedAt: { $null: true } })).toBe(10);
      // The same "all matching" now matches nothing live: the trash is not selected by a plain filter.
      const dry = await admin.post('/bulk-actions/dry-run', { action: 'soft-delete', selection, reason: 'x' });
      expect(dry.body.data.matched).toBe(0);

      const restore = await admin.post('/bulk-actions/run', { action: 'restore', selection });
      expect(restore.body.data).toMatchObject({ status: 'completed', matched: 30, changed: 30 });
      expect(await count(KEYWORD, { account: { id: a.accountId }, status: 'pending', deletedAt: { $null: true } })).toBe(30);
    });
  });

  describe('restore keeps unique-within', () => {
    it('refuses a row whose twin is live, brings back only the first of trashed twins, and reports the rest', async () => {
      const now = new Date();
      // "Boots" is live in account A; one trashed twin of it, and two trashed "Laces" (twins of each other).
      const [live] = await insertRows(KEYWORD, a.accountId, 1, { keyword: 'Boots', status: 'reviewed' });
      const [twin] = await insertRows(KEYWORD, a.accountId, 1, { keyword: ' boots ', status: 'reviewed', deleted_at: now });
      const [laces1, laces2] = await insertRows(KEYWORD, a.accountId, 2, { keyword: 'Laces', status: 'reviewed', deleted_at: now });
      // Account B's trashed "Boots" is not a twin of A's: the rule is per account.
      const [other] = await insertRows(KEYWORD, b.accountId, 1, { keyword: 'Boots', status: 'reviewed', deleted_at: now });
      const selection = { uid: KEYWORD, query: { filters: { status: { $eq: 'reviewed' } } } };

      const run = await admin.post('/bulk-actions/run', { action: 'restore', selection });
      expect(run.status).toBe(200);
      expect(run.body.data).toMatchObject({ status: 'completed', matched: 4, changed: 2, failed: 2 });
      const alive = await app.strapi.db.query(KEYWORD).findMany({ where: { id: { $in: [live, twin, laces1, laces2, other] }, deletedAt: { $null: true } }, select: ['id'] });
      expect(alive.map((r: any) => r.id).sort((x: number, y: number) => x - y)).toEqual([live, laces1, other].sort((x, y) => x - y));

      const report = await admin.get(`/bulk-actions/runs/${run.body.data.id}/failures.csv`);
      const lines = report.text.trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines.slice(1).map((l) => Number(l.split(',')[0])).sort((x, y) => x - y)).toEqual([twin, laces2].sort((x, y) => x - y));
      expect(lines[1]).toContain('already exists');
    });
  });

  describe('form actions', () => {
    it('refuses a status value the type does not have, naming the field', async () => {
      const res = await admin.post('/bulk-actions/dry-run', { action: 'set-status', selection: selectAll(KEYWORD, ofAccount(a)), params: { value: 'deleted' } });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual(['params', 'value']);
    });

    it('assigns a cluster by link rows and refuses rows of another account, with a failure report', async () => {
      const [clusterId] = await insertRows(CLUSTER, a.accountId, 1, { name: 'Boots' });
      const cluster = await app.strapi.db.query(CLUSTER).findOne({ where: { id: clusterId } });
      const mine = await insertRows(KEYWORD, a.accountId, 3, { keyword: 'boot kw', status: 'active' });
      const theirs = await insertRows(KEYWORD, b.accountId, 2, { keyword: 'other kw', status: 'active' });
      const docs = await app.strapi.db.query(KEYWORD).findMany({ where: { id: { $in: [...mine, ...theirs] } }, select: ['documentId'] });

      const missing = await admin.post('/bulk-actions/dry-run', { action: 'assign-cluster', selection: { uid: KEYWORD, documentIds: docs.map((d: any) => d.documentId) }, params: { cluster: 'a'.repeat(24) } });
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.errors[0].path).toEqual(['params', 'cluster']);

      const run = await admin.post('/bulk-actions/run', { action: 'assign-cluster', selection: { uid: KEYWORD, documentIds: docs.map((d: any) => d.documentId) }, params: { cluster: cluster.documentId } });
      expect(run.body.data).toMatchObject({ status: 'completed', matched: 5, changed: 3, failed: 2 });
      expect(await count(KEYWORD, { cluster: { id: clusterId } })).toBe(3);
      expect(await count(KEYWORD, { id: { $in: theirs }, cluster: { id: { $notNull: true } } })).toBe(0);

      const report = await admin.get(`/bulk-actions/runs/${run.body.data.id}/failures.csv`);
      expect(report.status).toBe(200);
      expect(report.headers['content-type']).toContain('text/csv');
      const lines = report.text.trim().split('\r\n');
      expect(lines[0]).toBe('id,documentId,reason');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain('the cluster belongs to another account');
    });
  });

  describe('credit action', () => {
    it('dry-run estimates, then adjusts each account once through the ledger with the reason', async () => {
      const accounts = await app.strapi.db.query(ACCOUNT).findMany({ where: { id: { $in: [a.accountId, b.accountId] } } });
      const before = new Map(accounts.map((x: any) => [x.id, x.bonusCredits ?? 0]));
      const selection = { uid: ACCOUNT, documentIds: accounts.map((x: any) => x.documentId) };

      const noReason = await admin.post('/bulk-actions/run', { action: 'adjust-credits', selection, params: { amount: 100 } });
      expect(noReason.status).toBe(400);

      const dry = await admin.post('/bulk-actions/dry-run', { action: 'adjust-credits', selection, params: { amount: -1_000_000, pool: 'bonus' }, reason: 'x' });
      expect(dry.body.data.notes.join(' ')).toContain('2 accounts have fewer than 1000000 bonus credits');

      const run = await admin.post('/bulk-actions/run', { action: 'adjust-credits', selection, params: { amount: 100, pool: 'bonus' }, reason: 'goodwill after outage' });
      expect(run.body.data).toMatchObject({ status: 'completed', changed: 2, failed: 0 });
      const after = await app.strapi.db.query(ACCOUNT).findMany({ where: { id: { $in: [a.accountId, b.accountId] } } });
      for (const x of after) expect(x.bonusCredits).toBe((before.get(x.id) as number) + 100);
      const { rows } = await app.strapi.db.connection.raw(`SELECT reason, actor, reference_type, reference_id FROM credit_transactions WHERE reference_type = 'bulk-run' AND reference_id = ?`, [String(run.body.data.id)]);
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ reason: 'goodwill after outage', actor: expect.stringMatching(/^admin:\d+$/) });

      const overdraw = await admin.post('/bulk-actions/run', { action: 'adjust-credits', selection, params: { amount: -1_000_000 }, reason: 'test' });
      expect(overdraw.body.data).toMatchObject({ status: 'completed', changed: 0, failed: 2 });
    });
  });

  describe('upgrade plan', () => {
    it('issues one invoice per account, and a re-executed run issues no second one', async () => {
      const INVOICE = 'plugin::billing.invoice';
      const invoices = () => count(INVOICE, { account: { id: a.accountId }, plan: { slug: 'starter' } });
      const before = await invoices();
      const account = await app.strapi.db.query(ACCOUNT).findOne({ where: { id: a.accountId } });
      const selection = { uid: ACCOUNT, documentIds: [account.documentId] };

      const run = await admin.post('/bulk-actions/run', { action: 'upgrade-plan', selection, params: { plan: 'starter' }, reason: 'sales upgrade' });
      expect(run.body.data).toMatchObject({ status: 'completed', changed: 1, failed: 0 });
      expect(await invoices()).toBe(before + 1);

      // A worker that died after the invoice left the run `running`; executing it again (the recovery
      // path) claims the same per-run account key and issues nothing.
      await app.strapi.db.connection.raw(`UPDATE bulk_action_runs SET status = 'running' WHERE id = ?`, [run.body.data.id]);
      const again = await getBulkActionsService(app.strapi, 'runner').execute(run.body.data.id);
      expect(again).toMatchObject({ status: 'completed', failed: 0 });
      expect(await invoices()).toBe(before + 1);
      const { rows } = await app.strapi.db.connection.raw(`SELECT key FROM bulk_action_keys WHERE run_id = ?`, [run.body.data.id]);
      expect(rows.map((r: { key: string }) => r.key)).toEqual([`bulk-run:${run.body.data.id}:${a.accountId}`]);
    });
  });

  describe('taxonomies, logs and clones', () => {
    const CONTENT = 'api::content.content';
    const TAXONOMY = 'api::content-taxonomy.content-taxonomy';
    const docOf = async (uid: string, id: number) => (await app.strapi.db.query(uid as any).findOne({ where: { id }, select: ['documentId'] })).documentId as string;
    const linksOf = async (contentIds: number[]) => {
      const jt: any = (app.strapi.db.metadata.get(CONTENT) as any).attributes.taxonomies.joinTable;
      return app.strapi.db.connection(jt.name).select({ content: jt.joinColumn.name, taxonomy: jt.inverseJoinColumn.name }).whereIn(jt.joinColumn.name, contentIds);
    };

    it('adds a taxonomy without duplicating links, then merges taxonomies into one and refuses another account', async () => {
      const [boots] = await insertRows(TAXONOMY, a.accountId, 1, { name: 'Boots', slug: 'boots', taxonomy_type: 'category' });
      const [footwear] = await insertRows(TAXONOMY, a.accountId, 1, { name: 'Footwear', slug: 'footwear', taxonomy_type: 'category' });
      const [foreign] = await insertRows(TAXONOMY, b.accountId, 1, { name: 'Other', slug: 'other', taxonomy_type: 'category' });
      const contents = await insertRows(CONTENT, a.accountId, 3, { title: 'tax content' });
      const contentDocs = await Promise.all(contents.map((id) => docOf(CONTENT, id)));
      const selection = { uid: CONTENT, documentIds: contentDocs };

      const add = await admin.post('/bulk-actions/run', { action: 'add-taxonomy', selection, params: { taxonomy: await docOf(TAXONOMY, boots) } });
      expect(add.body.data).toMatchObject({ status: 'completed', changed: 3, failed: 0 });
      const again = await admin.post('/bulk-actions/run', { action: 'add-taxonomy', selection, params: { taxonomy: await docOf(TAXONOMY, boots) } });
      expect(again.body.data).toMatchObject({ status: 'completed', changed: 0 });
      await admin.post('/bulk-actions/run', { action: 'add-taxonomy', selection: { uid: CONTENT, documentIds: [contentDocs[0]] }, params: { taxonomy: await docOf(TAXONOMY, footwear) } });
      expect(await linksOf(contents)).toHaveLength(4);

      const noReason = await admin.post('/bulk-actions/run', { action: 'merge-taxonomies', selection: { uid: TAXONOMY, documentIds: [await docOf(TAXONOMY, boots)] }, params: { into: await docOf(TAXONOMY, footwear) } });
      expect(noReason.status).toBe(400);
      const merge = await admin.post('/bulk-actions/run', {
        action: 'merge-taxonomies',
        selection: { uid: TAXONOMY, documentIds: [await docOf(TAXONOMY, boots), await docOf(TAXONOMY, foreign)] },
        params: { into: await docOf(TAXONOMY, footwear) },
        reason: 'duplicate categories',
      });
      expect(merge.body.data).toMatchObject({ status: 'completed', changed: 1, failed: 1 });
      const links = await linksOf(contents);
      expect(links.map((l: any) => [Number(l.content), Number(l.taxonomy)]).sort()).toEqual(contents.map((id) => [id, footwear]).sort());
      expect(await count(TAXONOMY, { id: boots })).toBe(0);
      expect(await count(TAXONOMY, { id: foreign })).toBe(1);
    });

    it('deletes log rows older than N days only, with a reason', async () => {
      const SYNC = 'plugin::publishing.sync-event';
      const old = await insertRows(SYNC, a.accountId, 3, { integration_id: 1, action: 'sync' });
      const recent = await insertRows(SYNC, a.accountId, 2, { integration_id: 1, action: 'sync' });
      await app.strapi.db.connection.raw(`UPDATE ?? SET created_at = now() - interval '40 days' WHERE id = ANY(?::int[])`, [(app.strapi.db.metadata.get(SYNC) as any).tableName, old]);
      const body = { action: 'delete-older-than', selection: selectAll(SYNC, { action: { $eq: 'sync' } }), params: { days: 30 }, reason: 'retention' };
      const dry = await admin.post('/bulk-actions/dry-run', body);
      expect(dry.body.data).toMatchObject({ matched: 5, willChange: 3 });
      const run = await admin.post('/bulk-actions/run', body);
      expect(run.body.data).toMatchObject({ status: 'completed', changed: 3 });
      expect(await count(SYNC, { id: { $in: [...old, ...recent] } })).toBe(2);
    });

    it('clones a plan as an inactive copy', async () => {
      const starter = await app.strapi.db.query('api::plan.plan').findOne({ where: { slug: 'starter' } });
      const run = await admin.post('/bulk-actions/run', { action: 'clone', selection: { uid: 'api::plan.plan', documentIds: [starter.documentId] } });
      expect(run.body.data).toMatchObject({ status: 'completed', changed: 1, failed: 0 });
      const copy = await app.strapi.db.query('api::plan.plan').findOne({ where: { slug: `starter-copy-${run.body.data.id}` } });
      expect(copy).toMatchObject({ name: 'Starter (copy)', isActive: false, maxKeywords: starter.maxKeywords, includedCredits: starter.includedCredits });
    });
  });

  describe('credit-spending action (extension point)', () => {
    it('prices the rows per account against each balance before running', async () => {
      // As an AI plugin would register it: 1,000 words of content_generation per keyword.
      getBulkActionsService(app.strapi, 'registry').register({
        id: 'test.write-articles',
        label: 'Write articles',
        contentTypes: [KEYWORD],
        params: z.object({}).strict(),
        reasonRequired: false,
        permission: 'plugin::bulk-actions.records.update',
        cmAction: 'update',
        undoable: false,
        credits: () => ({ operation: 'content_generation', perItem: { words: 1000 } }),
        handler: async () => ({ changed: 0 }),
      });
      await distinct(KEYWORD, await insertRows(KEYWORD, a.accountId, 3, { keyword: 'article kw', status: 'approved' }), 'keyword');
      await distinct(KEYWORD, await insertRows(KEYWORD, b.accountId, 2, { keyword: 'article kw', status: 'approved' }), 'keyword');
      const perItem = (await getCreditsService(app.strapi, 'pricing').price({ operation: 'content_generation', usage: { words: 1000 } })).credits;
      const balanceA = await getCreditsService(app.strapi, 'ledger').balance(a.accountId);
      const balanceB = await getCreditsService(app.strapi, 'ledger').balance(b.accountId);

      const dry = await admin.post('/bulk-actions/dry-run', { action: 'test.write-articles', selection: selectAll(KEYWORD, { status: { $eq: 'approved' } }) });
      expect(dry.status).toBe(200);
      expect(dry.body.data.estimate).toMatchObject({ operation: 'content_generation', credits: 5 * perItem, accounts: 2 });
      const byAccount = Object.fromEntries(dry.body.data.estimate.perAccount.map((e: any) => [e.accountId, e]));
      expect(byAccount[a.accountId]).toMatchObject({ items: 3, credits: 3 * perItem, available: balanceA.available, fits: balanceA.available >= 3 * perItem });
      expect(byAccount[b.accountId]).toMatchObject({ items: 2, credits: 2 * perItem, available: balanceB.available, shortBy: Math.max(0, 2 * perItem - balanceB.available) });
      expect(dry.body.data.notes.join(' ')).toContain(`Costs ${5 * perItem} credits`);
    });
  });

  describe('large selections run as a job', () => {
    it('queues 1,000+ rows, can be cancelled while queued, runs with progress and reports failures', async () => {
      const [clusterId] = await insertRows(CLUSTER, a.accountId, 1, { name: 'Tents' });
      const cluster = await app.strapi.db.query(CLUSTER).findOne({ where: { id: clusterId } });
      await insertRows(KEYWORD, a.accountId, 1000, { keyword: 'job kw', status: 'reviewed' });
      await insertRows(KEYWORD, b.accountId, 200, { keyword: 'job kw', status: 'reviewed' });
      const selection = selectAll(KEYWORD, { $and: [{ keyword: { $eq: 'job kw' } }] });

      // No workers yet: the job waits, and a cancel removes it.
      const queued = await admin.post('/bulk-actions/run', { action: 'assign-cluster', selection, params: { cluster: cluster.documentId } });
      expect(queued.status).toBe(202);
      expect(queued.body.data).toMatchObject({ mode: 'job', status: 'queued', total: 1200 });
      const cancelled = await admin.post(`/bulk-actions/runs/${queued.body.data.id}/cancel`);
      expect(cancelled.body.data.status).toBe('cancelled');
      expect(await count(KEYWORD, { cluster: { id: clusterId } })).toBe(0);

      const started = await admin.post('/bulk-actions/run', { action: 'assign-cluster', selection, params: { cluster: cluster.documentId } });
      expect(started.status).toBe(202);
      getQueueService(app.strapi).startWorkers();
      const done = await waitForRun(started.body.data.id);
      expect(done).toMatchObject({ status: 'completed', processed: 1200, changed: 1000, failed: 200 });
      const job = await getQueueService(app.strapi).get('bulk-actions').getJob(done.jobId);
      expect(job?.progress()).toBe(100);
      expect(await count(KEYWORD, { cluster: { id: clusterId } })).toBe(1000);

      const report = await admin.get(`/bulk-actions/runs/${done.id}/failures.csv`);
      expect(report.text.trim().split('\r\n')).toHaveLength(201);
    });
  });

  describe('audit trail', () => {
    it('lists runs newest first with who, what, why and counts', async () => {
      const res = await admin.get('/bulk-actions/runs?action=soft-delete');
      expect(res.status).toBe(200);
      const run = res.body.data[0];
      expect(run).toMatchObject({ action: 'soft-delete', contentType: KEYWORD, reason: 'spam import', changed: 30, actor: expect.stringMatching(/^admin:/), actorEmail: expect.stringContaining('@') });
      expect(run.selection).toMatchObject({ uid: KEYWORD, query: { filters: expect.any(Object) } });
    });
  });

  describe('permission refusals', () => {
    it('refuses a role without the action permission, a role without the CM permission, and tenants', async () => {
      const support = as(app, await staffToken(app, 'igny8-support-agent'));
      const actions = await support.get(`/bulk-actions/actions?uid=${KEYWORD}`);
      expect(actions.status).toBe(200);
      expect(actions.body.data).toEqual([]);
      const supportRun = await support.post('/bulk-actions/run', { action: 'set-status', selection: selectAll(KEYWORD, ofAccount(a)), params: { value: 'archived' } });
      expect(supportRun.status).toBe(403);

      // Content managers may bulk-update keywords but hold no credit permission.
      const content = as(app, await staffToken(app, 'igny8-content-manager'));
      const credits = await content.post('/bulk-actions/run', { action: 'adjust-credits', selection: { uid: ACCOUNT, documentIds: [a.accountDocumentId] }, params: { amount: 5 }, reason: 'x' });
      expect(credits.status).toBe(403);
      const ok = await content.post('/bulk-actions/dry-run', { action: 'set-status', selection: selectAll(KEYWORD, ofAccount(a)), params: { value: 'archived' } });
      expect(ok.status).toBe(200);

      // Billing admins hold the bulk permission but no Content Manager update on keywords.
      const billing = as(app, await staffToken(app, 'igny8-billing-admin'));
      const noCm = await billing.post('/bulk-actions/run', { action: 'set-status', selection: selectAll(KEYWORD, ofAccount(a)), params: { value: 'archived' } });
      expect(noCm.status).toBe(403);
      expect(await count(KEYWORD, { status: 'archived' })).toBe(0);

      const tenant = as(app, a.jwt);
      expect((await tenant.get(`/bulk-actions/actions?uid=${KEYWORD}`)).status).toBe(401);
      expect((await tenant.post('/bulk-actions/run', { action: 'set-status', selection: selectAll(KEYWORD, {}), params: { value: 'archived' } })).status).toBe(401);
      expect((await tenant.get('/bulk-actions/runs')).status).toBe(401);
    });
  });
});
