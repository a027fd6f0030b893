/**
 * The whole pipeline through the tenant API: keywords -> auto_cluster -> generate_ideas ->
 * ideas_to_tasks (synchronous, free) -> generate_content -> generate_image_prompts -> generate_images
 * (files in the media library), each charged exactly once, with provenance on what it produced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { startFakeLlm, type FakeLlm } from '../../helpers/fake-llm';
import { bootStrapi, type TestApp } from '../../helpers/strapi';
import { as, signUp, type Tenant } from '../../helpers/tenants';
import { AI_TEST_ENV, chargeOf, grant, KEYS, ledger, pointSettingsAt, settled } from './helpers';

let app: TestApp;
let fake: FakeLlm;
let A: Tenant;

const run = async (fn: string, recordIds: string[], extra: Record<string, unknown> = {}) => {
  const res = await as(app, A.jwt).post('/api/ai/runs', { function: fn, recordIds, ...extra });
  expect([res.status, res.body.error]).toEqual([202, undefined]);
  const done = await settled(app, res.body.data.runId);
  expect([done.status, done.error]).toEqual(['succeeded', null]);
  return { run: done, estimate: res.body.data.estimate.credits as number };
};
const docs = (produced: Array<{ type: string; documentId: string }>, type: string) => produced.filter((p) => p.type === type).map((p) => p.documentId);

beforeAll(async () => {
  fake = await startFakeLlm({ openai: [KEYS.openai], anthropic: [KEYS.anthropic] });
  app = await bootStrapi({ env: AI_TEST_ENV });
  await pointSettingsAt(app, fake);
  A = await signUp(app);
  await grant(app, A.accountId, 10000);
}, 120000);

afterAll(async () => {
  await app?.close();
  await fake?.close();
});

it('goes from keywords to finished content with images, paying the right credits once per run', async () => {
  const startBalance = await ledger(app).balance(A.accountId);
  const site = await as(app, A.jwt).post('/api/sites', { data: { name: 'Garden', domain: `garden-${randomUUID().slice(0, 8)}.example.com` } });
  expect(site.status).toBe(201);
  const words = ['raised bed soil', 'raised bed height', 'compost tea recipe', 'compost bin diy'];
  const keywordIds: string[] = [];
  for (const [i, keyword] of words.entries()) {
    const res = await as(app, A.jwt).post('/api/keywords', { data: { keyword, site: site.body.data.documentId, volume: 100 * (i + 1) } });
    expect(res.status).toBe(201);
    keywordIds.push(res.body.data.documentId);
  }

  // 1. Keywords -> clusters (one call, priced by tokens).
  const clustering = await run('auto_cluster', keywordIds);
  const clusterIds = docs(clustering.run.produced, 'cluster');
  expect(clusterIds).toHaveLength(2);
  const clusters = await app.strapi.db.query('api::cluster.cluster').findMany({ where: { documentId: { $in: clusterIds } }, populate: { keywords: true, site: true } });
  expect(clusters.map((c: any) => c.keywords.length).sort()).toEqual([2, 2]);
  expect(clusters.map((c: any) => c.volume).sort((a: number, b: number) => a - b)).toEqual([300, 700]);
  expect(clusters[0].site.documentId).toBe(site.body.data.documentId);
  expect(clusters[0].provenance).toMatchObject({ function: 'auto_cluster', provider: 'openai', promptType: 'clustering' });
  // gpt-4o-mini: 1,000 tokens per credit, minimum 5.
  expect(clustering.run.credits).toBe(Math.max(5, Math.ceil((clustering.run.inputTokens + clustering.run.outputTokens) / 1000)));

  // 2. Clusters -> ideas (2 credits per idea).
  const ideas = await run('generate_ideas', clusterIds, { options: { count: 2 } });
  expect(ideas.estimate).toBe(8);
  expect(ideas.run.credits).toBe(8);
  const ideaIds = docs(ideas.run.produced, 'content-idea');
  expect(ideaIds).toHaveLength(4);

  // 3. Ideas -> tasks: synchronous, free, still logged as a run.
  const before = await ledger(app).balance(A.accountId);
  const toTasks = await as(app, A.jwt).post('/api/ai/runs', { function: 'ideas_to_tasks', recordIds: ideaIds.slice(0, 2) });
  expect(toTasks.status).toBe(200);
  expect(toTasks.body.data).toMatchObject({ status: 'succeeded', estimate: { credits: 0 } });
  const taskIds = docs(toTasks.body.data.run.produced, 'task');
  expect(taskIds).toHaveLength(2);
  expect(await ledger(app).balance(A.accountId)).toEqual(before);
  const again = await as(app, A.jwt).post('/api/ai/runs', { function: 'ideas_to_tasks', recordIds: ideaIds.slice(0, 1) });
  expect([again.status, again.body.error.details.errors[0].path]).toEqual([400, ['recordIds']]);
  // The same request five times at once under one Idempotency-Key: one run, one task, the same answer.
  const key = `to-tasks-${randomUUID()}`;
  const racing = await Promise.all(Array.from({ length: 5 }, () => as(app, A.jwt).post('/api/ai/runs', { function: 'ideas_to_tasks', recordIds: [ideaIds[2]] }).set('Idempotency-Key', key)));
  expect(racing.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  expect(new Set(racing.map((r) => r.body.data.runId)).size).toBe(1);
  expect(racing.filter((r) => !r.body.meta.replayed)).toHaveLength(1);
  expect(await app.strapi.db.query('plugin::ai.ai-task-log').count({ where: { idempotencyKey: `${A.accountId}:${key}` } })).toBe(1);
  expect(await app.strapi.db.query('api::task.task').count({ where: { idea: { documentId: ideaIds[2] } } })).toBe(1);

  // 4. Tasks -> content (two items in one run: progress counts them).
  const content = await run('generate_content', taskIds);
  expect(content.run.progress).toEqual({ done: 2, total: 2 });
  const contentIds = docs(content.run.produced, 'content');
  expect(contentIds).toHaveLength(2);

  // 5. Content -> pending images with prompts.
  const prompts = await run('generate_image_prompts', contentIds.slice(0, 1), { options: { imageCount: 1 } });
  const imageIds = docs(prompts.run.produced, 'image');
  expect(imageIds).toHaveLength(2);
  const pending = await app.strapi.db.query('api::image.image').findMany({ where: { documentId: { $in: imageIds } }, orderBy: { position: 'asc' } });
  expect(pending.map((i: any) => [i.imageType, i.isFeatured, i.status])).toEqual([['featured', true, 'pending'], ['in_article', false, 'pending']]);

  // 6. Images -> files in the media library (5 credits per image).
  const images = await run('generate_images', imageIds);
  expect(images.run.credits).toBe(10);
  const generated = await app.strapi.db.query('api::image.image').findMany({ where: { documentId: { $in: imageIds } }, populate: { file: true } });
  for (const image of generated) {
    expect(image).toMatchObject({ status: 'generated', provider: 'openai', model: 'dall-e-3' });
    expect(image.file).toMatchObject({ mime: 'image/png', ext: '.png' });
    expect(fs.existsSync(path.join(app.strapi.dirs.static.public, image.file.url))).toBe(true);
    expect(image.provenance).toMatchObject({ function: 'generate_images', runId: images.run.id, revisedPrompt: expect.stringMatching(/^Revised:/) });
  }
  const imageCalls = fake.seen.filter((s) => s.api === 'openai-images');
  expect(imageCalls).toHaveLength(2);
  expect(imageCalls[0].body).toMatchObject({ model: 'dall-e-3', response_format: 'b64_json' });

  // Every AI run captured exactly its credits, once; nothing is left on hold.
  const aiRuns = [clustering.run, ideas.run, content.run, prompts.run, images.run];
  let charged = 0;
  for (const r of aiRuns) {
    const charge = await chargeOf(app, A.accountId, r.holdId);
    expect(charge).toMatchObject({ status: 'captured', captured: r.credits, usageRows: 1 });
    charged += r.credits;
  }
  const end = await ledger(app).balance(A.accountId);
  expect(end.held).toBe(0);
  expect(end.available).toBe(startBalance.available - charged);
});
