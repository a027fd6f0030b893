import { bootStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;
beforeAll(async () => {
  app = await bootStrapi();
});
afterAll(async () => app?.close());

it('boots and answers health', async () => {
  const res = await app.request().get('/api/health');
  expect(res.body).toEqual({ status: 'ok', components: { database: 'up', redis: 'up' } });
});
