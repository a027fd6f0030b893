import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { RecordsService } from '../../../../publishing/server/src/services/records';
import type { BulkActionDefinition, RowFailure } from '../domain/types';
import { PERMISSIONS } from './permissions';
import { perRecord } from './per-record';

const CONTENT = 'api::content.content';
const RECORD = 'plugin::publishing.publishing-record';

/** The publishing plugin's records service (request, retry, cancel); it enqueues after its own writes. */
const records = (strapi: Core.Strapi) => strapi.plugin('publishing').service('records') as RecordsService;

/**
 * Publish to WordPress through the publishing plugin: one request per content, keyed by run and row, so a
 * re-executed run joins the requests it already made instead of publishing twice. Content without a
 * site or a connected integration is reported per row.
 */
const publish = (strapi: Core.Strapi): BulkActionDefinition<{ scheduledAt?: string }> => ({
  id: 'publish-to-wordpress',
  label: 'Publish to WordPress',
  description: "Queues a publish (or update) of every selected content to its site's WordPress; content without a connected site is reported.",
  contentTypes: [CONTENT],
  params: z.object({ scheduledAt: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }).optional().describe('publish at (optional, ISO date-time)') }).strict(),
  reasonRequired: false,
  permission: PERMISSIONS.update,
  cmAction: 'update',
  undoable: false,
  transactional: false,
  batchSize: 200,
  where: () => ({ $or: [{ publishingStatus: { $null: true } }, { publishingStatus: { $notIn: ['publishing', 'scheduled'] } }] }),
  handler: ({ uid, ids, params, ctx }) =>
    perRecord(strapi, { uid, ids }, async (row) => {
      const { replayed } = await records(strapi).request({
        accountId: row.accountId,
        contentDocumentId: row.documentId,
        action: 'publish',
        scheduledAt: params.scheduledAt ? new Date(params.scheduledAt) : null,
        idempotencyKey: `bulk-run:${ctx.runId}:${row.id}`,
        requestedBy: ctx.actor,
      });
      return !replayed;
    }),
});

/** Retry failed / cancel pending publishing records: the records service takes many ids at once. */
const retryOrCancel = (strapi: Core.Strapi, kind: 'retry' | 'cancel'): BulkActionDefinition<Record<string, never>> => ({
  id: kind === 'retry' ? 'retry-failed-publishing' : 'cancel-pending-publishing',
  label: kind === 'retry' ? 'Retry failed publishing' : 'Cancel pending publishing',
  description: kind === 'retry' ? 'Failed publishing records back to pending with a fresh job.' : 'Pending publishing records to cancelled; their jobs then do nothing.',
  contentTypes: [RECORD],
  params: z.object({}).strict(),
  reasonRequired: kind === 'cancel',
  permission: PERMISSIONS.update,
  cmAction: 'read',
  undoable: false,
  variant: kind === 'cancel' ? 'danger' : 'default',
  transactional: false,
  batchSize: 500,
  where: () => ({ status: kind === 'retry' ? 'failed' : 'pending' }),
  handler: async ({ ids }) => {
    if (kind === 'retry') {
      const { retried, skipped } = await records(strapi).retry(ids);
      return { changed: retried.length, failures: (skipped as number[]).map((id): RowFailure => ({ id, reason: 'not failed any more, or another request for the same content is pending' })) };
    }
    const result = await records(strapi).cancel(ids);
    const cancelled = new Set<number>((result?.cancelled ?? []) as number[]);
    return { changed: cancelled.size, failures: ids.filter((id) => !cancelled.has(id)).map((id) => ({ id, reason: 'no longer pending (a job finished it first)' })) };
  },
});

export const publishingActions = (strapi: Core.Strapi): BulkActionDefinition<any>[] =>
  strapi.plugin('publishing') ? [publish(strapi), retryOrCancel(strapi, 'retry'), retryOrCancel(strapi, 'cancel')] : [];
