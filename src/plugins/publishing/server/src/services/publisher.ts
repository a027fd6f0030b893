import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type Bull from 'bull';
import type { Core } from '@strapi/strapi';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { claimJob, type JobContent } from '../database/claim-job';
import { settleJob } from '../database/settle-job';
import { explainFailure, WordPressError } from '../domain/errors';
import { isOurPost, markerToken, postBody } from '../domain/post-payload';
import type { WordPressClient } from '../wordpress/client';
import { CONTENT_UID, QUEUE, TAXONOMY_UID, UID } from '../utils/constants';
import { getService } from '../utils/get-service';
import type { Lease } from './post-state';
import type { PublishJobData } from './records';

// A job whose site is busy waits up to a second (a release in this process hands the slot over at
// once, see site-slots), then goes back to the queue: waiting longer would hold a worker that jobs for
// other sites could use (one site's backlog must not stall the rest).
const SLOT_WAIT_MS = 1000;
const SYNC_STAMP_EVERY_MS = 60_000;

/**
 * The publish job. Exactly once, per (integration, content):
 * 1. take the pair's lease (a second delivery of the same job waits; a killed worker's lease expires);
 * 2. a remembered remote post id means update, never create;
 * 3. no id but a create was sent before (outcome unknown): search the site for our marker first;
 * 4. otherwise record "create started", create as draft, save the id at once, then publish.
 */
export const createPublisherService = ({ strapi }: { strapi: Core.Strapi }) => {
  const state = () => getService(strapi, 'post-state');

  async function termIds(client: WordPressClient, integrationId: number, taxonomies: any[]) {
    const categories: number[] = [];
    const tags: number[] = [];
    for (const t of taxonomies) {
      const kind = t.taxonomyType === 'tag' ? 'tags' : t.taxonomyType === 'category' ? 'categories' : null;
      if (!kind) continue;
      let id = t.externalId ? Number(t.externalId) : undefined;
      if (!id) {
        const found = (await client.listTerms(kind, { slug: t.slug, per_page: 1 })).data?.[0];
        if (found) id = found.id;
        else {
          try {
            id = (await client.createTerm(kind, { name: t.name, slug: t.slug })).data.id;
          } catch (error) {
            const e = error as WordPressError & { data?: any };
            if (e.code !== 'term_exists') throw error;
            id = (await client.listTerms(kind, { slug: t.slug, per_page: 1 })).data?.[0]?.id;
          }
        }
        if (id) await strapi.db.query(TAXONOMY_UID).update({ where: { id: t.id }, data: { externalId: String(id) } });
      }
      if (id) (kind === 'tags' ? tags : categories).push(id);
    }
    void integrationId;
    return { categories, tags };
  }

  async function featuredMedia(client: WordPressClient, integrationId: number, images: any[]) {
    const image = images.find((i) => !i.deletedAt && (i.imageType === 'featured' || i.isFeatured) && i.file?.url);
    if (!image) return undefined;
    const known = await state().mediaId(integrationId, image.id);
    if (known) return known;
    const file = image.file;
    if (!String(file.url).startsWith('/')) return undefined; // remote providers: not supported yet
    const body = await fs.readFile(path.join(strapi.dirs.static.public, file.url));
    const media = (await client.uploadMedia({ body, filename: `${file.hash ?? 'image'}${file.ext ?? ''}`, mime: file.mime ?? 'image/png' })).data;
    await state().saveMedia(integrationId, image.id, media.id, media.source_url ?? null);
    return Number(media.id);
  }

  /** A post this attempt created or adopted, so a failure after it still remembers it (see `release`). */
  type Known = { postId: number; url: string | null } | null;

  async function publish(client: WordPressClient, lease: Lease, content: any, integrationId: number, known: { current: Known }) {
    const { categories, tags } = await termIds(client, integrationId, content.taxonomies ?? []);
    const featured = await featuredMedia(client, integrationId, content.images ?? []);
    const body = (status: 'draft' | 'publish') => postBody({ content, status, categories, tags, featuredMedia: featured });
    let postId = lease.state.remote_post_id ? Number(lease.state.remote_post_id) : undefined;
    let adopted = false;

    // A create marked by another attempt (another lease token, or none: rows from before the column)
    // may have reached the site: look for our marker before creating.
    const earlier = Boolean(lease.state.create_started_at) && lease.state.create_started_by !== lease.token;
    if (!postId && earlier) {
      const found = (await client.findPostsByMarker(markerToken(content.documentId))).data?.find((p: any) => isOurPost(p, content.documentId));
      if (found) {
        postId = Number(found.id);
        adopted = true;
        known.current = { postId, url: found.link ?? null };
      }
    }
    if (!postId) {
      // The claim marked the create as started already; a lease taken otherwise marks it here.
      if (!lease.state.create_started_at) await state().markCreateStarted(lease);
      else await state().renewIfOld(lease);
      const created = (await client.createPost(body('draft'))).data;
      postId = Number(created.id);
      // Saved with the outcome (settleJob) or, if the publish below fails, with the lease's release; a
      // worker killed in between leaves create_started_at set, and the next attempt finds the post by its marker.
      known.current = { postId, url: created.link ?? null };
    }
    let post;
    try {
      await state().renewIfOld(lease);
      post = (await client.updatePost(postId, body('publish'))).data;
    } catch (error) {
      const e = error as WordPressError;
      if (e.code !== 'rest_post_invalid_id') throw error;
      // Deleted on the site: forget it; the retry creates a new post.
      known.current = null;
      await state().forgetRemote(lease);
      throw new WordPressError(`Post ${postId} no longer exists on the site; creating it again`, { kind: 'transient', retryAfterMs: 0 });
    }
    return { postId, url: (post.link ?? null) as string | null, remoteUrl: (post.link ?? null) as string | null, remoteStatus: post.status as string, adopted };
  }

  async function unpublish(client: WordPressClient, lease: Lease) {
    const postId = Number(lease.state.remote_post_id);
    const post = (await client.updatePost(postId, { status: 'draft' })).data;
    return { postId, url: (post.link ?? null) as string | null, remoteUrl: lease.state.remote_url, remoteStatus: post.status as string, adopted: false };
  }

  /** Taxonomies and images, through the Query Engine, only for content that has any (the claim says). */
  async function withRelations(content: JobContent) {
    if (!content.hasTaxonomies && !content.hasImages) return { ...content, taxonomies: [], images: [] };
    const rel = await strapi.db.query(CONTENT_UID).findOne({
      where: { id: content.id },
      select: ['id'],
      populate: { taxonomies: true, images: { populate: { file: true } } },
    });
    return { ...content, taxonomies: rel?.taxonomies ?? [], images: rel?.images ?? [] };
  }

  /** The site is busy with other posts: hand the job back to the queue instead of holding a worker. */
  async function defer(job: Bull.Job<PublishJobData>) {
    await getQueueService(strapi).add(QUEUE, 'publish', job.data, { jobId: `pub-${job.data.recordId}-w${randomUUID()}`, delay: 250 + Math.round(Math.random() * 500) });
    return { deferred: true };
  }

  return {
    async run(job: Bull.Job<PublishJobData>) {
      // The site's slot first, before any database read: a job that finds its site busy costs only
      // Redis round trips, so one site's backlog cannot slow the jobs of other sites down.
      let release: (() => Promise<void>) | null = null;
      if (job.data.integrationId) {
        release = await getService(strapi, 'site-slots').acquire(job.data.integrationId, SLOT_WAIT_MS);
        if (!release) return defer(job);
      }
      // The record, its account, the integration, the content and the pair's lease: one statement.
      const claimed = await claimJob(strapi, job.data.recordId);
      if (!claimed || claimed.record.status !== 'pending') {
        if (release) await release();
        return { skipped: claimed?.record.status ?? 'missing' };
      }
      const { record, integration, content } = claimed;
      let lease: Lease | null = claimed.lease;
      const known: { current: { postId: number; url: string | null } | null } = { current: null };
      const attempt = job.attemptsMade + 1;
      const started = Date.now();
      const eventBase = { accountId: record.accountId ?? null, integrationId: record.integrationId, recordId: record.id, contentId: record.contentId, action: record.action, attempt };

      // Jobs queued before integrationId travelled with them take the slot here instead.
      if (integration && !release) {
        release = await getService(strapi, 'site-slots').acquire(integration.id, SLOT_WAIT_MS);
        if (!release) {
          if (lease) await state().release(lease);
          return defer(job);
        }
      }
      try {
        if (!integration || !integration.isActive || !integration.credentials?.ciphertext) {
          throw new WordPressError('The site integration is disconnected', { kind: 'permanent', code: 'disconnected' });
        }
        if (!content || content.deletedAt) throw new WordPressError('The content was deleted', { kind: 'permanent', code: 'content_missing' });
        if (!lease) throw new WordPressError('Another attempt is publishing this content right now', { kind: 'transient', code: 'busy', retryAfterMs: 2000 });
        const client = getService(strapi, 'integrations').client(integration);
        const result = record.action === 'unpublish' ? await unpublish(client, lease) : await publish(client, lease, await withRelations(content), integration.id, known);

        // The outcome in one statement (pair, content, SyncEvent, record, integration when stale): see settleJob.
        // The integration row is rewritten only when something changed or lastSyncAt is over a minute
        // old: one row per site, written by every job, would serialise a site's jobs on its row lock.
        const stale = !integration.lastSyncAt || Date.now() - new Date(integration.lastSyncAt).getTime() > SYNC_STAMP_EVERY_MS;
        const { remoteUrl, ...details } = result;
        const outcome = await settleJob(strapi, {
          lease,
          recordId: record.id,
          action: record.action,
          accountId: record.accountId,
          attempt,
          durationMs: Date.now() - started,
          postId: result.postId,
          url: result.url,
          remoteUrl,
          details,
          touchIntegration: integration.connectionStatus !== 'connected' || Boolean(integration.lastError) || stale,
        });
        if (!outcome.finished) throw Object.assign(new Error('The publish lease was taken over by another attempt'), { name: 'LeaseLostError' });
        lease = null; // given up with the post's id
        return { ...details, recordUpdated: outcome.settled };
      } catch (error) {
        const e = error as WordPressError;
        const permanent = e.kind === 'permanent';
        const final = permanent || attempt >= (job.opts.attempts ?? 1);
        const explained = explainFailure(e);
        const reason = explained === e.message ? e.message : `${e.message}. ${explained}`;
        await getService(strapi, 'history').event({ ...eventBase, success: false, durationMs: Date.now() - started, errorMessage: reason, details: { kind: e.kind ?? 'error', status: e.status, code: e.code, final } });
        if (final) {
          const n = await strapi.db.connection('publishing_records').where({ id: record.id, status: 'pending' }).update({ status: 'failed', error: reason, attempts: attempt, updated_at: new Date() });
          if (n && record.action !== 'unpublish') await strapi.db.query(CONTENT_UID).updateMany({ where: { id: record.contentId }, data: { publishingStatus: 'failed' } });
          if (permanent && integration) await strapi.db.query(UID.integration).updateMany({ where: { id: integration.id }, data: { lastError: reason, ...(e.status === 401 || e.status === 403 ? { connectionStatus: 'error' } : {}) } });
          if (permanent) await job.discard();
        } else {
          await strapi.db.connection('publishing_records').where({ id: record.id }).update({ attempts: attempt, error: reason });
        }
        throw error;
      } finally {
        if (lease) await state().release(lease, known.current ?? undefined).catch(() => undefined);
        if (release) await release();
      }
    },
  };
};

export type PublisherService = ReturnType<typeof createPublisherService>;
