import type { Core } from '@strapi/strapi';
import type { JobSource } from '../../../queue/server/src/domain/job-source';
import type { RunJobData } from './services/runs';
import { QUEUE, RUN_UID, runJobFor } from './utils/constants';

/**
 * Runs that still wait for their worker (queued, or running on a worker that lost its job) as the jobs
 * `runs.enqueue` gave them: same job id, data and fairness key. The queue plugin's recovery adds back
 * the ones Redis no longer has; the engine's job-keyed capture makes a duplicate harmless.
 */
export const runJobSource = (strapi: Core.Strapi): JobSource<RunJobData> => ({
  name: 'ai.runs',
  queue: QUEUE,
  async expected({ before, afterId, limit }) {
    const meta = strapi.db.metadata.get(RUN_UID as any) as any;
    const col = (attribute: string) => meta.attributes[attribute].columnName ?? attribute;
    const rows = await strapi.db
      .connection(meta.tableName)
      .select({ id: 'id', documentId: 'document_id', idempotencyKey: col('idempotencyKey'), accountId: col('accountId'), function: col('function'), round: col('round') })
      .whereIn(col('status'), ['queued', 'running'])
      .where('updated_at', '<', before)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit);
    return rows.map((run: { id: number; documentId: string; idempotencyKey: string; accountId: number; function: string; round: number | null }) => ({ id: Number(run.id), ...runJobFor(run) }));
  },
});
