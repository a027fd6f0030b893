import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

/**
 * Publishes scheduled content when due. The claim is one UPDATE ... RETURNING on the records, so two
 * ticks running at once (or two processes) enqueue each record once; the Bull repeatable job already
 * fires once per tick cluster-wide.
 */
export const createSchedulerService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async tick(now = new Date()) {
    const knex = strapi.db.connection;
    const due = await knex('publishing_records')
      .where('status', 'pending')
      .whereNotNull('scheduled_for')
      .where('scheduled_for', '<=', now)
      .update({ scheduled_for: null })
      .returning(['id', 'document_id', 'idempotency_key', 'content_id', 'integration_id']);
    for (const row of due) {
      await strapi.db.query('api::content.content').update({ where: { id: row.content_id }, data: { publishingStatus: 'publishing' } });
      await getService(strapi, 'records').enqueue({ id: row.id, documentId: row.document_id ?? undefined, idempotencyKey: row.idempotency_key, integrationId: row.integration_id ?? undefined });
    }
    return { enqueued: due.length };
  },
});

export type SchedulerService = ReturnType<typeof createSchedulerService>;
