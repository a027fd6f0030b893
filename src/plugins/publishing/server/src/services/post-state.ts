import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';

export interface PostState {
  integration_id: number;
  content_id: number;
  remote_post_id: string | null;
  remote_url: string | null;
  create_started_at: Date | null;
  /** The lease token of the attempt that set create_started_at (null on rows from before the column). */
  create_started_by?: string | null;
  lease_token: string | null;
}

export interface Lease {
  integrationId: number;
  contentId: number;
  token: string;
  state: PostState;
  /** When the lease was last taken or extended (ms): a write renews it only when it is getting old. */
  renewedAt?: number;
}

/**
 * The exactly-once bookkeeping of one (integration, content) pair (table `publishing_posts`). Every
 * write is one statement conditioned on the lease token, so an attempt whose lease was taken over
 * (its worker stalled past `leaseMs`) cannot overwrite the newer attempt's state.
 */
export const createPostStateService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const leaseMs = () => strapi.config.get('plugin::publishing.leaseMs') as number;

  const guarded = async (lease: Lease, set: Record<string, unknown>) => {
    const n = await knex()('publishing_posts')
      .where({ integration_id: lease.integrationId, content_id: lease.contentId, lease_token: lease.token })
      .update({ ...set, lease_until: knex().raw(`now() + (? || ' milliseconds')::interval`, [leaseMs()]), updated_at: knex().fn.now() });
    if (!n) throw Object.assign(new Error('The publish lease was taken over by another attempt'), { name: 'LeaseLostError' });
    lease.renewedAt = Date.now();
  };

  return {
    /** Takes the pair's lease if free or expired; null when another attempt holds it. */
    async claim(integrationId: number, contentId: number): Promise<Lease | null> {
      const token = randomUUID();
      const { rows } = await knex().raw(
        `INSERT INTO publishing_posts (integration_id, content_id, lease_token, lease_until)
         VALUES (?, ?, ?, now() + (? || ' milliseconds')::interval)
         ON CONFLICT (integration_id, content_id) DO UPDATE
           SET lease_token = EXCLUDED.lease_token, lease_until = EXCLUDED.lease_until, updated_at = now()
           WHERE publishing_posts.lease_until IS NULL OR publishing_posts.lease_until < now()
         RETURNING *`,
        [integrationId, contentId, token, leaseMs()]
      );
      return rows[0] ? { integrationId, contentId, token, state: rows[0], renewedAt: Date.now() } : null;
    },
    /** Written before the create request leaves: from now on the outcome may be unknown. */
    markCreateStarted: async (lease: Lease) => {
      await guarded(lease, { create_started_at: knex().fn.now(), create_started_by: lease.token });
      lease.state = { ...lease.state, create_started_at: new Date(), create_started_by: lease.token };
    },
    saveRemote: (lease: Lease, postId: number | string, url: string | null) =>
      guarded(lease, { remote_post_id: postId, remote_url: url, create_started_at: null }),
    /** The remote post is gone (deleted on the site): the next publish creates a new one. */
    forgetRemote: (lease: Lease) => guarded(lease, { remote_post_id: null, remote_url: null, create_started_at: null }),
    renew: (lease: Lease) => guarded(lease, {}),
    /**
     * Extends the lease before a request that changes the site, but only once a quarter of `leaseMs` has
     * gone by since it was taken or last extended: a fresh lease needs no extra statement.
     */
    async renewIfOld(lease: Lease) {
      if (lease.renewedAt !== undefined && Date.now() - lease.renewedAt < leaseMs() / 4) return;
      await guarded(lease, {});
    },
    /** The post is done: remember it and give the lease up, in one statement. */
    async finish(lease: Lease, postId: number | string, url: string | null) {
      const n = await knex()('publishing_posts')
        .where({ integration_id: lease.integrationId, content_id: lease.contentId, lease_token: lease.token })
        .update({ remote_post_id: postId, remote_url: url, create_started_at: null, lease_token: null, lease_until: null, updated_at: knex().fn.now() });
      if (!n) throw Object.assign(new Error('The publish lease was taken over by another attempt'), { name: 'LeaseLostError' });
    },
    /**
     * Gives the lease up after a failed attempt. A post the attempt created or adopted is remembered in
     * the same statement (the next attempt updates it instead of searching the site for it).
     */
    async release(lease: Lease, remote?: { postId: number | string; url: string | null }) {
      await knex()('publishing_posts')
        .where({ integration_id: lease.integrationId, content_id: lease.contentId, lease_token: lease.token })
        .update({ lease_token: null, lease_until: null, ...(remote ? { remote_post_id: remote.postId, remote_url: remote.url, create_started_at: null } : {}) });
    },
    async get(integrationId: number, contentId: number): Promise<PostState | undefined> {
      return knex()('publishing_posts').where({ integration_id: integrationId, content_id: contentId }).first();
    },
    async mediaId(integrationId: number, imageId: number): Promise<number | undefined> {
      const row = await knex()('publishing_media').where({ integration_id: integrationId, image_id: imageId }).first();
      return row ? Number(row.media_id) : undefined;
    },
    async saveMedia(integrationId: number, imageId: number, mediaId: number, sourceUrl: string | null) {
      await knex().raw(
        `INSERT INTO publishing_media (integration_id, image_id, media_id, source_url) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [integrationId, imageId, mediaId, sourceUrl]
      );
    },
  };
};

export type PostStateService = ReturnType<typeof createPostStateService>;
