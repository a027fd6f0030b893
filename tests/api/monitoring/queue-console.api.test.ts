/**
 * The queue console: bull-board behind an admin-issued, signed session cookie, read-only for the
 * Support Agent, full for the Super Admin.
 */
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { staffToken } from '../../helpers/tenants';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi();
});

afterAll(async () => {
  await app?.close();
});

const BOARD = '/monitoring/queue-console/board';

/** An agent (cookie jar) holding a console session opened with this admin token. */
const session = async (token: string) => {
  const agent = app.request();
  const res = await agent.post('/monitoring/queue-console/session').set('Authorization', `Bearer ${token}`);
  return { agent, res };
};

describe('queue console', () => {
  it('refuses the board without a session, and sessions without the permission', async () => {
    expect((await app.request().get(`${BOARD}/read`)).status).toBe(401);
    expect((await app.request().get(`${BOARD}/manage/api/queues`)).status).toBe(401);
    expect((await app.request().post('/monitoring/queue-console/session')).status).toBe(401);
    const { res } = await session(await staffToken(app, 'strapi-editor'));
    expect(res.status).toBe(403);
  });

  it('gives the Support Agent a read-only board', async () => {
    const { agent, res } = await session(await staffToken(app, 'igny8-support-agent'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ scope: 'read', url: `${BOARD}/read` });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/igny8_queue_console=.*path=\/monitoring\/queue-console.*httponly/i);
    expect(cookie).toMatch(/samesite=strict/i);

    const page = await agent.get(`${BOARD}/read`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/html/);
    const api = await agent.get(`${BOARD}/read/api/queues`);
    expect(api.status).toBe(200);
    const names = api.body.queues.map((q: any) => q.name);
    expect(names).toEqual(expect.arrayContaining(['credits', 'billing', 'monitoring']));
    expect(api.body.queues.every((q: any) => q.readOnlyMode === true)).toBe(true);

    expect((await agent.put(`${BOARD}/read/api/queues/monitoring/pause`)).status).toBe(403);
    expect((await agent.get(`${BOARD}/manage/api/queues`)).status).toBe(403);
  });

  it('gives the Super Admin the full board, where actions work', async () => {
    const { agent, res } = await session(await staffToken(app));
    expect(res.body.data.scope).toBe('manage');
    const api = await agent.get(`${BOARD}/manage/api/queues`);
    expect(api.status).toBe(200);
    expect(api.body.queues.find((q: any) => q.name === 'monitoring').readOnlyMode).toBe(false);
    expect((await agent.put(`${BOARD}/manage/api/queues/monitoring/pause`)).status).toBe(200);
    const queue = app.strapi.plugin('queue').service('queues').get('monitoring');
    expect(await queue.isPaused()).toBe(true);
    expect((await agent.put(`${BOARD}/manage/api/queues/monitoring/resume`)).status).toBe(200);
    expect(await queue.isPaused()).toBe(false);
  });

  it('refuses a forged or foreign cookie', async () => {
    const forged = `${Buffer.from(JSON.stringify({ u: 1, s: 'manage', e: Date.now() + 60000 })).toString('base64url')}.bm90LWEtc2lnbmF0dXJl`;
    const res = await app.request().get(`${BOARD}/manage/api/queues`).set('Cookie', `igny8_queue_console=${forged}`);
    expect(res.status).toBe(401);
  });
});
