/**
 * Without Redis the settings plugin must stay correct: no invalidation can arrive, so nothing is cached
 * and every read goes to the database; writes still succeed (the failed publish is only a warning).
 */
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp } from '../../helpers/tenants';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
}, 120000);

afterAll(async () => app?.close());

describe('settings without Redis', () => {
  it('serves effective settings uncached, and a change is visible at once', async () => {
    const t = await signUp(app, { plan: 'growth' });
    const resolver = app.strapi.plugin('settings').service('resolver');
    expect((await as(app, t.jwt).get('/api/settings/effective')).body.data.integration.openaiModel).toEqual({ value: 'gpt-4o-mini', source: 'global' });
    expect(resolver.stats()).toMatchObject({ live: false, accounts: 0, global: false });

    expect((await as(app, t.jwt).put('/api/settings/override', { useOwnKeys: true, openaiModel: 'gpt-4.1' })).status).toBe(200);
    expect((await as(app, t.jwt).get('/api/settings/effective')).body.data.integration.openaiModel).toEqual({ value: 'gpt-4.1', source: 'account' });

    // A write made behind the plugin's back (no invalidation at all) is still seen: nothing was cached.
    const overrides = app.strapi.db.query('plugin::settings.account-override' as any);
    const row = await overrides.findOne({ where: { account: { id: t.accountId } } });
    await overrides.update({ where: { id: row.id }, data: { openaiModel: 'gpt-4.1-mini' } });
    expect((await resolver.effective(t.accountId)).integration.openaiModel.value).toBe('gpt-4.1-mini');
  });
});
