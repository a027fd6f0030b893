// Bulk test data straight into PostgreSQL (INSERT ... SELECT generate_series), shaped like the app's
// own writes: one row per record plus Strapi 5 link-table rows for each relation. Table and column
// names come from the app's metadata (app-process.js `metadata`), never guessed.
//
// Shape: account a owns sites s with s % A = a; site s owns clusters c with c % S = s; cluster c holds
// keywords k with k % C = c (so keyword k belongs to account k % A). Account index 0 is an existing
// account passed in (the tenant the bench signed up), so it owns 1/A of everything.

const SCALES = {
  full: { accounts: 200, sites: 1000, clusters: 10000, keywords: 1000000 },
  small: { accounts: 20, sites: 100, clusters: 1000, keywords: 100000 },
};

const UIDS = { account: 'api::account.account', site: 'api::site.site', cluster: 'api::cluster.cluster', keyword: 'api::keyword.keyword' };

const ident = (name) => `"${String(name).replace(/"/g, '""')}"`;

/** INSERT INTO table (cols) SELECT exprs FROM generate_series(from, to) g(i). */
const insertSeries = (table, exprs, from, to) => {
  const entries = Object.entries(exprs);
  return `INSERT INTO ${ident(table)} (${entries.map(([c]) => ident(c)).join(', ')})
    SELECT ${entries.map(([, e]) => e).join(', ')} FROM generate_series(${from}, ${to}) AS g(i)`;
};

const generate = async ({ client, metadata, scale, tenantAccountId, log = () => {} }) => {
  const { accounts: A, sites: S, clusters: C, keywords: K } = scale;
  if (S % A || C % S) throw new Error('sites must be a multiple of accounts, and clusters of sites');
  const meta = Object.fromEntries(Object.entries(UIDS).map(([k, uid]) => [k, metadata[uid]]));
  const col = (type, name) => {
    const column = meta[type].columns[name];
    if (!column) throw new Error(`${UIDS[type]} has no attribute ${name}`);
    return column;
  };
  const rel = (type, name) => {
    const relation = meta[type].relations[name];
    if (!relation) throw new Error(`${UIDS[type]} has no relation ${name}`);
    return relation;
  };

  const base = {};
  for (const type of Object.keys(UIDS)) {
    const { rows } = await client.query(`SELECT COALESCE(max(id), 0)::bigint AS max FROM ${ident(meta[type].tableName)}`);
    base[type] = Number(rows[0].max);
  }
  const accountId = (index) => `(CASE WHEN (${index}) = 0 THEN ${Number(tenantAccountId)} ELSE ${base.account} + (${index}) END)`;
  const id = (type, index) => `(${base[type]} + 1 + (${index}))`;
  const common = (type, prefix) => ({
    [col(type, 'documentId')]: `substr(md5('${prefix}:' || ${id(type, 'i')}), 1, 24)`,
    [col(type, 'createdAt')]: `now() - (i % 1000) * interval '1 minute'`,
    [col(type, 'updatedAt')]: 'now()',
    [col(type, 'publishedAt')]: 'now()',
    [col(type, 'locale')]: 'NULL',
  });
  const link = (relation, ownerExpr, targetExpr, inverseOrderExpr) => {
    const exprs = { [relation.ownerColumn]: ownerExpr, [relation.targetColumn]: targetExpr };
    if (relation.orderColumn) exprs[relation.orderColumn] = '1';
    if (relation.inverseOrderColumn) exprs[relation.inverseOrderColumn] = inverseOrderExpr ?? '1';
    return exprs;
  };

  const steps = [
    ['accounts', insertSeries(meta.account.tableName, {
      [col('account', 'id')]: id('account', 'i - 1'),
      ...common('account', 'account'),
      [col('account', 'name')]: `'Bench account ' || i`,
      [col('account', 'slug')]: `'bench-account-' || i`,
      [col('account', 'status')]: `'active'`,
      [col('account', 'planCredits')]: '0',
      [col('account', 'bonusCredits')]: '0',
      [col('account', 'isSystem')]: 'false',
    }, 1, A - 1)],
    ['sites', insertSeries(meta.site.tableName, {
      [col('site', 'id')]: id('site', 'i'),
      ...common('site', 'site'),
      [col('site', 'name')]: `'Bench site ' || i`,
      [col('site', 'domain')]: `'site' || i || '.bench.example'`,
      [col('site', 'isActive')]: 'true',
    }, 0, S - 1)],
    ['sites → account', insertSeries(rel('site', 'account').table, link(rel('site', 'account'), id('site', 'i'), accountId(`i % ${A}`)), 0, S - 1)],
    ['clusters', insertSeries(meta.cluster.tableName, {
      [col('cluster', 'id')]: id('cluster', 'i'),
      ...common('cluster', 'cluster'),
      [col('cluster', 'name')]: `'Cluster ' || i`,
      [col('cluster', 'keywordCount')]: `CASE WHEN i < ${K} THEN (${K} - 1 - i) / ${C} + 1 ELSE 0 END`,
      [col('cluster', 'volume')]: '0',
      [col('cluster', 'status')]: `'active'`,
    }, 0, C - 1)],
    ['clusters → site', insertSeries(rel('cluster', 'site').table, link(rel('cluster', 'site'), id('cluster', 'i'), id('site', `i % ${S}`)), 0, C - 1)],
    ['clusters → account', insertSeries(rel('cluster', 'account').table, link(rel('cluster', 'account'), id('cluster', 'i'), accountId(`i % ${A}`)), 0, C - 1)],
    ['keywords', insertSeries(meta.keyword.tableName, {
      [col('keyword', 'id')]: id('keyword', 'i'),
      ...common('keyword', 'keyword'),
      [col('keyword', 'keyword')]:
        `(ARRAY['best','cheap','how to choose','buy','review','top','compare','guide to','free','local'])[1 + i % 10] || ' ' ||
         (ARRAY['running shoes','seo tools','coffee grinder','web hosting','crm software','yoga mats','vpn','standing desk'])[1 + (i / 10) % 8] || ' ' || i`,
      [col('keyword', 'volume')]: '(i::bigint * 7919) % 100000',
      [col('keyword', 'difficulty')]: '(i * 31) % 101',
      [col('keyword', 'intent')]: `(ARRAY['informational','commercial','transactional','navigational'])[1 + i % 4]`,
      [col('keyword', 'status')]: `(ARRAY['pending','active','reviewed','approved'])[1 + (i / 7) % 4]`,
    }, 0, K - 1)],
    ['keywords → cluster', insertSeries(rel('keyword', 'cluster').table,
      link(rel('keyword', 'cluster'), id('keyword', 'i'), id('cluster', `i % ${C}`), `i / ${C} + 1`), 0, K - 1)],
    ['keywords → site', insertSeries(rel('keyword', 'site').table, link(rel('keyword', 'site'), id('keyword', 'i'), id('site', `i % ${S}`)), 0, K - 1)],
    ['keywords → account', insertSeries(rel('keyword', 'account').table, link(rel('keyword', 'account'), id('keyword', 'i'), accountId(`i % ${A}`)), 0, K - 1)],
  ];

  const timings = {};
  const started = Date.now();
  // Skips the link tables' foreign-key triggers for this session (halves the load time); the ids are
  // consistent by construction. Needs a superuser: elsewhere the checks simply stay on.
  const fkChecksOff = await client.query('SET session_replication_role = replica').then(() => true, () => false);
  if (!fkChecksOff) log('  (not a superuser: foreign-key checks stay on, loading takes about twice as long)');
  for (const [name, sql] of steps) {
    const t = Date.now();
    const { rowCount } = await client.query(sql);
    timings[name] = { rows: rowCount, ms: Date.now() - t };
    log(`  ${name.padEnd(20)} ${String(rowCount).padStart(9)} rows  ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  if (fkChecksOff) await client.query('RESET session_replication_role');
  for (const type of Object.keys(UIDS)) {
    const table = meta[type].tableName;
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), (SELECT max(id) FROM ${ident(table)}))`, [table]);
  }
  // Vacuum as well as analyze: fresh bulk rows would otherwise pay hint-bit writes and miss
  // index-only scans during the first measured rounds.
  const t = Date.now();
  const tables = new Set(Object.keys(UIDS).flatMap((type) => [meta[type].tableName, ...Object.values(meta[type].relations).map((r) => r.table)]));
  await client.query(`VACUUM (ANALYZE) ${[...tables].map(ident).join(', ')}`);
  timings['vacuum analyze'] = { ms: Date.now() - t };
  log(`  ${'vacuum analyze'.padEnd(20)} ${''.padStart(9)}       ${((Date.now() - t) / 1000).toFixed(1)} s`);

  const count = async (sql, params) => Number((await client.query(sql, params)).rows[0].n);
  const rows = {};
  for (const type of Object.keys(UIDS)) rows[`${type}s`] = await count(`SELECT count(*) AS n FROM ${ident(meta[type].tableName)}`);
  const kwAccount = rel('keyword', 'account');
  rows.tenantKeywords = await count(
    `SELECT count(*) AS n FROM ${ident(kwAccount.table)} WHERE ${ident(kwAccount.targetColumn)} = $1`, [tenantAccountId]);
  rows.linkRows = 0;
  for (const table of tables) {
    if (!Object.values(meta).some((m) => m.tableName === table)) rows.linkRows += await count(`SELECT count(*) AS n FROM ${ident(table)}`);
  }
  return { rows, seconds: (Date.now() - started) / 1000, timings };
};

module.exports = { SCALES, UIDS, generate };
