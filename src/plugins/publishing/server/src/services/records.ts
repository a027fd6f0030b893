import { paginationMeta } from '../../../../../lib/pagination';
import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { insertPendingRecords } from '../database/record-rows';
import { interleaveBy, pairKey, planRequests } from '../domain/request-plan';
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

export interface BatchArgs {
  accountId: number | null;
  contentDocumentIds: string[];
  action: 'publish' | 'unpublish';
  scheduledAt?: Date | null;
  requestedBy: string;
}

export interface PublishJobData {
  recordId: number;
  idempotencyKey: string;
  /** Lets a worker take the site's slot before reading anything from the database. */
  integrationId?: number;
}

// By documentId (random), not the numeric id: Bull ignores an add whose jobId it still remembers, so ids
// that repeat (another database on the same Redis and prefix, a restored backup) must not be job ids.
const jobIdFor = (record: { id: number; documentId?: string }, round?: string) => `pub-${record.documentId ?? record.id}${round ? `-${round}` : ''}`;

/**
 * Publishing requests (PublishingRecords) and their jobs. The request row commits first, then the job
 * is enqueued (side effect after commit); a job carries only the record id and its idempotency key.
 * Retry and cancel take many record ids at once, for the staff bulk actions.
 */
export const createRecordsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => strapi.db.query(UID.record);

  const enqueue = async (record: { id: number; documentId?: string; idempotencyKey: string; integrationId?: number }, round?: string) => {
    const data: PublishJobData = { recordId: record.id, idempotencyKey: record.idempotencyKey, integrationId: record.integrationId };
    await getQueueService(strapi).add(QUEUE, 'publish', data, { jobId: jobIdFor(record, round) });
  };

  /** Many jobs in one Redis round trip, interleaved across sites (see `interleaveBy`). */
  const enqueueMany = async (records: Array<{ id: number; documentId: string; idempotencyKey: string; integrationId: number }>) => {
    if (!records.length) return;
    const jobs = interleaveBy(records, (r) => r.integrationId).map((r) => ({
      name: 'publish',
      data: { recordId: r.id, idempotencyKey: r.idempotencyKey, integrationId: r.integrationId } satisfies PublishJobData,
      opts: { jobId: jobIdFor(r) },
    }));
    await getQueueService(strapi).get(QUEUE).addBulk(jobs);
  };

  /**
   * The request path for one content or thousands, in a fixed number of queries: contents (with site
   * and account), their sites' integrations, remembered remote posts, one INSERT of the records (plus
   * their account links), one UPDATE per content status, then one addBulk to Redis after commit.
   */
  const requestBatch = async (args: BatchArgs & { keyOf: (documentId: string) => string }) => {
    const documentIds = [...new Set(args.contentDocumentIds)];
    const contents = await strapi.db.query(CONTENT_UID).findMany({
      where: { documentId: { $in: documentIds }, ...(args.accountId ? { account: { id: args.accountId } } : {}) },
      populate: { site: { select: ['id'] }, account: { select: ['id'] } },
    });
    const siteIds = [...new Set(contents.map((c: any) => c.site?.id).filter(Boolean))] as number[];
    const integrations = siteIds.length
      ? await strapi.db.query(UID.integration).findMany({ where: { site: { id: { $in: siteIds } }, isActive: true }, populate: { site: { select: ['id'] } } })
      : [];
    const contentIds = contents.map((c: any) => c.id as number);
    const integrationIds = integrations.map((i: any) => i.id as number);
    const onSite = new Set<string>();
    if (contentIds.length && integrationIds.length) {
      const states = await strapi.db.connection('publishing_posts').whereIn('content_id', contentIds).whereIn('integration_id', integrationIds).whereNotNull('remote_post_id').select('integration_id', 'content_id');
      for (const s of states) onSite.add(pairKey(s.integration_id, s.content_id));
    }
    const plan = planRequests({
      documentIds,
      contents: contents.map((c: any) => ({ id: c.id, documentId: c.documentId, siteId: c.site?.id ?? null, accountId: c.account?.id ?? null, deleted: Boolean(c.deletedAt) })),
      integrations: integrations.filter((i: any) => i.site).map((i: any) => ({ id: i.id, siteId: i.site.id, hasPassword: Boolean(i.credentials?.ciphertext) })),
      onSite,
      action: args.action,
      scheduledAt: args.scheduledAt ?? null,
      now: new Date(),
    });
    const rows = plan.records.map((r) => ({ ...r, idempotencyKey: `${r.accountId}:${args.keyOf(r.contentDocumentId)}`, requestedBy: args.requestedBy }));
    const inserted = await insertPendingRecords(strapi, rows);

    // Content status, one statement per target state.
    const publishing = rows.filter((r) => r.action !== 'unpublish' && !r.scheduledFor && inserted.has(`${r.contentId}:${r.integrationId}`)).map((r) => r.contentId);
    const scheduled = rows.filter((r) => r.action !== 'unpublish' && r.scheduledFor && inserted.has(`${r.contentId}:${r.integrationId}`));
    if (publishing.length) await strapi.db.query(CONTENT_UID).updateMany({ where: { id: { $in: publishing } }, data: { publishingStatus: 'publishing' } });
    if (scheduled.length) await strapi.db.query(CONTENT_UID).updateMany({ where: { id: { $in: scheduled.map((r) => r.contentId) } }, data: { publishingStatus: 'scheduled', scheduledAt: scheduled[0].scheduledFor } });

    // Pairs that already had a pending record (or a replayed key) join it.
    const joinedPairs = rows.filter((r) => !inserted.has(`${r.contentId}:${r.integrationId}`));
    const created = inserted.size ? await q().findMany({ where: { id: { $in: [...inserted.values()] } }, orderBy: { id: 'asc' } }) : [];
    const replayed = joinedPairs.length
      ? (await q().findMany({ where: { $or: [{ idempotencyKey: { $in: joinedPairs.map((r) => r.idempotencyKey) } }, { contentId: { $in: joinedPairs.map((r) => r.contentId) }, status: 'pending' }] }, orderBy: { id: 'desc' } }))
          .filter((rec: any) => joinedPairs.some((r) => rec.idempotencyKey === r.idempotencyKey || (rec.contentId === r.contentId && rec.integrationId === r.integrationId && rec.status === 'pending')))
      : [];
    await enqueueMany(created.filter((r: any) => !r.scheduledFor));
    return { created, replayed, refused: plan.refused };
  };

  const service = {
    enqueue,

    /** One content: the tenant and staff routes. A refused content throws the 404/400 the routes answer. */
    async request(args: RequestArgs) {
      if (args.idempotencyKey && args.accountId) {
        // A replayed key costs one indexed lookup; keys are namespaced by account.
        const prior = await q().findOne({ where: { idempotencyKey: `${args.accountId}:${args.idempotencyKey}` } });
        if (prior) return { record: prior, replayed: true };
      }
      const key = args.idempotencyKey ?? randomUUID();
      const result = await requestBatch({ ...args, contentDocumentIds: [args.contentDocumentId], keyOf: () => key });
      const refusal = result.refused[0];
      if (refusal) throw refusal.status === 404 ? new errors.NotFoundError(refusal.message) : new errors.ValidationError(refusal.message);
      if (result.created[0]) return { record: result.created[0], replayed: false };
      if (result.replayed[0]) return { record: result.replayed[0], replayed: true };
      throw new Error('publishing request neither created nor joined a record');
    },

    /**
     * Many contents at once (staff bulk publish, the benchmark): a fixed number of queries whatever the
     * count. Returns the records created, the pending ones joined, and the contents refused with why.
     */
    async requestMany(args: BatchArgs) {
      return requestBatch({ ...args, keyOf: () => randomUUID() });
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
          const job = await queue.getJob(jobIdFor(row));
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
