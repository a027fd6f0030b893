// Runs inside the app process (app-process.js `runModule`): loads keywords, then times a bulk action
// over a filter (the bulk-actions runner: counts, audit row, the fused path's one statement per keyset
// batch of 50,000) against the plain single SQL UPDATE of the same rows.
const KEYWORD = 'api::keyword.keyword';

const setup = async (app, { rows }) => {
  const knex = app.db.connection;
  const table = app.db.metadata.get(KEYWORD).tableName;
  // Twice the rows: every other one matches the filter (status = 'pending').
  await knex.raw(
    `INSERT INTO ?? (document_id, keyword, status, volume, created_at, updated_at)
     SELECT substr(md5('bulk' || g::text), 1, 24), 'kw ' || g, CASE WHEN g % 2 = 0 THEN 'pending' ELSE 'active' END, g % 1000, now(), now()
       FROM generate_series(1, ?) g`,
    [table, rows * 2]
  );
  await knex.raw(`VACUUM ANALYZE ??`, [table]);
  const admin = await app.db.query('admin::user').findOne({});
  // Which path the runner takes for keywords: the figures describe the fused path only if this is true.
  const fused = app.plugin('bulk-actions').service('sql').fusable(KEYWORD);
  return { table, adminUserId: admin?.id ?? 0, fused };
};

const time = async (fn) => {
  const start = process.hrtime.bigint();
  const out = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, out };
};

/** One timed run of `action` through the bulk-actions services, over `filters` as the CM list sends them. */
const ours = async (app, { action, filters, params = {}, reason = 'bench', adminUserId }) => {
  const plugin = app.plugin('bulk-actions');
  const selection = plugin.service('selection');
  const runs = plugin.service('runs');
  const runner = plugin.service('runner');
  const definition = plugin.service('registry').get(action);
  return time(async () => {
    // What POST /bulk-actions/run does after the permission checks, minus HTTP and the Bull hop.
    const converted = app.get('query-params').transform(KEYWORD, { filters });
    const sel = { uid: KEYWORD, where: converted.where, mode: 'filter' };
    const extra = definition.where?.(params, KEYWORD);
    const matched = await selection.count(sel);
    const willChange = extra ? await selection.count(sel, extra) : matched;
    const run = await runs.create({ action, uid: KEYWORD, adminUserId, actor: `admin:${adminUserId}`, actorEmail: null, selection: { uid: KEYWORD, query: { filters } }, resolved: { where: sel.where, mode: 'filter' }, params, reason, mode: 'job', matched, total: willChange });
    const done = await runner.execute(run.id);
    if (done.status !== 'completed' || done.failed) throw new Error(`run ${run.id} ended ${done.status} with ${done.failed} failures: ${done.error}`);
    return done.changed;
  });
};

const plain = async (app, { sql, bindings }) => time(async () => (await app.db.connection.raw(sql, bindings)).rowCount);

const reset = async (app, { sql, bindings, table }) => {
  await app.db.connection.raw(sql, bindings);
  await app.db.connection.raw('VACUUM ANALYZE ??', [table]);
};

/** documentIds of `count` rows outside the filtered set (status 'active'), for the Content Manager sample. */
const sample = async (app, { count }) => {
  const rows = await app.db.connection(app.db.metadata.get(KEYWORD).tableName).select('document_id').where({ status: 'active' }).whereNull('deleted_at').orderBy('id').limit(count);
  return rows.map((r) => r.document_id);
};

/** How many of `documentIds` are in the trash, then takes them out again (untimed). */
const trashed = async (app, { documentIds, restore }) => {
  const knex = app.db.connection;
  const table = app.db.metadata.get(KEYWORD).tableName;
  const [{ count }] = await knex(table).count({ count: '*' }).whereIn('document_id', documentIds).whereNotNull('deleted_at');
  if (restore) await knex(table).whereIn('document_id', documentIds).update({ deleted_at: null });
  return Number(count);
};

module.exports = { setup, ours, plain, reset, sample, trashed };
