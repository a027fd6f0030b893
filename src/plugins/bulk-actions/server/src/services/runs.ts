import { paginationMeta } from '../../../../../lib/pagination';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { RowFailure } from '../domain/types';

export type RunStatus = 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface RunRow {
  id: number;
  action: string;
  contentType: string;
  adminUserId: number | null;
  actor: string;
  actorEmail: string | null;
  selection: unknown;
  resolved: { where: Record<string, unknown>; search?: string; mode: 'ids' | 'filter' };
  params: Record<string, unknown>;
  reason: string | null;
  mode: 'inline' | 'job';
  status: RunStatus;
  matched: number;
  total: number;
  processed: number;
  changed: number;
  failed: number;
  jobId: string | null;
  cancelRequested: boolean;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

const toRun = (r: any): RunRow => ({
  id: Number(r.id),
  action: r.action,
  contentType: r.content_type,
  adminUserId: r.admin_user_id,
  actor: r.actor,
  actorEmail: r.actor_email,
  selection: json(r.selection),
  resolved: json(r.resolved),
  params: json(r.params),
  reason: r.reason,
  mode: r.mode,
  status: r.status,
  matched: r.matched,
  total: r.total,
  processed: r.processed,
  changed: r.changed,
  failed: r.failed,
  jobId: r.job_id,
  cancelRequested: r.cancel_requested,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/** The audit trail: one row per bulk run (who, when, what, over which selection, why, counts) and its failed rows. */
export const createRunsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.connection;

  return {
    async create(input: {
      action: string;
      uid: string;
      adminUserId: number;
      actor: string;
      actorEmail: string | null;
      selection: unknown;
      resolved: unknown;
      params: unknown;
      reason: string | null;
      mode: 'inline' | 'job';
      matched: number;
      total: number;
    }): Promise<RunRow> {
      const [row] = await db()('bulk_action_runs')
        .insert({
          action: input.action,
          content_type: input.uid,
          admin_user_id: input.adminUserId,
          actor: input.actor,
          actor_email: input.actorEmail,
          selection: JSON.stringify(input.selection),
          resolved: JSON.stringify(input.resolved),
          params: JSON.stringify(input.params),
          reason: input.reason,
          mode: input.mode,
          status: input.mode === 'job' ? 'queued' : 'running',
          matched: input.matched,
          total: input.total,
          started_at: input.mode === 'inline' ? db().fn.now() : null,
        })
        .returning('*');
      return toRun(row);
    },

    async get(id: number): Promise<RunRow> {
      const row = await db()('bulk_action_runs').where({ id }).first();
      if (!row) throw new errors.NotFoundError('Bulk run not found');
      return toRun(row);
    },

    async update(id: number, data: Record<string, unknown>) {
      await db()('bulk_action_runs').where({ id }).update(data);
    },

    /** Adds a batch's counts atomically (a job and a cancel may write the same row). */
    async addProgress(id: number, counts: { processed: number; changed: number; failed: number }) {
      await db().raw('UPDATE bulk_action_runs SET processed = processed + ?, changed = changed + ?, failed = failed + ? WHERE id = ?', [counts.processed, counts.changed, counts.failed, id]);
    },

    async cancelRequested(id: number) {
      const row = await db()('bulk_action_runs').select('cancel_requested').where({ id }).first();
      return row?.cancel_requested === true;
    },

    async addFailures(runId: number, failures: RowFailure[]) {
      if (!failures.length) return;
      await db().raw(
        `INSERT INTO bulk_action_failures (run_id, record_id, document_id, reason)
         SELECT ?, f.id, f."documentId", f.reason FROM jsonb_to_recordset(?::jsonb) AS f(id integer, "documentId" text, reason text)`,
        [runId, JSON.stringify(failures.map((f) => ({ id: f.id, documentId: f.documentId ?? null, reason: f.reason.slice(0, 1000) })))]
      );
    },

    async failures(runId: number): Promise<RowFailure[]> {
      const rows = await db()('bulk_action_failures').where({ run_id: runId }).orderBy('id', 'asc');
      return rows.map((r: any) => ({ id: r.record_id, documentId: r.document_id, reason: r.reason }));
    },

    /** The audit list, newest first, filterable by action, content type and actor. */
    async list(query: { page: number; pageSize: number; action?: string; contentType?: string; actor?: string }) {
      const base = () => {
        const q = db()('bulk_action_runs');
        if (query.action) q.where('action', query.action);
        if (query.contentType) q.where('content_type', query.contentType);
        if (query.actor) q.where('actor', query.actor);
        return q;
      };
      const [rows, [{ count }]] = await Promise.all([
        base().orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
        base().count({ count: '*' }),
      ]);
      const total = Number(count);
      return { data: rows.map(toRun), meta: paginationMeta(query, total) };
    },
  };
};

export type RunsService = ReturnType<typeof createRunsService>;
