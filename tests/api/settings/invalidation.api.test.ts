/**
 * Cache invalidation across processes: a second Strapi process (as a worker would be) caches an
 * account's effective settings; a change made through the API process must reach it within a second.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, type Tenant } from '../../helpers/tenants';

let app: TestApp;
let child: ChildProcessWithoutNullStreams;
let t: Tenant;
const events: any[] = [];
const waiters: Array<() => void> = [];

const next = async (predicate: (e: any) => boolean, timeoutMs = 60000) => {
  const started = Date.now();
  for (;;) {
    const found = events.find(predicate);
    if (found) {
      events.splice(events.indexOf(found), 1);
      return found;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out; events: ${JSON.stringify(events)}`);
    await new Promise<void>((resolve) => {
      waiters.push(resolve);
      setTimeout(resolve, 50);
    });
  }
};
const send = (line: string) => child.stdin.write(`${line}\n`);

beforeAll(async () => {
  app = await bootStrapi();
  t = await signUp(app, { plan: 'growth' });
  child = spawn(process.execPath, [path.join(__dirname, 'fixtures', 'second-process.js')], {
    // Same database and same queue prefix (the invalidation channel is named after it), as a worker has.
    env: { ...process.env, DATABASE_URL: app.databaseUrl, QUEUE_PREFIX: app.queuePrefix },
    stdio: ['pipe', 'pipe', 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  child.stderr.on('data', (d) => process.stderr.write(`[second process] ${d}`));
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      events.push(JSON.parse(line));
    } catch {
      return;
    }
    waiters.splice(0).forEach((w) => w());
  });
  await next((e) => e.event === 'ready', 90000);
}, 150000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    send('quit');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  await app?.close();
});

describe('cross-process invalidation', () => {
  it('the second process is subscribed and caches', async () => {
    send(`effective ${t.accountId}`);
    expect(await next((e) => e.event === 'effective')).toMatchObject({ openaiModel: 'gpt-4o-mini', source: 'global', keySource: 'platform' });
    send('stats');
    expect(await next((e) => e.event === 'stats')).toMatchObject({ live: true, accounts: 1, global: true });
  });

  it.each([
    ['an account override', async () => as(app, t.jwt).put('/api/settings/override', { useOwnKeys: true, openaiModel: 'gpt-4.1' }), 'gpt-4.1', 'account'],
    ['a global change', async () => {
      await as(app, t.jwt).put('/api/settings/override', { openaiModel: null });
      events.length = 0;
      return app.strapi.plugin('settings').service('integration').updateGlobal({ openaiModel: 'gpt-5-mini' });
    }, 'gpt-5-mini', 'global'],
  ])('%s reaches the second process within a second', async (_name, change, model, source) => {
    send(`effective ${t.accountId}`);
    await next((e) => e.event === 'effective');
    events.length = 0;
    const changedAt = Date.now();
    const res: any = await change();
    if (res?.status) expect(res.status).toBe(200);
    const invalidation = await next((e) => e.event === 'invalidation', 5000);
    expect(invalidation.at - changedAt).toBeLessThan(1000);
    send(`effective ${t.accountId}`);
    const seen = await next((e) => e.event === 'effective', 5000);
    expect(seen).toMatchObject({ openaiModel: model, source });
    expect(seen.at - changedAt).toBeLessThan(1000);
  });
});
