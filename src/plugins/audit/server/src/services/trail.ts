import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { paginationMeta } from '../../../../../lib/pagination';
import type { FieldDiff } from '../domain/diff';

export type AuditSource = 'document' | 'bulk' | 'service';

export interface AuditEntryInput {
  actor: string;
  actorEmail?: string | null;
  source: AuditSource;
  action: string;
  contentType: string;
  recordId?: number | null;
  documentId?: string | null;
  changes?: FieldDiff;
  reason?: string | null;
  details?: Record<string, unknown> | null;
}

export interface AuditEntry extends Required<Omit<AuditEntryInput, 'details'>> {
  id: number;
  occurredAt: string;
  details: Record<string, unknown> | null;
}

/** Who is acting and why, for writes that happen outside an HTTP request or need a reason. */
export interface AuditContext {
  actor: string;
  actorEmail?: string | null;
  reason?: string | null;
  source?: AuditSource;
  /** Added to every entry recorded in this context (a bulk run's id, say). */
  details?: Record<string, unknown>;
}

export interface ListQuery {
  page: number;
  pageSize: number;
  contentType?: string;
  documentId?: string;
  actor?: string;
  action?: string;
  source?: AuditSource;
  from?: Date;
  to?: Date;
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

const toEntry = (r: any): AuditEntry => ({
  id: Number(r.id),
  occurredAt: r.occurred_at instanceof Date ? r.occurred_at.toISOString() : r.occurred_at,
  actor: r.actor,
  actorEmail: r.actor_email,
  source: r.source,
  action: r.action,
  contentType: r.content_type,
  recordId: r.record_id,
  documentId: r.document_id,
  changes: json(r.changes) ?? {},
  reason: r.reason,
  details: json(r.details) ?? null,
});

const PURGE_BATCH = 10_000;

/**
 * The audit trail store: append entries (alone or inside a caller's transaction), list them with
 * filters, purge by age. `withContext` names the actor and reason for work outside a request (jobs,
 * bulk runs); inside an admin request the actor comes from the request itself.
 */
export const createTrailService = ({ strapi }: { strapi: Core.Strapi }) => {
  const db = () => strapi.db.connection;
  const storage = new AsyncLocalStorage<AuditContext>();

  const row = (e: AuditEntryInput) => ({
    actor: e.actor.slice(0, 128),
    actor_email: e.actorEmail ?? null,
    source: e.source,
    action: e.action.slice(0, 100),
    content_type: e.contentType,
    record_id: e.recordId ?? null,
    document_id: e.documentId ?? null,
    changes: JSON.stringify(e.changes ?? {}),
    reason: e.reason ?? null,
    details: e.details ? JSON.stringify(e.details) : null,
  });

  return {
    withContext<T>(context: AuditContext, fn: () => Promise<T>): Promise<T> {
      return storage.run(context, fn);
    },

    /** The explicit context, else the admin (or tenant user) of the current request, else `system`. */
    current(): AuditContext {
      const explicit = storage.getStore();
      if (explicit) return explicit;
      const ctx = strapi.requestContext.get() as any;
      const user = ctx?.state?.user;
      if (!user?.id) return { actor: 'system' };
      const isAdmin = ctx?.state?.auth?.strategy?.name === 'admin' || ctx?.state?.isAuthenticatedAdmin === true;
      const header = ctx?.request?.headers?.['x-audit-reason'];
      return { actor: `${isAdmin ? 'admin' : 'user'}:${user.id}`, actorEmail: user.email ?? null, reason: typeof header === 'string' && header.trim() ? header.trim().slice(0, 2000) : null };
    },

    /** Appends entries; with `trx` they commit or roll back with the caller's change. */
    async record(entries: AuditEntryInput[], trx?: any) {
      if (!entries.length) return;
      const q = (trx ?? db())('audit_entries');
      for (let i = 0; i < entries.length; i += 1000) await q.clone().insert(entries.slice(i, i + 1000).map(row));
    },

    async list(query: ListQuery) {
      const base = () => {
        const q = db()('audit_entries');
        if (query.contentType) q.where('content_type', query.contentType);
        if (query.documentId) q.where('document_id', query.documentId);
        if (query.actor) q.where((w: any) => w.where('actor', query.actor).orWhereRaw('lower(actor_email) = lower(?)', [query.actor]));
        if (query.action) q.where('action', query.action);
        if (query.source) q.where('source', query.source);
        if (query.from) q.where('occurred_at', '>=', query.from);
        if (query.to) q.where('occurred_at', '<', query.to);
        return q;
      };
      const [rows, [{ count }]] = await Promise.all([
        base().orderBy([{ column: 'occurred_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
        base().count({ count: '*' }),
      ]);
      return { data: rows.map(toEntry), meta: paginationMeta(query, Number(count)) };
    },

    /** Deletes entries older than `cutoff` in batches (short statements, no long lock); returns how many. */
    async purge(cutoff: Date) {
      let total = 0;
      for (;;) {
        const result = await db().raw(`DELETE FROM audit_entries WHERE id IN (SELECT id FROM audit_entries WHERE occurred_at < ? ORDER BY id LIMIT ?)`, [cutoff, PURGE_BATCH]);
        total += result.rowCount ?? 0;
        if ((result.rowCount ?? 0) < PURGE_BATCH) return total;
      }
    },
  };
};

export type TrailService = ReturnType<typeof createTrailService>;
