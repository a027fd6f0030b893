/**
 * `npm run develop` (scripts/develop.js, without the admin's Vite watcher to keep it fast) on a fresh
 * database: every plugin's routes are registered, demo data and the first admin are created, and the
 * staff plugin's admin routes answer.
 */
import { adminLogin, anonymousPluginRoutes, http, launch, waitForHealth, type Launched } from '../helpers/processes';

describe('develop', () => {
  let app: Launched | undefined;

  beforeAll(async () => {
    app = await launch({
      script: 'develop.js',
      args: ['--no-watch-admin', '--no-build-admin'],
      // develop.js defaults: demo data, the README's first admin, workers in-process.
      env: { NODE_ENV: 'development' },
    });
    await waitForHealth(app, 150000);
  }, 180000);

  afterAll(async () => app?.stop(), 30000);

  it('answers every plugin route as registered (401/403, not 404)', async () => {
    for (const [method, url] of anonymousPluginRoutes) {
      const res = await http(app!, method, url);
      expect([method, url, [401, 403].includes(res.status)]).toEqual([method, url, true]);
    }
    expect((await http(app!, 'GET', '/api/tenancy/no-such-route')).status).toBe(404);
  });

  it('seeds the demo tenant, whose account the tenancy plugin serves', async () => {
    const login = await http(app!, 'POST', '/api/auth/local', { body: { identifier: 'demo@igny8.local', password: 'Demo-Pass-2026' } });
    expect(login.status).toBe(200);
    const account = await http(app!, 'GET', '/api/tenancy/account', { token: login.body.jwt });
    expect(account.status).toBe(200);
    expect(JSON.stringify(account.body)).toContain('Acme Outdoor Co.');
  });

  it('creates the README first admin; the queue and staff admin routes answer', async () => {
    const token = await adminLogin(app!, 'admin@igny8.local', 'Igny8-Admin-2026');
    expect((await http(app!, 'GET', '/queue/status', { token })).status).toBe(200);
    const nav = await http(app!, 'GET', '/staff/navigation', { token });
    expect(nav.status).toBe(200);
    expect(nav.body.data.groups.map((g: any) => g.id)).toEqual(expect.arrayContaining(['billing-accounts', 'planning-strategy', 'other']));
  });
});
