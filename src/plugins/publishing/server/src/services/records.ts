import { paginationMeta } from '../../../../../lib/pagination';
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { CONTENT_UID, QUEUE, UID } from '../utils/constants';
import { getService } from '../utils/get-service';

export interface RequestArgs {
  accountId: number | null;
  contentDocumentId: string;
  action: 'publish' | 'unpublish';
  /** Publish at this time (content becomes `scheduled`; the scheduler enqueues it when due). */
  scheduledAt?: Date | null;
  idempotencyKey?: string;
  requestedBy: string;
}

export interface PublishJobData {
  recordId: number;
  idempotencyKey: string;
  /** Lets a worker take the site's slot before reading anything from the database. */
  integrationId?: number;
}

const jobIdFor = (recordId: number, round?: string) => `pub-${recordId}${round ? `-${round}` : ''}`;

/**
 * Publishing requests (PublishingRecords) and their jobs. The request row commits first, then the job
 * is enqueued (side effect after commit); a job carries only the record id and its idempotency key.
 * Retry and cancel take many record ids at once, for the staff bulk actions.
 */
export const createRecordsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => strapi.db.query(UID.record);

  const enqueue = async (record: { id: number; idempotencyKey: string; integrationId?: number }, round?: string) => {
    const data: PublishJobData = { recordId: record.id, idempotencyKey: record.idempotencyKey, integrationId: record.integrationId };
    await getQueueService(strapi).add(QUEUE, 'publish', data, { jobId: jobIdFor(record.id, round) });
  };

  const service = {
    enqueue,

    async request(args: RequestArgs) {
      const content = await strapi.db.query(CONTENT_UID).findOne({
        where: { documentId: args.contentDocumentId, ...(args.accountId ? { account: { id: args.accountId } } : {}) },
        populate: { site: true, account: true },
      });
      if (!content || content.deletedAt) throw new errors.NotFoundError('Content not found');
      if (!content.site) throw new errors.ValidationError('This content has no site to publish to');
      const integration = await getService(strapi, 'integrations').forSite(content.site.id);
      if (!integration || !integration.credentials?.ciphertext) throw new errors.ValidationError('The content\'s site has no connected WordPress integration');
      const accountId = content.account?.id;
      const key = `${accountId}:${args.idempotencyKey ?? randomUUID()}`;

      const replay = await q().findOne({ where: { idempotencyKey: key } });
      if (replay) return { record: replay, replayed: true };
      const open = await q().findOne({ where: { contentId: content.id, integrationId: integration.id, status: 'pending' } });
      if (open) return { record: open, replayed: true };

      const state = await getService(strapi, 'post-state').get(integration.id, content.id);
      const action = args.action === 'unpublish' ? 'unpublish' : state?.remote_post_id ? 'update' : 'publish';
      if (action === 'unpublish' && !state?.remote_post_id) throw new errors.ValidationError('This content is not on the site');
      const scheduled = action !== 'unpublish' && args.scheduledAt && args.scheduledAt.getTime() > Date.now() ? args.scheduledAt : null;

      let record;
      try {
        record = await q().create({
          data: {
            account: accountId,
            contentId: content.id,
            contentDocumentId: content.documentId,
            siteId: content.site.id,
            integrationId: integration.id,
            action,
            status: 'pending',
            idempotencyKey: key,
            scheduledFor: scheduled,
            requestedBy: args.requestedBy,
          },
        });
      } catch (error) {
        // Lost a race with a concurrent identical request (unique key or one-pending index): join it.
        const winner = (await q().findOne({ where: { idempotencyKey: key } })) ?? (await q().findOne({ where: { contentId: content.id, integrationId: integration.id, status: 'pending' } }));
        if (winner) return { record: winner, replayed: true };
        throw error;
      }
      if (action !== 'unpublish') {
        await strapi.db.query(CONTENT_UID).update({
          where: { id: content.id },
          data: scheduled ? { publishingStatus: 'scheduled', scheduledAt: scheduled } : { publishingStatus: 'publishing' },
        });
      }
      if (!scheduled) await enqueue(record);
      return { record, replayed: false };
    },

    /** A content's publishing state, its requests and the attempts against its site. */
    async statusOf(accountId: number | null, contentDocumentId: string) {
      const content = await strapi.db.query(CONTENT_UID).findOne({ where: { documentId: contentDocumentId, ...(accountId ? { account: { id: accountId } } : {}) } });
      if (!content) throw new errors.NotFoundError('Content not found');
      const records = await q().findMany({ where: { contentId: content.id }, orderBy: { id: 'desc' }, limit: 50 });
      const events = await getService(strapi, 'history').events({ contentId: content.id }, 100);
      return {
        content: { documentId: content.documentId, publishingStatus: content.publishingStatus, externalId: content.externalId, externalUrl: content.externalUrl, scheduledAt: content.scheduledAt },
        records,
        events,
      };
    },

    async list(where: { accountId?: number | null; status?: string; contentId?: number }, page = 1, pageSize = 25) {
      const filter = {
        ...(where.accountId ? { account: { id: where.accountId } } : {}),
        ...(where.status ? { status: where.status } : {}),
        ...(where.contentId ? { contentId: where.contentId } : {}),
      };
      const [results, total] = await Promise.all([
        q().findMany({ where: filter, orderBy: { id: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize }),
        q().count({ where: filter }),
      ]);
      return { data: results, meta: paginationMeta({ page, pageSize }, total) };
    },

    /** Failed records back to pending with a fresh job. Returns the ids retried; others are skipped. */
    async retry(ids: number[], accountId: number | null = null) {
      const rows = await q().findMany({ where: { id: { $in: ids }, status: 'failed', ...(accountId ? { account: { id: accountId } } : {}) } });
      const retried: number[] = [];
      for (const row of rows) {
        try {
          await q().update({ where: { id: row.id }, data: { status: 'pending', error: null } });
        } catch {
          continue; // another request for the same content is already pending
        }
        if (row.action !== 'unpublish') await strapi.db.query(CONTENT_UID).update({ where: { id: row.contentId }, data: { publishingStatus: 'publishing' } });
        await enqueue(row, String(Date.now()));
        retried.push(row.id);
      }
      return { retried, skipped: ids.filter((id) => !retried.includes(id)) };
    },

    /** Pending records to cancelled; their jobs find them cancelled and do nothing. */
    async cancel(ids: number[], accountId: number | null = null) {
      return service.cancelWhere({ id: { $in: ids }, ...(accountId ? { account: { id: accountId } } : {}) }, 'cancelled');
    },

    async cancelWhere(where: Record<string, unknown>, reason: string) {
      const rows = await q().findMany({ where: { ...where, status: 'pending' } });
      const cancelled: number[] = [];
      for (const row of rows) {
        // Conditional: a job that just finished it wins.
        const n = await strapi.db.connection('publishing_records').where({ id: row.id, status: 'pending' }).update({ status: 'cancelled', error: reason });
        if (!n) continue;
        cancelled.push(row.id);
        const state = await getService(strapi, 'post-state').get(row.integrationId, row.contentId);
        if (row.action !== 'unpublish') {
          await strapi.db.query(CONTENT_UID).update({ where: { id: row.contentId }, data: { publishingStatus: state?.remote_post_id ? 'published' : 'not_published' } });
        }
        try {
          const queue = getQueueService(strapi).get(QUEUE);
          const job = await queue.getJob(jobIdFor(row.id));
          if (job && (await job.isDelayed() || await job.isWaiting())) await job.remove();
        } catch {
          /* Redis down: the job will see the record cancelled */
        }
      }
      return { cancelled };
    },
  };
  return service;
};

export type RecordsService = ReturnType<typeof createRecordsService>;
