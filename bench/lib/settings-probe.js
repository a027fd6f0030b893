// Runs inside the app process (app-process.js `runModule`): sets up accounts and keys through the settings
// plugin's own services, then times effective-settings resolution against a plain single-row read and a
// minimal AI job, sequentially, with process.hrtime.
const ACCOUNT_UID = 'api::account.account';
const PLAN_UID = 'api::plan.plan';

const stats = (ns) => {
  const us = ns.map((n) => Number(n) / 1000).sort((a, b) => a - b);
  const at = (p) => us[Math.min(us.length - 1, Math.ceil((p / 100) * us.length) - 1)];
  return { n: us.length, meanUs: us.reduce((a, b) => a + b, 0) / us.length, p50Us: at(50), p95Us: at(95), p99Us: at(99) };
};

const time = async (iterations, fn) => {
  const out = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    out.push(process.hrtime.bigint() - start);
  }
  return out;
};

const setup = async (app, { openaiBaseUrl, platformKey, accountKey }) => {
  const settings = app.plugin('settings');
  await settings.service('integration').updateGlobal({ openaiBaseUrl });
  await settings.service('integration').setGlobalKey('openai', platformKey);
  const growth = await app.db.query(PLAN_UID).findOne({ where: { slug: 'growth' } });
  const account = await app.db.query(ACCOUNT_UID).create({ data: { name: 'Bench own-keys account', slug: `bench-own-${Date.now()}`, status: 'active', plan: growth.id } });
  await settings.service('integration').updateOverride(account.id, { useOwnKeys: true, openaiModel: 'gpt-4.1' }, { staff: true });
  await settings.service('integration').setAccountKey(account.id, 'openai', accountKey, { staff: true });
  await settings.service('preferences').updateAccountSettings(account.id, { modules: { writer: true }, publishing: { autoPublish: true } });
  const call = await settings.service('resolver').forCall(account.id, 'openai');
  if (call.keySource !== 'account' || call.apiKey !== accountKey) throw new Error('setup: the account key does not resolve');
  return { accountId: account.id, live: settings.service('invalidation').isLive() };
};

const resolution = async (app, { accountId, iterations }) => {
  const resolver = app.plugin('settings').service('resolver');
  const knex = app.db.connection;
  const table = app.db.metadata.get(ACCOUNT_UID).tableName;
  const variants = {
    cached: () => resolver.effective(accountId),
    cachedForCall: () => resolver.forCall(accountId, 'openai'),
    uncached: () => resolver.effectiveUncached(accountId),
    singleRowQueryEngine: () => app.db.query(ACCOUNT_UID).findOne({ where: { id: accountId } }),
    singleRowKnex: () => knex(table).where({ id: accountId }).first(),
  };
  await resolver.effective(accountId);
  const out = {};
  for (const [name, fn] of Object.entries(variants)) out[name] = stats(await time(iterations, fn));
  out.cacheStats = resolver.stats();
  return out;
};

/**
 * A minimal AI job: enqueue on a Bull queue (the queue plugin's connections), a worker picks it up and
 * makes one chat completion through the official OpenAI SDK against a local zero-latency fake, the job
 * completes; timed from add() until the producer sees it finished. Settings are NOT resolved in it, so
 * it is pure job overhead, the denominator for the cached path.
 */
let processing = false;
let globalListener = false;
let counter = 0;
const waiters = new Map();
const job = async (app, { iterations, openaiBaseUrl, platformKey }) => {
  const OpenAI = require('openai').default ?? require('openai');
  const queues = app.plugin('queue').service('queues');
  if (!queues.definitions().some((d) => d.name === 'settings-bench')) queues.define({ name: 'settings-bench' });
  const queue = queues.get('settings-bench');
  const client = new OpenAI({ apiKey: platformKey, baseURL: openaiBaseUrl, maxRetries: 0 });
  if (!processing) {
    processing = true;
    queue.process('minimal', 1, async (j) => {
      const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: j.data.prompt }], max_tokens: 5 });
      return r.choices[0].message.content;
    });
  }
  await queue.isReady();
  // Completion as a producer in another process sees it: Bull's global event over Redis pub/sub. The
  // waiter is registered before add() (own job ids), so a fast job cannot finish unseen; job.finished()
  // has that race when completed jobs are removed.
  if (!globalListener) {
    globalListener = true;
    queue.on('global:completed', (jobId) => waiters.get(String(jobId))?.());
    queue.on('global:failed', (jobId, error) => waiters.get(String(jobId))?.(new Error(String(error))));
    // The pattern subscription is made asynchronously; give it time before the first job.
    await new Promise((r) => setTimeout(r, 500));
  }
  const run = () =>
    new Promise((resolve, reject) => {
      const jobId = `bench-${process.pid}-${++counter}`;
      const timer = setTimeout(() => waiters.get(jobId)?.(new Error(`job ${jobId} not seen completing within 15 s`)), 15000);
      waiters.set(jobId, (error) => {
        clearTimeout(timer);
        waiters.delete(jobId);
        if (error) reject(error);
        else resolve();
      });
      queue.add('minimal', { prompt: 'ping' }, { jobId, removeOnComplete: true, removeOnFail: true, attempts: 1 }).catch(reject);
    });
  for (let i = 0; i < Math.min(20, iterations); i++) await run();
  return stats(await time(iterations, run));
};

module.exports = { setup, resolution, job };
