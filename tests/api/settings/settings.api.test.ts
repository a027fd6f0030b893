/**
 * The settings plugin over HTTP on real PostgreSQL and Redis: global keys, plan-gated overrides, which
 * key pays, prompts and templates (clone, customise, drift, reset), GraphQL, staff RBAC, connection
 * tests against a local server speaking the OpenAI/Anthropic protocol, and a scan of everything the
 * suite produced (responses, log lines, every database table) for the plaintext keys.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { setPlan, signUp, staffToken, type Tenant } from '../../helpers/tenants';
import OpenAI from 'openai';
import { startFakeAi } from '../../helpers/fake-ai';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const winston = require('winston');

let app: TestApp;
let staff: string;
let fake: Awaited<ReturnType<typeof startFakeAi>>;
const captured: string[] = [];
const restoreWrites: Array<() => void> = [];

const KEYS = {
  platformOpenai: `sk-platform-${randomBytes(16).toString('hex')}`,
  platformDalle: `sk-dalle-${randomBytes(16).toString('hex')}`,
  platformAnthropic: `sk-ant-platform-${randomBytes(16).toString('hex')}`,
  accountOpenai: `sk-acct-${randomBytes(16).toString('hex')}`,
  rejected: `sk-wrong-${randomBytes(16).toString('hex')}`,
};

type Method = 'get' | 'post' | 'put' | 'delete';
/** Every request goes through here, so every response body is kept for the secret scan. */
const call = async (method: Method, url: string, token?: string, body?: unknown) => {
  let req = app.request()[method](url);
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  const res = body === undefined ? await req : await req.send(body as object);
  captured.push(`${method.toUpperCase()} ${url} ${res.status} ${res.text}`);
  return res;
};
const tenant = (t: Tenant) => ({
  get: (url: string) => call('get', url, t.jwt),
  put: (url: string, body?: unknown) => call('put', url, t.jwt, body),
  post: (url: string, body?: unknown) => call('post', url, t.jwt, body ?? {}),
  delete: (url: string) => call('delete', url, t.jwt),
  graphql: (query: string, variables?: Record<string, unknown>) => call('post', '/graphql', t.jwt, { query, variables }),
});
const admin = {
  get: (url: string, token = staff) => call('get', url, token),
  put: (url: string, body?: unknown, token = staff) => call('put', url, token, body),
  post: (url: string, body?: unknown, token = staff) => call('post', url, token, body ?? {}),
  delete: (url: string, token = staff) => call('delete', url, token),
};

const expectValidationError = (res: any, field: string) => {
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  expect(res.body.error.message).toContain(field);
  expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(field);
};

beforeAll(async () => {
  fake = await startFakeAi({ openai: [KEYS.platformOpenai, KEYS.platformDalle, KEYS.accountOpenai], anthropic: [KEYS.platformAnthropic] });
  app = await bootStrapi();
  // Capture every log line at every level (console transports silenced), plus raw stdout/stderr.
  const sink = new Writable({ write(chunk, _enc, done) { captured.push(`LOG ${chunk}`); done(); } });
  for (const t of app.strapi.log.transports) t.silent = true;
  app.strapi.log.add(new winston.transports.Stream({ stream: sink, level: 'silly' }));
  app.strapi.log.level = 'silly';
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    (stream as any).write = (chunk: any, ...rest: any[]) => {
      captured.push(`STD ${chunk}`);
      return original(chunk, ...rest);
    };
    restoreWrites.push(() => ((stream as any).write = original));
  }
  staff = await staffToken(app);
}, 120000);

afterAll(async () => {
  for (const restore of restoreWrites) restore();
  await app?.close();
  await fake?.close();
});

describe('seeded libraries', () => {
  it('has the five prompts, five author profiles and five strategies of seed 000', async () => {
    const t = await signUp(app);
    const prompts = await tenant(t).get('/api/settings/prompts');
    expect(prompts.status).toBe(200);
    expect(prompts.body.data.map((p: any) => p.promptType).sort()).toEqual(['clustering', 'content_generation', 'ideas', 'image_generation', 'image_prompt_extraction']);
    const profiles = await tenant(t).get('/api/settings/author-profiles/library');
    expect(profiles.body.data.map((p: any) => p.name).sort()).toEqual(['Blog Conversational', 'Creative Storyteller', 'E-commerce Product Writer', 'SaaS B2B Professional', 'Technical Documentation']);
    const strategies = await tenant(t).get('/api/settings/strategies/library');
    expect(strategies.body.data.map((p: any) => p.name).sort()).toEqual(['Case Study', 'Comparison Article', 'How-To Guide', 'Product Launch', 'SEO Blog Post']);
    const byCategory = await tenant(t).get('/api/settings/author-profiles/library?category=technical');
    expect(byCategory.body.data.map((p: any) => p.name)).toEqual(['Technical Documentation']);
  });

  it('is idempotent: seeding again creates nothing', async () => {
    expect(await app.strapi.plugin('settings').service('seed').run()).toEqual({ created: 0 });
  });
});

describe('global settings (staff)', () => {
  it('stores keys write-only: the answer and every later read show only configured and last4', async () => {
    const res = await admin.put('/settings/global/keys/openai', { apiKey: KEYS.platformOpenai });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ configured: true, last4: KEYS.platformOpenai.slice(-4), keyVersion: 'v1' });
    expect((await admin.put('/settings/global/keys/dalle', { apiKey: KEYS.platformDalle })).status).toBe(200);
    expect((await admin.put('/settings/global/keys/anthropic', { apiKey: KEYS.platformAnthropic })).status).toBe(200);
    const global = await admin.get('/settings/global');
    expect(global.status).toBe(200);
    expect(global.body.data.keys.openai).toMatchObject({ configured: true, last4: KEYS.platformOpenai.slice(-4) });
    expect(global.text).not.toContain(KEYS.platformOpenai);
    expect(global.text).not.toContain('enc:v1');
  });

  it('updates defaults and points the providers at the local fake', async () => {
    const res = await admin.put('/settings/global', { openaiModel: 'gpt-4o-mini', temperature: 0.5, openaiBaseUrl: fake.openaiBaseUrl, anthropicBaseUrl: fake.anthropicBaseUrl });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ temperature: 0.5, openaiBaseUrl: fake.openaiBaseUrl });
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const before = (await admin.get('/settings/global')).body.data;
    expectValidationError(await admin.put('/settings/global', { temperature: 5 }), 'temperature');
    expectValidationError(await admin.put('/settings/global', { imageSize: '3x3' }), 'imageSize');
    expectValidationError(await admin.put('/settings/global', { openaiKey: KEYS.rejected }), 'openaiKey');
    expectValidationError(await admin.put('/settings/global/keys/openai', { apiKey: 'short' }), 'apiKey');
    const bad = await admin.put('/settings/global/keys/mistral', { apiKey: KEYS.rejected });
    expectValidationError(bad, 'body');
    expect((await admin.get('/settings/global')).body.data).toEqual(before);
  });

  it('tests each provider connection through the official SDKs', async () => {
    for (const provider of ['openai', 'dalle', 'anthropic']) {
      const res = await admin.post(`/settings/global/test/${provider}`);
      expect(res.status).toBe(200);
      expect({ provider, ...res.body.data }).toMatchObject({ provider, ok: true, keySource: 'platform', modelAvailable: true });
    }
    expect(fake.seen.some((s) => s.auth === KEYS.platformAnthropic)).toBe(true);
  });

  it('reports a rejected key without echoing it', async () => {
    const t = await signUp(app, { plan: 'growth' });
    await admin.put(`/settings/accounts/${t.accountId}/override/keys/openai`, { apiKey: KEYS.rejected });
    const res = await admin.post(`/settings/accounts/${t.accountId}/test/openai`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ok: false, keySource: 'account' });
    expect(res.body.data.error).toContain('Incorrect API key');
    expect(res.text).not.toContain(KEYS.rejected);
    expect(res.text).not.toContain(KEYS.rejected.slice(0, -4));
    await admin.delete(`/settings/accounts/${t.accountId}/override/keys/openai`);
  });

  it('refuses tenants and anonymous callers on staff routes', async () => {
    const t = await signUp(app);
    expect((await tenant(t).get('/settings/global')).status).toBe(401);
    expect((await call('get', '/settings/global')).status).toBe(401);
  });

  it('lets a Support Agent read but not write keys or settings', async () => {
    const agent = await staffToken(app, 'igny8-support-agent');
    expect((await admin.get('/settings/global', agent)).status).toBe(200);
    expect((await admin.put('/settings/global/keys/openai', { apiKey: KEYS.rejected }, agent)).status).toBe(403);
    expect((await admin.put('/settings/global', { temperature: 1 }, agent)).status).toBe(403);
    const billing = await staffToken(app, 'igny8-billing-admin');
    expect((await admin.get('/settings/global', billing)).status).toBe(200);
  });
});

describe('account override and which key pays', () => {
  let free: Tenant;
  let growth: Tenant;
  beforeAll(async () => {
    free = await signUp(app);
    growth = await signUp(app, { plan: 'growth' });
  });

  it('a Free account cannot override: 403 naming the plan limit, nothing stored', async () => {
    const res = await tenant(free).put('/api/settings/override', { useOwnKeys: true, openaiModel: 'gpt-4.1' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('allowsOwnApiKeys');
    expect(res.body.error.details).toEqual({ limit: 'allowsOwnApiKeys', plan: 'free' });
    expect((await tenant(free).put('/api/settings/override/keys/openai', { apiKey: KEYS.rejected })).status).toBe(403);
    expect(await app.strapi.db.query('plugin::settings.account-override' as any).count({ where: { account: { id: free.accountId } } })).toBe(0);
  });

  it('a Free account resolves to the platform settings and pays with the platform key', async () => {
    const res = await tenant(free).get('/api/settings/effective');
    expect(res.status).toBe(200);
    expect(res.body.data.integration.openaiModel).toEqual({ value: 'gpt-4o-mini', source: 'global' });
    expect(res.body.data.keys.openai).toEqual({ configured: true, last4: KEYS.platformOpenai.slice(-4), keySource: 'platform' });
    const call = await app.strapi.plugin('settings').service('resolver').forCall(free.accountId, 'openai');
    expect(call).toMatchObject({ apiKey: KEYS.platformOpenai, keySource: 'platform' });
  });

  it('a Growth account switches to its own key; its calls are attributed to the account', async () => {
    const ov = await tenant(growth).put('/api/settings/override', { useOwnKeys: true, openaiModel: 'gpt-4.1', temperature: null });
    expect(ov.status).toBe(200);
    expect(ov.body.data).toMatchObject({ allowed: true, useOwnKeys: true, openaiModel: 'gpt-4.1' });
    const key = await tenant(growth).put('/api/settings/override/keys/openai', { apiKey: KEYS.accountOpenai });
    expect(key.status).toBe(200);
    expect(key.body.data).toMatchObject({ configured: true, last4: KEYS.accountOpenai.slice(-4) });
    expect(key.text).not.toContain(KEYS.accountOpenai);

    const eff = (await tenant(growth).get('/api/settings/effective')).body.data;
    expect(eff.integration.openaiModel).toEqual({ value: 'gpt-4.1', source: 'account' });
    expect(eff.integration.temperature).toEqual({ value: 0.5, source: 'global' });
    expect(eff.keys.openai).toMatchObject({ keySource: 'account', last4: KEYS.accountOpenai.slice(-4) });
    expect(eff.keys.dalle).toMatchObject({ keySource: 'platform' });

    const resolver = app.strapi.plugin('settings').service('resolver');
    expect(await resolver.forCall(growth.accountId, 'openai')).toMatchObject({ apiKey: KEYS.accountOpenai, keySource: 'account', settings: { openaiModel: 'gpt-4.1' } });
    expect(await resolver.forCall(growth.accountId, 'dalle')).toMatchObject({ apiKey: KEYS.platformDalle, keySource: 'platform' });
    expect(await resolver.forCall(free.accountId, 'openai')).toMatchObject({ apiKey: KEYS.platformOpenai, keySource: 'platform' });

    // Both kinds of call run through the official SDK with what forCall returned, and the provider sees
    // the key that pays: the account's for the Growth account, the platform's for the Free one.
    for (const [accountId, expected, model] of [[growth.accountId, KEYS.accountOpenai, 'gpt-4.1'], [free.accountId, KEYS.platformOpenai, 'gpt-4o-mini']] as const) {
      const c = await resolver.forCall(accountId, 'openai');
      const client = new OpenAI({ apiKey: c.apiKey, baseURL: c.baseUrl ?? undefined, maxRetries: 0 });
      const done = await client.chat.completions.create({ model: c.settings.openaiModel, messages: [{ role: 'user', content: 'ping' }] });
      expect(done.model).toBe(model);
      expect(fake.seen.at(-1)).toEqual({ path: '/openai/v1/chat/completions', auth: expected });
    }

    // The override is honoured only while the plan allows it: a downgrade falls back at once.
    await setPlan(app, growth.accountId, 'free');
    const down = (await tenant(growth).get('/api/settings/effective')).body.data;
    expect(down.keys.openai.keySource).toBe('platform');
    expect(down.override).toEqual({ active: false, ignoredBecause: 'plan' });
    await setPlan(app, growth.accountId, 'growth');
    expect((await tenant(growth).get('/api/settings/effective')).body.data.keys.openai.keySource).toBe('account');
  });

  it('staff see any account\'s effective settings with sources', async () => {
    const res = await admin.get(`/settings/accounts/${growth.accountId}/effective`);
    expect(res.status).toBe(200);
    expect(res.body.data.account).toMatchObject({ id: growth.accountId });
    expect(res.body.data.integration.openaiModel.source).toBe('account');
    expect(res.text).not.toContain(KEYS.accountOpenai);
  });

  it('override validation: 400 naming the field, nothing changed', async () => {
    const before = (await tenant(growth).get('/api/settings/override')).body.data;
    expectValidationError(await tenant(growth).put('/api/settings/override', { maxTokens: -3 }), 'maxTokens');
    expectValidationError(await tenant(growth).put('/api/settings/override', { useOwnKeys: 'yes' }), 'useOwnKeys');
    expectValidationError(await tenant(growth).put('/api/settings/override', { openaiBaseUrl: 'ftp://x' }), 'openaiBaseUrl');
    expectValidationError(await tenant(growth).put('/api/settings/override', { secrets: {} }), 'secrets');
    expect((await tenant(growth).get('/api/settings/override')).body.data).toEqual(before);
  });

  it('only owners and admins change integration settings', async () => {
    const viewer = { username: `v_${randomBytes(3).toString('hex')}`, password: 'Member-pass-123', role: 'viewer' };
    await setPlan(app, growth.accountId, 'scale');
    const added = await tenant(growth).post('/api/tenancy/members', { ...viewer, email: `${viewer.username}@example.test` });
    expect(added.status).toBe(201);
    const login = await call('post', '/api/auth/local', undefined, { identifier: viewer.username, password: viewer.password });
    const v = { ...growth, jwt: login.body.jwt };
    expect((await tenant(v).get('/api/settings/effective')).status).toBe(200);
    const res = await tenant(v).put('/api/settings/override', { useOwnKeys: false });
    expect(res.status).toBe(403);
    expect((await tenant(v).put('/api/settings/prompts/ideas', { value: 'x {keyword}' })).status).toBe(403);
    await setPlan(app, growth.accountId, 'growth');
  });
});

describe('prompts', () => {
  it('customise, see drift when the global prompt moves on, reset', async () => {
    const t = await signUp(app);
    const custom = await tenant(t).put('/api/settings/prompts/clustering', { value: 'Cluster {keywords} for {industry}' });
    expect(custom.status).toBe(200);
    expect(custom.body.data).toMatchObject({ source: 'account', value: 'Cluster {keywords} for {industry}', drifted: false, baseVersion: 1, globalVersion: 1 });

    expectValidationError(await tenant(t).put('/api/settings/prompts/clustering', { value: 'Cluster {tone}' }), 'value');
    expect((await tenant(t).put('/api/settings/prompts/nope', { value: 'x' })).status).toBe(404);

    const staffEdit = await admin.put('/settings/prompts/clustering', { value: 'New global: {keywords} / {industry} / {sector}' });
    expect(staffEdit.status).toBe(200);
    expect(staffEdit.body.data.version).toBe(2);

    const list = (await tenant(t).get('/api/settings/prompts')).body.data;
    expect(list.find((p: any) => p.promptType === 'clustering')).toMatchObject({ source: 'account', drifted: true, baseVersion: 1, globalVersion: 2 });

    const reset = await tenant(t).post('/api/settings/prompts/clustering/reset');
    expect(reset.body.data).toMatchObject({ source: 'global', value: 'New global: {keywords} / {industry} / {sector}', drifted: false });

    const prompts = app.strapi.plugin('settings').service('prompts');
    await expect(prompts.render({ accountId: t.accountId, promptType: 'clustering', values: { keywords: 'a', industry: 'b' } })).rejects.toThrow(/missing sector/);
    await expect(prompts.render({ accountId: t.accountId, promptType: 'clustering', values: { keywords: 'a', industry: 'b', sector: 'c', extra: 'd' } })).rejects.toThrow(/unknown extra/);
    expect(await prompts.render({ accountId: t.accountId, promptType: 'clustering', values: { keywords: 'a', industry: 'b', sector: 'c' } })).toEqual({ text: 'New global: a / b / c', source: 'global' });
  });
});

describe('author profiles and strategies', () => {
  it.each(['author-profiles', 'strategies'])('%s: clone, customise, drift, reset, create from scratch', async (kind) => {
    const t = await signUp(app);
    const other = await signUp(app);
    const library = (await tenant(t).get(`/api/settings/${kind}/library`)).body.data;
    const template = library[0];

    const clone = await tenant(t).post(`/api/settings/${kind}/clone`, { templateDocumentId: template.documentId });
    expect(clone.status).toBe(201);
    expect(clone.body.data).toMatchObject({ name: template.name, isCustom: false, isCustomized: false, drifted: false, clonedFrom: { documentId: template.documentId } });
    const id = clone.body.data.documentId;

    const edited = await tenant(t).put(`/api/settings/${kind}/${id}`, { description: 'Ours now' });
    expect(edited.body.data).toMatchObject({ description: 'Ours now', isCustomized: true });
    expectValidationError(await tenant(t).put(`/api/settings/${kind}/${id}`, { category: 'poetry' }), 'category');

    // Another account can neither see nor change it.
    expect((await tenant(other).get(`/api/settings/${kind}`)).body.data).toEqual([]);
    expect((await tenant(other).put(`/api/settings/${kind}/${id}`, { description: 'hijack' })).status).toBe(404);
    expect((await tenant(other).post(`/api/settings/${kind}/${id}/reset`)).status).toBe(404);

    await admin.put(`/settings/templates/${kind}/${template.documentId}`, { description: 'Template v2' });
    const listed = (await tenant(t).get(`/api/settings/${kind}`)).body.data;
    expect(listed[0]).toMatchObject({ documentId: id, drifted: true, description: 'Ours now' });

    const reset = await tenant(t).post(`/api/settings/${kind}/${id}/reset`);
    expect(reset.body.data).toMatchObject({ description: 'Template v2', isCustomized: false, drifted: false });

    const scratch = await tenant(t).post(`/api/settings/${kind}`, { name: 'Our own', category: 'blog' });
    expect(scratch.status).toBe(201);
    expect(scratch.body.data).toMatchObject({ name: 'Our own', isCustom: true, clonedFrom: null });
    const noReset = await tenant(t).post(`/api/settings/${kind}/${scratch.body.data.documentId}/reset`);
    expect(noReset.status).toBe(400);
    expect(noReset.body.error.message).toMatch(/from scratch/);

    expectValidationError(await tenant(t).post(`/api/settings/${kind}/clone`, { templateDocumentId: 'doesnotexist0000' }), 'templateDocumentId');
    expectValidationError(await tenant(t).post(`/api/settings/${kind}`, { name: 'x' }), 'name');
    expect((await tenant(t).delete(`/api/settings/${kind}/${scratch.body.data.documentId}`)).status).toBe(200);
    expect((await tenant(t).get(`/api/settings/${kind}`)).body.data).toHaveLength(1);
  });
});

describe('account settings and user preferences', () => {
  it('modules follow the plan unless the account switches them off', async () => {
    const t = await signUp(app);
    const before = (await tenant(t).get('/api/settings/account')).body.data;
    expect(before.modules).toMatchObject({ planner: { value: true, source: 'plan' }, automation: { value: false, source: 'plan' } });
    const res = await tenant(t).put('/api/settings/account', { modules: { writer: false, automation: true }, publishing: { autoPublish: true } });
    expect(res.status).toBe(200);
    expect(res.body.data.modules).toMatchObject({ writer: { value: false, source: 'account' }, automation: { value: false, source: 'plan' } });
    expect(res.body.data.publishing.autoPublish).toEqual({ value: true, source: 'account' });
    expectValidationError(await tenant(t).put('/api/settings/account', { modules: { billing: true } }), 'modules.billing');
  });

  it('preferences are per user', async () => {
    const t = await signUp(app);
    expect((await tenant(t).get('/api/settings/preferences')).body.data.language).toEqual({ value: 'en', source: 'global' });
    const res = await tenant(t).put('/api/settings/preferences', { language: 'de', timezone: 'Europe/Berlin' });
    expect(res.body.data).toMatchObject({ language: { value: 'de', source: 'user' }, timezone: { value: 'Europe/Berlin', source: 'user' } });
    expectValidationError(await tenant(t).put('/api/settings/preferences', { timezone: 'Mars/Base' }), 'timezone');
  });
});

describe('GraphQL', () => {
  it('serves effective settings and prompt customisation for the caller, without secrets', async () => {
    const t = await signUp(app, { plan: 'growth' });
    await tenant(t).put('/api/settings/override/keys/openai', { apiKey: KEYS.accountOpenai });
    await tenant(t).put('/api/settings/override', { useOwnKeys: true });
    const eff = await tenant(t).graphql('{ settingsEffective }');
    expect(eff.body.errors).toBeUndefined();
    expect(eff.body.data.settingsEffective.keys.openai).toMatchObject({ keySource: 'account', configured: true });
    expect(eff.text).not.toContain(KEYS.accountOpenai);

    const custom = await tenant(t).graphql('mutation($v: String!) { settingsCustomizePrompt(promptType: "ideas", value: $v) }', { v: 'Ideas on {keywords}' });
    expect(custom.body.data.settingsCustomizePrompt).toMatchObject({ source: 'account' });
    const bad = await tenant(t).graphql('mutation { settingsCustomizePrompt(promptType: "ideas", value: "x {nope}") }');
    expect(bad.body.errors[0].message).toContain('value');

    const free = await signUp(app);
    const refused = await tenant(free).graphql('mutation { settingsUpdateOverride(data: { useOwnKeys: true }) }');
    expect(refused.body.errors[0].message).toContain('allowsOwnApiKeys');

    const anonymous = await call('post', '/graphql', undefined, { query: '{ settingsEffective }' });
    expect(anonymous.body.errors?.[0]?.message ?? anonymous.status).toBeTruthy();
    expect(anonymous.body.data?.settingsEffective ?? null).toBeNull();
  });

  it('exposes none of the settings content types through shadow CRUD', async () => {
    const t = await signUp(app);
    for (const field of ['globalIntegrations', 'accountOverrides', 'globalPrompts', 'authorProfiles', 'strategies']) {
      const res = await tenant(t).graphql(`{ ${field} { documentId } }`);
      expect(res.body.errors?.[0]?.message).toMatch(/Cannot query field/);
    }
  });
});

describe('Content Manager', () => {
  it('does not list or serve the settings types, even by direct URL', async () => {
    const types = await admin.get('/content-manager/content-types');
    expect(types.status).toBe(200);
    for (const ct of types.body.data.filter((c: any) => c.uid.startsWith('plugin::settings.'))) expect(ct.isDisplayed).toBe(false);
    for (const uid of ['plugin::settings.global-integration', 'plugin::settings.account-override']) {
      const res = await admin.get(`/content-manager/collection-types/${uid}`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.text).not.toContain('enc:v');
    }
  });
});

describe('key rotation', () => {
  it('re-encrypts every stored key under the newest key version; keys still resolve', async () => {
    const settings = app.strapi.plugin('settings');
    const config = app.strapi.config.get('plugin::settings') as any;
    const saved = config.encryptionKeys;
    config.encryptionKeys = `v2:${randomBytes(32).toString('base64')},${saved}`;
    // The key ring is parsed once per process; a rotation is a restart with the new ring in the env.
    const fresh = (settings.services as any)['key-ring'];
    Object.assign(fresh, require(`${process.env.TEST_DIST_DIR}/src/plugins/settings/server/src/services/key-ring`).createKeyRingService({ strapi: app.strapi }));
    const res = await admin.post('/settings/keys/rotate');
    expect(res.status).toBe(200);
    expect(res.body.data.keyVersion).toBe('v2');
    expect(res.body.data.reencrypted).toBeGreaterThanOrEqual(4);
    const g = await app.strapi.db.query('plugin::settings.global-integration' as any).findOne({});
    expect(g.secrets.openai.ciphertext.startsWith('enc:v2:')).toBe(true);
    const free = await signUp(app);
    expect(await settings.service('resolver').forCall(free.accountId, 'openai')).toMatchObject({ apiKey: KEYS.platformOpenai });
  });
});

describe('secret scan', () => {
  it('no stored key appears in any response, log line, or plaintext in any table (what an export dumps)', async () => {
    const secrets = [KEYS.platformOpenai, KEYS.platformDalle, KEYS.platformAnthropic, KEYS.accountOpenai, KEYS.rejected];
    expect(captured.length).toBeGreaterThan(50);
    for (const secret of secrets) {
      const hits = captured.filter((c) => c.includes(secret) || c.includes(secret.slice(0, -4)));
      expect(hits).toEqual([]);
    }
    const knex = app.strapi.db.connection;
    const tables = await knex.raw(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    let scanned = 0;
    for (const { table_name } of tables.rows) {
      const rows = await knex(table_name).select('*');
      const dump = JSON.stringify(rows);
      scanned++;
      for (const secret of secrets) expect({ table: table_name, leaked: dump.includes(secret) }).toEqual({ table: table_name, leaked: false });
    }
    expect(scanned).toBeGreaterThan(20);
  });
});
