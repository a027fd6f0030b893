/**
 * The API monitor against a known sequence of real requests, and the debug console's redaction.
 */
import { looksSecret } from '../../../src/plugins/monitoring/server/src/domain/redact';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, staffToken } from '../../helpers/tenants';

const BOOT_SECRETS = {
  SMTP_USER: 'mailer-user',
  SMTP_PASS: 'smtp-pass-xyz-4711',
  API_KEY_PEPPER: 'pepper-abc-0987654321',
  MONITORING_ALERT_WEBHOOK_URL: 'https://hooks.example.test/services/T000/B000/hooksecret123',
};

let app: TestApp;
let bootEnv: Record<string, string | undefined>;

beforeAll(async () => {
  app = await bootStrapi({ env: { ...BOOT_SECRETS, MONITORING_FLUSH_EVERY_MS: '600000' } });
  bootEnv = { ...process.env, ...BOOT_SECRETS };
});

afterAll(async () => {
  await app?.close();
});

const find = (report: any, method: string, route: string) =>
  report.modules.flatMap((m: any) => m.endpoints.map((e: any) => ({ ...e, module: m.module }))).find((e: any) => e.method === method && e.route === route);

describe('API monitor', () => {
  it('counts a known sequence of requests per route template, status class and module, across flushes', async () => {
    const monitor = app.strapi.plugin('monitoring').service('api-monitor');
    for (let i = 0; i < 3; i++) expect((await app.request().get('/api/monitoring/health')).status).toBe(200);
    // Aggregates written in between add up with the later ones (the same upsert several processes use).
    await monitor.flush();
    for (let i = 0; i < 2; i++) expect((await app.request().get('/api/monitoring/health')).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await app.request().get(`/api/no-such-thing-${i}`)).status).toBe(404);
    for (let i = 0; i < 2; i++) expect((await app.request().get('/monitoring/debug')).status).toBe(401);

    const token = await staffToken(app);
    const res = await as(app, token).get('/monitoring/api-monitor?window=hour');
    expect(res.status).toBe(200);
    const report = res.body.data;

    const health = find(report, 'GET', '/api/monitoring/health');
    expect(health).toMatchObject({ module: 'monitoring', count: 5, clientErrors: 0, serverErrors: 0, errorRate: 0 });
    expect(health.p50).toBeGreaterThan(0);
    expect(health.p50).toBeLessThanOrEqual(health.p95);
    expect(health.p95).toBeLessThanOrEqual(health.p99);
    expect(health.avgMs).toBeGreaterThan(0);
    expect(health.maxMs).toBeGreaterThanOrEqual(health.avgMs);

    // Unknown URLs share one key, whatever the path, so the key space stays small.
    expect(find(report, 'GET', '(unmatched)')).toMatchObject({ module: 'other', count: 4, clientErrors: 4 });
    expect(find(report, 'GET', '/monitoring/debug')).toMatchObject({ module: 'monitoring', count: 2, clientErrors: 2, serverErrors: 0 });
    expect(find(report, 'POST', '/admin/login')).toMatchObject({ module: 'admin', count: 1 });

    const monitoring = report.modules.find((m: any) => m.module === 'monitoring');
    expect(monitoring.count).toBe(7);
    expect(monitoring.clientErrors).toBe(2);
    expect(report.totals.count).toBeGreaterThanOrEqual(12);
    expect(report.timeline.reduce((s: number, t: any) => s + t.count, 0)).toBe(report.totals.count);

    // Compact: one row per minute and route, not one per request.
    const { rows } = await app.strapi.db.connection.raw(`SELECT count(*)::int AS n, SUM(count)::int AS requests FROM monitoring_api_minutes WHERE route = '/api/monitoring/health'`);
    expect(rows[0].requests).toBe(5);
    expect(rows[0].n).toBeLessThanOrEqual(2);

    const day = await as(app, token).get('/monitoring/api-monitor?window=day');
    expect(find(day.body.data, 'GET', '/api/monitoring/health').count).toBe(5);
  });

  it('keeps quarter-hour sums equal to the minute rows; the day report reads them and gives the minute rows\' figures', async () => {
    const knex = app.strapi.db.connection;
    const monitor = app.strapi.plugin('monitoring').service('api-monitor');
    const cols = 'minute, method, route, module, count, client_errors, server_errors, duration_sum_ms, duration_max_ms, h3, h7';
    // 25 hours of minutes for one route (both partial quarters of the day window included), with a gap
    // of a few minutes around the window's start so a minute passing during the test changes nothing.
    await knex.raw(`INSERT INTO monitoring_api_minutes (${cols})
      SELECT date_trunc('minute', now()) - m * interval '1 minute', 'GET', '/api/quarter-test', 'quarter', 2, 1, 0, 10, 7, 1, 1
        FROM generate_series(0, 1500) m WHERE m NOT BETWEEN 1436 AND 1442`);
    // The flush's upsert adds to minutes already there (the update trigger adds the difference).
    await knex.raw(`INSERT INTO monitoring_api_minutes AS t (${cols})
      SELECT minute, method, route, module, 1, 0, 1, 5, 9, 0, 1 FROM monitoring_api_minutes WHERE route = '/api/quarter-test' AND minute > now() - interval '3 hours'
      ON CONFLICT (minute, method, route) DO UPDATE SET count = t.count + EXCLUDED.count, client_errors = t.client_errors + EXCLUDED.client_errors,
        server_errors = t.server_errors + EXCLUDED.server_errors, duration_sum_ms = t.duration_sum_ms + EXCLUDED.duration_sum_ms,
        duration_max_ms = GREATEST(t.duration_max_ms, EXCLUDED.duration_max_ms), h3 = t.h3 + EXCLUDED.h3, h7 = t.h7 + EXCLUDED.h7`);
    const fromMinutes = `SELECT to_timestamp(floor(extract(epoch FROM minute) / 900) * 900) AS quarter, method, route, module, SUM(count)::int AS count,
        SUM(client_errors)::int AS client_errors, SUM(server_errors)::int AS server_errors, SUM(duration_sum_ms) AS duration_sum_ms,
        MAX(duration_max_ms) AS duration_max_ms, SUM(h3)::int AS h3, SUM(h7)::int AS h7
      FROM monitoring_api_minutes WHERE route = '/api/quarter-test' GROUP BY 1, 2, 3, 4`;
    const quarters = `SELECT ${cols.replace('minute', 'quarter')} FROM monitoring_api_quarters WHERE route = '/api/quarter-test'`;
    expect((await knex.raw(`(${fromMinutes}) EXCEPT (${quarters})`)).rows).toEqual([]);
    expect((await knex.raw(`(${quarters}) EXCEPT (${fromMinutes})`)).rows).toEqual([]);

    const day = await monitor.freshReport('day');
    const expected = (
      await knex.raw(
        `SELECT SUM(count)::int AS count, SUM(client_errors)::int AS "clientErrors", SUM(server_errors)::int AS "serverErrors", MAX(duration_max_ms) AS "maxMs"
           FROM monitoring_api_minutes WHERE route = '/api/quarter-test' AND minute >= date_trunc('minute', now()) - interval '1439 minutes'`
      )
    ).rows[0];
    expect(find(day, 'GET', '/api/quarter-test')).toMatchObject(expected);
    expect(day.timeline.reduce((s: number, t: any) => s + t.count, 0)).toBe(day.totals.count);
  });

  it('validates the window and checks the permission', async () => {
    const token = await staffToken(app);
    expect((await as(app, token).get('/monitoring/api-monitor?window=week')).status).toBe(400);
    const editor = await staffToken(app, 'strapi-editor');
    expect((await as(app, editor).get('/monitoring/api-monitor')).status).toBe(403);
    const support = await staffToken(app, 'igny8-support-agent');
    expect((await as(app, support).get('/monitoring/api-monitor')).status).toBe(200);
  });
});

describe('debug console', () => {
  it('shows the effective configuration', async () => {
    const token = await staffToken(app);
    const res = await as(app, token).get('/monitoring/debug');
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.environment.strapiVersion).toBe('5.54.0');
    expect(data.environment.nodeEnv).toBe('test');
    expect(data.database).toMatchObject({ engine: 'postgres', host: expect.any(String), database: expect.stringMatching(/^igny8_t/) });
    expect(data.redis.url).toMatch(/^redis:\/\//);
    expect(data.queues.definitions.map((q: any) => q.name)).toEqual(expect.arrayContaining(['credits', 'billing', 'monitoring']));
    expect(data.paths.app).toBeTruthy();
    const plugins = Object.fromEntries(data.plugins.map((p: any) => [p.name, p]));
    expect(plugins.monitoring).toMatchObject({ source: 'local', version: '0.1.0' });
    expect(plugins.graphql).toMatchObject({ source: 'npm', version: '5.54.0' });
    expect(plugins['users-permissions'].version).toBe('5.54.0');
  });

  it('redacts every value of every env var whose name looks secret, and secret-looking settings', async () => {
    const token = await staffToken(app);
    const text = JSON.stringify((await as(app, token).get('/monitoring/debug')).body);
    const secrets = Object.entries(bootEnv).filter(([name, value]) => looksSecret(name) && value && value.length >= 4);
    // The app's own secrets (APP_KEYS, JWT_SECRET, ...) and the ones given at boot.
    expect(secrets.map(([name]) => name)).toEqual(expect.arrayContaining(['APP_KEYS', 'JWT_SECRET', 'ADMIN_JWT_SECRET', 'API_TOKEN_SALT', 'SMTP_PASS', 'API_KEY_PEPPER', 'MONITORING_ALERT_WEBHOOK_URL']));
    for (const [name, value] of secrets) {
      for (const part of [value!, ...value!.split(',')].filter((p) => p.length >= 4)) {
        if (text.includes(part)) throw new Error(`the debug console shows the value of ${name}`);
      }
    }
    expect(text).not.toContain('hooksecret123');
    // The database URL's password.
    const password = new URL(app.databaseUrl).password;
    if (password.length >= 4) expect(text).not.toContain(`:${password}@`);
    expect(text).toContain('[redacted]');
  });

  it('is for staff with the debug permission only (Super Admin by default)', async () => {
    expect((await app.request().get('/monitoring/debug')).status).toBe(401);
    const support = await staffToken(app, 'igny8-support-agent');
    expect((await as(app, support).get('/monitoring/debug')).status).toBe(403);
  });
});
