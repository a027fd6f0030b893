import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { getQueueService } from '../../../src/plugins/queue/server/src/utils/get-service';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, staffToken, type Tenant } from '../../helpers/tenants';

const KEYWORD = 'api::keyword.keyword';
const SITE = 'api::site.site';
const SECTOR = 'api::sector.sector';
const CLUSTER = 'api::cluster.cluster';

let app: TestApp;
let token: string;
let admin: ReturnType<typeof as>;
let a: Tenant;
let b: Tenant;

const create = async (uid: string, data: Record<string, unknown>) => (await app.strapi.documents(uid as any).create({ data: data as any })) as any;
const ofAccount = (tenant: Tenant) => ({ account: { documentId: { $eq: tenant.accountDocumentId } } });
const binary = (res: any, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const exportFile = (filters: Record<string, unknown>, format: 'csv' | 'xlsx', bearer = token) =>
  app.request().post('/import-export/export').set('Authorization', `Bearer ${bearer}`).buffer(true).parse(binary).send({ selection: { uid: KEYWORD, query: { filters } }, format });

const upload = (file: Buffer, name: string, uid = KEYWORD, bearer = token) =>
  app.request().post('/import-export/imports').set('Authorization', `Bearer ${bearer}`).field('uid', uid).attach('file', file, name);

const csvRecords = (buffer: Buffer) => parse(buffer, { columns: true }) as Record<string, string>[];
const toCsv = (rows: Record<string, string>[]) => {
  const headers = Object.keys(rows[0]);
  const q = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from([headers.join(','), ...rows.map((r) => headers.map((h) => q(r[h] ?? '')).join(','))].join('\r\n') + '\r\n');
};

const waitForImport = async (id: number) => {
  for (let i = 0; i < 300; i++) {
    const res = await admin.get(`/import-export/imports/${id}`);
    if (['completed', 'failed', 'cancelled'].includes(res.body.data.status)) return res.body.data;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`import ${id} did not finish`);
};

/** Keywords of an account as the database has them, by keyword. */
const keywordsOf = async (tenant: Tenant) => {
  const rows = await app.strapi.db.query(KEYWORD as any).findMany({ where: { account: { id: tenant.accountId } }, populate: ['site', 'sector', 'cluster'], orderBy: { id: 'asc' } });
  return new Map(rows.map((r: any) => [r.keyword, r]));
};

beforeAll(async () => {
  app = await bootStrapi();
  token = await staffToken(app);
  admin = as(app, token);
  a = await signUp(app, { accountName: 'IO A' });
  b = await signUp(app, { accountName: 'IO B' });
  // The Bull processors of this app (API tests run no separate worker).
  getQueueService(app.strapi).startWorkers();
  const siteA = await create(SITE, { name: 'Trail site', domain: 'trail.example.com', account: a.accountDocumentId });
  const sectorA = await create(SECTOR, { name: 'Boots', site: siteA.documentId, account: a.accountDocumentId });
  const clusterA = await create(CLUSTER, { name: 'Hiking boots', site: siteA.documentId, sector: sectorA.documentId, account: a.accountDocumentId });
  const siteB = await create(SITE, { name: 'B site', domain: 'b-only.example.com', account: b.accountDocumentId });
  await create(SECTOR, { name: 'Boots', site: siteB.documentId, account: b.accountDocumentId });
  const rows: Array<Record<string, unknown>> = [
    { keyword: 'best hiking boots', volume: 1200, difficulty: 40, intent: 'commercial', status: 'active', cluster: clusterA.documentId },
    { keyword: 'waterproof boots, reviewed', volume: 300, difficulty: 20, intent: 'informational' },
    { keyword: '=cmd|calc', volume: null, intent: 'navigational' },
    { keyword: 'trail "runners"', volume: 0, difficulty: 100, intent: 'transactional', status: 'archived' },
  ];
  for (const row of rows) await create(KEYWORD, { ...row, site: siteA.documentId, sector: sectorA.documentId, account: a.accountDocumentId });
  // Booting a Strapi takes well over a minute when the shared machine is saturated.
}, 240000);

afterAll(async () => {
  await app?.close();
});

describe('import-export', () => {
  it('lists the datasets: keywords import and export, payment events export only', async () => {
    const res = await admin.get('/import-export/datasets');
    expect(res.status).toBe(200);
    const byUid = new Map(res.body.data.map((d: any) => [d.uid, d]));
    expect(byUid.get(KEYWORD)).toMatchObject({ export: true, import: true, naturalKey: ['keyword', 'site', 'sector', 'account'] });
    expect(byUid.get('plugin::billing.payment-event')).toMatchObject({ export: true, import: false, importable: false });
    expect([...byUid.values()].filter((d: any) => d.importable)).toHaveLength(18);
  });

  describe('export', () => {
    it('exports the filtered list as CSV with readable keys and no internal ids', async () => {
      const res = await exportFile(ofAccount(a), 'csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const records = csvRecords(res.body);
      expect(records).toHaveLength(4);
      expect(Object.keys(records[0])).toEqual(expect.arrayContaining(['keyword', 'site', 'sector', 'cluster', 'account', 'volume', 'intent']));
      expect(Object.keys(records[0])).not.toContain('id');
      expect(Object.keys(records[0])).not.toContain('documentId');
      const boots = records.find((r) => r.keyword === 'best hiking boots')!;
      expect(boots).toMatchObject({ site: 'trail.example.com', sector: 'Boots', cluster: 'Hiking boots', account: expect.stringMatching(/^io-a/), volume: '1200', intent: 'commercial' });
      // A formula is defused for spreadsheets; the quotes and commas survive CSV quoting.
      expect(records.map((r) => r.keyword)).toEqual(expect.arrayContaining(["'=cmd|calc", 'waterproof boots, reviewed', 'trail "runners"']));
    });

    it('exports only the selected documents when given ids, and XLSX with the same columns', async () => {
      const one = await app.strapi.db.query(KEYWORD as any).findOne({ where: { keyword: 'best hiking boots' } });
      const res = await app
        .request()
        .post('/import-export/export')
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse(binary)
        .send({ selection: { uid: KEYWORD, documentIds: [one.documentId] }, format: 'xlsx' });
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body);
      const sheet = workbook.worksheets[0];
      expect(sheet.rowCount).toBe(2);
      const headers = (sheet.getRow(1).values as unknown[]).slice(1);
      const values = (sheet.getRow(2).values as unknown[]).slice(1);
      const row = Object.fromEntries(headers.map((h, i) => [h, values[i]]));
      expect(row).toMatchObject({ keyword: 'best hiking boots', site: 'trail.example.com', volume: 1200 });
    });

    it('answers the same export on GET with the request as JSON in ?request= (what the admin UI sends)', async () => {
      const request = encodeURIComponent(JSON.stringify({ selection: { uid: KEYWORD, query: { filters: ofAccount(a) } }, format: 'csv' }));
      const res = await app.request().get(`/import-export/export?request=${request}`).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(csvRecords(res.body)).toHaveLength(4);
      const bad = await admin.get('/import-export/export?request=%7Bnope');
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('request: must be JSON');
    });

    it('refuses an unknown format (400 naming it), a tenant (401), and a type that is not a dataset (404)', async () => {
      const bad = await admin.post('/import-export/export', { selection: { uid: KEYWORD, query: {} }, format: 'pdf' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('format:');
      const tenant = await exportFile(ofAccount(a), 'csv', a.jwt);
      expect(tenant.status).toBe(401);
      const unknown = await admin.post('/import-export/export', { selection: { uid: 'api::health.health', query: {} }, format: 'csv' });
      expect(unknown.status).toBe(404);
    });
  });

  describe('import', () => {
    it('export then import of the same CSV changes nothing (every row skipped)', async () => {
      const before = await keywordsOf(a);
      const file = (await exportFile(ofAccount(a), 'csv')).body as Buffer;
      const up = await upload(file, 'keywords.csv');
      expect(up.status).toBe(201);
      expect(up.body.data.import.rowsInFile).toBe(4);
      expect(up.body.data.suggestedMapping).toMatchObject({ keyword: 'keyword', site: 'site', sector: 'sector', account: 'account', volume: 'volume' });
      expect(up.body.data.suggestedMapping).not.toHaveProperty('createdAt');
      const id = up.body.data.import.id;
      const preview = await admin.post(`/import-export/imports/${id}/preview`, { mapping: up.body.data.suggestedMapping });
      expect(preview.status).toBe(200);
      expect(preview.body.data.counts).toEqual({ total: 4, create: 0, update: 0, skip: 4, error: 0 });
      const run = await admin.post(`/import-export/imports/${id}/run`, {});
      expect(run.status).toBe(202);
      const done = await waitForImport(id);
      expect(done).toMatchObject({ status: 'completed', counts: { total: 4, skip: 4, create: 0, update: 0, error: 0 } });
      const after = await keywordsOf(a);
      for (const [keyword, row] of before) expect((after.get(keyword) as any).updatedAt).toEqual((row as any).updatedAt);
    });

    it('XLSX round trip changes nothing either', async () => {
      const file = (await exportFile(ofAccount(a), 'xlsx')).body as Buffer;
      const up = await upload(file, 'keywords.xlsx');
      expect(up.status).toBe(201);
      const preview = await admin.post(`/import-export/imports/${up.body.data.import.id}/preview`, { mapping: up.body.data.suggestedMapping });
      expect(preview.body.data.counts).toEqual({ total: 4, create: 0, update: 0, skip: 4, error: 0 });
    });

    it('previews create, update (with the diff), skip and error per row; the run applies exactly that; rejected rows download', async () => {
      const records = csvRecords((await exportFile(ofAccount(a), 'csv')).body);
      const boots = records.find((r) => r.keyword === 'best hiking boots')!;
      boots.volume = '1500';
      boots.cluster = '';
      const fresh = { ...boots, keyword: 'new trail boots', volume: '10', cluster: 'Hiking boots', status: 'pending' };
      const badEnum = { ...boots, keyword: 'bad intent', intent: 'curious', volume: '-3' };
      const otherAccountSite = { ...boots, keyword: 'cross account', site: 'b-only.example.com' };
      const duplicate = { ...fresh, volume: '11' };
      const file = toCsv([...records, fresh, badEnum, otherAccountSite, duplicate]);
      const up = await upload(file, 'edited.csv');
      const id = up.body.data.import.id;
      const preview = await admin.post(`/import-export/imports/${id}/preview`, { mapping: up.body.data.suggestedMapping });
      expect(preview.status).toBe(200);
      expect(preview.body.data.counts).toEqual({ total: 8, create: 1, update: 1, skip: 3, error: 3 });
      const rows = preview.body.data.rows as any[];
      const update = rows.find((r) => r.action === 'update');
      expect(update.diff).toEqual({ volume: { from: '1200', to: '1500' }, cluster: { from: 'Hiking boots', to: null } });
      expect(rows.find((r) => r.action === 'create').key).toContain('keyword=new trail boots');
      const errors = rows.filter((r) => r.action === 'error').flatMap((r) => r.errors);
      expect(errors).toEqual(
        expect.arrayContaining([
          'intent: must be one of informational, commercial, transactional, navigational',
          'volume: must be at least 0',
          'site: no site "b-only.example.com" in account "' + boots.account + '"',
          expect.stringContaining('same natural key as line 6'),
        ])
      );
      // The preview wrote nothing.
      expect((await keywordsOf(a)).has('new trail boots')).toBe(false);

      const run = await admin.post(`/import-export/imports/${id}/run`, {});
      expect(run.status).toBe(202);
      const done = await waitForImport(id);
      expect(done.counts).toEqual({ total: 8, create: 1, update: 1, skip: 3, error: 3 });
      const after = await keywordsOf(a);
      expect(after.get('best hiking boots')).toMatchObject({ volume: 1500, cluster: null });
      expect(after.get('new trail boots')).toMatchObject({ volume: 10, status: 'pending', site: { domain: 'trail.example.com' }, sector: { name: 'Boots' }, cluster: { name: 'Hiking boots' } });
      expect((after.get('new trail boots') as any).documentId).toMatch(/^[a-z0-9]{24}$/);
      // Keywords have no Draft & Publish: Strapi 5 stamps publishedAt on such rows, and so does the import.
      expect((after.get('new trail boots') as any).publishedAt).not.toBeNull();
      expect(after.has('cross account')).toBe(false);
      // The new keyword is visible through the tenant's own API, in its account.
      const tenantView = await as(app, a.jwt).get('/api/keywords?filters[keyword][$eq]=new%20trail%20boots');
      expect(tenantView.body.data).toHaveLength(1);

      const report = await app.request().get(`/import-export/imports/${id}/rejected.csv`).set('Authorization', `Bearer ${token}`);
      expect(report.status).toBe(200);
      const rejected = csvRecords(Buffer.from(report.text));
      expect(rejected.map((r) => r.keyword)).toEqual(['bad intent', 'cross account', 'new trail boots']);
      expect(rejected[0].errors).toContain('intent: must be one of');
      expect(rejected[0].row).toBe('7');

      // An import runs once.
      const again = await admin.post(`/import-export/imports/${id}/run`, {});
      expect(again.status).toBe(400);
      expect(again.body.error.message).toContain('id:');
    });
  });

  describe('large files', () => {
    it('a file of several batches (two writes in flight) lands whole: counts, link rows, rejected rows in file order, one audit entry', async () => {
      const intents = ['informational', 'commercial', 'transactional', 'navigational'];
      const lines = ['keyword,site,sector,account,volume,intent'];
      const accountSlug = csvRecords((await exportFile(ofAccount(a), 'csv')).body)[0].account;
      // 12,000 rows: three batches of 5,000 or fewer; one bad row in the first batch and one in the last.
      for (let i = 1; i <= 12000; i++) lines.push(`many ${i},trail.example.com,Boots,${accountSlug},${i},${i === 3 || i === 11500 ? 'curious' : intents[i % 4]}`);
      const up = await upload(Buffer.from(lines.join('\n') + '\n'), 'many.csv');
      expect(up.status).toBe(201);
      const id = up.body.data.import.id;
      expect((await admin.post(`/import-export/imports/${id}/run`, { mapping: up.body.data.suggestedMapping })).status).toBe(202);
      const done = await waitForImport(id);
      expect(done.status).toBe('completed');
      expect(done.counts).toEqual({ total: 12000, create: 11998, update: 0, skip: 0, error: 2 });
      const knex = app.strapi.db.connection;
      const [{ n, sites, sectors, accounts }] = (
        await knex.raw(
          `SELECT count(*)::int AS n, count(ls.site_id)::int AS sites, count(lc.sector_id)::int AS sectors, count(la.account_id)::int AS accounts
             FROM keywords k LEFT JOIN keywords_site_lnk ls ON ls.keyword_id = k.id LEFT JOIN keywords_sector_lnk lc ON lc.keyword_id = k.id
             LEFT JOIN keywords_account_lnk la ON la.keyword_id = k.id WHERE k.keyword LIKE 'many %'`
        )
      ).rows;
      expect({ n, sites, sectors, accounts }).toEqual({ n: 11998, sites: 11998, sectors: 11998, accounts: 11998 });
      const report = await app.request().get(`/import-export/imports/${id}/rejected.csv`).set('Authorization', `Bearer ${token}`);
      expect(csvRecords(Buffer.from(report.text)).map((r) => [r.row, r.keyword])).toEqual([
        ['4', 'many 3'],
        ['11501', 'many 11500'],
      ]);
      const entries = await knex('audit_entries').where({ action: 'import', content_type: KEYWORD }).whereRaw(`details->>'importId' = ?`, [String(id)]);
      expect(entries).toHaveLength(1);
      const details = typeof entries[0].details === 'string' ? JSON.parse(entries[0].details) : entries[0].details;
      expect(entries[0].actor).toMatch(/^admin:\d+$/);
      expect(entries[0].source).toBe('bulk');
      expect(details).toMatchObject({ filename: 'many.csv', status: 'completed', counts: { total: 12000, create: 11998, error: 2 } });

      // Imported again unchanged: every row a skip, nothing written.
      const again = await upload(Buffer.from(lines.join('\n') + '\n'), 'many.csv');
      const previewed = await admin.post(`/import-export/imports/${again.body.data.import.id}/preview`, { mapping: again.body.data.suggestedMapping });
      expect(previewed.body.data.counts).toEqual({ total: 12000, create: 0, update: 0, skip: 11998, error: 2 });
      await knex.raw(`DELETE FROM keywords WHERE keyword LIKE 'many %'`);
    }, 120000);
  });

  describe('bad input', () => {
    it('answers 400 naming the problem for bad files, export-only types and incomplete mappings', async () => {
      const garbage = await upload(Buffer.from('PK\u0003\u0004 not really a zip'), 'broken.xlsx');
      expect(garbage.status).toBe(400);
      expect(garbage.body.error.message).toMatch(/^file: /);
      const dupHeaders = await upload(Buffer.from('keyword,keyword\nx,y\n'), 'dup.csv');
      expect(dupHeaders.status).toBe(400);
      expect(dupHeaders.body.error.message).toContain('file: the header row names "keyword" twice');
      const unclosed = await upload(Buffer.from('keyword,site\n"open,quote\n'), 'bad.csv');
      expect(unclosed.status).toBe(400);
      expect(unclosed.body.error.message).toMatch(/^file: not a readable CSV/);
      const empty = await upload(Buffer.from('keyword,site\n'), 'empty.csv');
      expect(empty.status).toBe(400);
      expect(empty.body.error.message).toContain('file: has a header row but no data rows');
      const pdf = await upload(Buffer.from('%PDF-1.4'), 'notes.pdf');
      expect(pdf.status).toBe(400);
      expect(pdf.body.error.message).toContain('file: must be a .csv or .xlsx file');
      const noFile = await app.request().post('/import-export/imports').set('Authorization', `Bearer ${token}`).field('uid', KEYWORD);
      expect(noFile.status).toBe(400);
      expect(noFile.body.error.message).toContain('file:');
      const exportOnly = await upload(Buffer.from('type\nx\n'), 'events.csv', 'plugin::billing.payment-event');
      expect(exportOnly.status).toBe(400);
      expect(exportOnly.body.error.message).toContain('uid: plugin::billing.payment-event is export-only');

      const ok = await upload(Buffer.from('Keyword,Volume\nboots,3\n'), 'partial.csv');
      expect(ok.status).toBe(201);
      const preview = await admin.post(`/import-export/imports/${ok.body.data.import.id}/preview`, { mapping: { keyword: 'Keyword', volume: 'Nope', id: 'Keyword' } });
      expect(preview.status).toBe(400);
      expect(preview.body.error.message).toContain('mapping.volume: the file has no column "Nope"');
      expect(preview.body.error.message).toContain('mapping.id: is not a column of api::keyword.keyword');
      expect(preview.body.error.message).toContain('mapping.site: is part of the natural key and must be mapped');
      const count = await app.strapi.db.query(KEYWORD as any).count({ where: { keyword: 'boots' } });
      expect(count).toBe(0);
    });

    it('rejects a cell longer than its varchar(255) column as a row error naming it (the schema sets no maxLength)', async () => {
      // industry.name is a string without maxLength: Strapi stores it as varchar(255).
      const up = await upload(Buffer.from(`name,slug\nShort industry,short-industry\n${'x'.repeat(256)},long-industry\n`), 'industries.csv', 'api::industry.industry');
      expect(up.status).toBe(201);
      const preview = await admin.post(`/import-export/imports/${up.body.data.import.id}/preview`, { mapping: up.body.data.suggestedMapping });
      expect(preview.status).toBe(200);
      expect(preview.body.data.counts).toEqual({ total: 2, create: 1, update: 0, skip: 0, error: 1 });
      expect(preview.body.data.rows.find((r: any) => r.action === 'error').errors).toEqual(['name: is longer than 255 characters']);
    });
  });

  describe('permissions', () => {
    it('a Support Agent may export but not import; a Content Manager may import keywords but not plans (Content Manager permission re-checked)', async () => {
      const support = await staffToken(app, 'igny8-support-agent');
      const exported = await exportFile(ofAccount(a), 'csv', support);
      expect(exported.status).toBe(200);
      const refused = await upload(Buffer.from('keyword\nx\n'), 'x.csv', KEYWORD, support);
      expect(refused.status).toBe(403);
      const listedSupport = await as(app, support).get('/import-export/datasets');
      expect(listedSupport.body.data.find((d: any) => d.uid === KEYWORD)).toMatchObject({ export: true, import: false });

      const contentManager = await staffToken(app, 'igny8-content-manager');
      const keywords = await upload(Buffer.from('keyword,site,sector,account\nx,trail.example.com,Boots,' + a.accountDocumentId + '\n'), 'k.csv', KEYWORD, contentManager);
      expect(keywords.status).toBe(201);
      const plans = await upload(Buffer.from('slug,name\nx,X\n'), 'plans.csv', 'api::plan.plan', contentManager);
      expect(plans.status).toBe(403);
      const listed = await as(app, contentManager).get('/import-export/datasets');
      expect(listed.body.data.find((d: any) => d.uid === 'api::plan.plan')).toMatchObject({ import: false });
    });

    it('a tenant gets 401 on every import route', async () => {
      const tenant = as(app, a.jwt);
      expect((await tenant.get('/import-export/imports')).status).toBe(401);
      expect((await upload(Buffer.from('keyword\nx\n'), 'x.csv', KEYWORD, a.jwt)).status).toBe(401);
    });
  });
});
