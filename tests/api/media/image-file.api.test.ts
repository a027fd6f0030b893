/**
 * Tenants attach their own image files to their own Image records (POST /api/media/images/:documentId/file):
 * the bytes must be an image, the record must be the caller's, viewers cannot, nothing changes on a refusal,
 * and a replaced file leaves the media library.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PNG_1X1 } from '../../helpers/fake-llm';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, setPlan, signUp, type Tenant } from '../../helpers/tenants';

let app: TestApp;
let A: Tenant;
let B: Tenant;
const png = Buffer.from(PNG_1X1, 'base64');
const FILE_UID = 'plugin::upload.file';

const attach = (token: string | null, documentId: string, file: { body: Buffer; name: string } | null, fields: Record<string, string> = {}) => {
  let req = app.request().post(`/api/media/images/${documentId}/file`);
  if (token) req = req.set('Authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
  return file ? req.attach('file', file.body, file.name) : req;
};
const createImage = async (tenant: Tenant) => {
  const res = await as(app, tenant.jwt).post('/api/images', { data: { imageType: 'featured', isFeatured: true, prompt: 'A bright kitchen at dawn' } });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
};
const imageRow = (documentId: string) => app.strapi.db.query('api::image.image').findOne({ where: { documentId }, populate: { file: true } });
const onDisk = (url: string) => fs.existsSync(path.join(app.strapi.dirs.static.public, url));

beforeAll(async () => {
  app = await bootStrapi();
  A = await signUp(app);
  B = await signUp(app);
}, 120000);

afterAll(async () => {
  await app?.close();
});

it("attaches the tenant's own PNG to its image (media library, linked, approved) and a new one replaces it", async () => {
  const imageId = await createImage(A);
  const first = await attach(A.jwt, imageId, { body: png, name: 'my photo.png' }, { alternativeText: 'Our kitchen' });
  expect(first.status).toBe(200);
  expect(first.body.data).toMatchObject({ documentId: imageId, status: 'approved', file: { mime: 'image/png', width: 1, height: 1 } });
  const firstUrl = first.body.data.file.url as string;
  expect(onDisk(firstUrl)).toBe(true);
  const row = await imageRow(imageId);
  expect(row).toMatchObject({ status: 'approved', provider: 'upload', file: { id: first.body.data.file.id, alternativeText: 'Our kitchen' } });
  expect(row.provenance).toMatchObject({ source: 'upload', uploadedBy: `user:${A.userId}`, originalFilename: 'my photo.png' });
  // The tenant reads it back through the normal API.
  const read = await as(app, A.jwt).get(`/api/images/${imageId}?populate=file`);
  expect(read.body.data.file.url).toBe(firstUrl);

  const second = await attach(A.jwt, imageId, { body: png, name: 'better.png' });
  expect(second.status).toBe(200);
  expect(second.body.data.file.id).not.toBe(first.body.data.file.id);
  expect((await imageRow(imageId)).file.id).toBe(second.body.data.file.id);
  expect(await app.strapi.db.query(FILE_UID).findOne({ where: { id: first.body.data.file.id } })).toBeNull();
  expect(onDisk(firstUrl)).toBe(false);
});

it('refuses what is not an image, a missing file and a file too large with 400 naming `file`, changing nothing', async () => {
  const imageId = await createImage(A);
  const files = () => app.strapi.db.query(FILE_UID).count();
  const before = await files();
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
  for (const res of [
    await attach(A.jwt, imageId, { body: svg, name: 'logo.png' }),
    await attach(A.jwt, imageId, { body: Buffer.from('%PDF-1.7 not an image'), name: 'doc.jpg' }),
    await attach(A.jwt, imageId, null, { alternativeText: 'no file' }),
  ]) {
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['file']);
  }
  const max = app.strapi.config.get('plugin::media.maxImageBytes');
  app.strapi.config.set('plugin::media.maxImageBytes', 10);
  try {
    const big = await attach(A.jwt, imageId, { body: png, name: 'big.png' });
    expect([big.status, big.body.error.details.errors[0].path]).toEqual([400, ['file']]);
  } finally {
    app.strapi.config.set('plugin::media.maxImageBytes', max);
  }
  const tooLongAlt = await attach(A.jwt, imageId, { body: png, name: 'ok.png' }, { alternativeText: 'x'.repeat(251) });
  expect([tooLongAlt.status, tooLongAlt.body.error.details.errors[0].path]).toEqual([400, ['alternativeText']]);
  expect(await files()).toBe(before);
  expect(await imageRow(imageId)).toMatchObject({ status: 'pending', file: null });
});

it("keeps another account's image out of reach (404), refuses viewers (403) and anonymous callers", async () => {
  const imageId = await createImage(A);
  const other = await attach(B.jwt, imageId, { body: png, name: 'b.png' });
  expect(other.status).toBe(404);
  expect((await attach(B.jwt, 'no-such-image', { body: png, name: 'b.png' })).status).toBe(404);
  expect([401, 403]).toContain((await attach(null, imageId, { body: png, name: 'anon.png' })).status);

  await setPlan(app, A.accountId, 'starter');
  const viewer = { username: `v_${randomUUID().slice(0, 8)}`, password: 'Member-pass-123', role: 'viewer' };
  expect((await as(app, A.jwt).post('/api/tenancy/members', { ...viewer, email: `${viewer.username}@example.test` })).status).toBe(201);
  const login = await app.request().post('/api/auth/local').send({ identifier: viewer.username, password: viewer.password });
  expect((await attach(login.body.jwt, imageId, { body: png, name: 'v.png' })).status).toBe(403);
  expect(await imageRow(imageId)).toMatchObject({ status: 'pending', file: null });
  // Setting the media field directly is still refused: this route is the one door.
  const direct = await as(app, A.jwt).put(`/api/images/${imageId}`, { data: { file: 1 } });
  expect(direct.status).toBe(400);
});
