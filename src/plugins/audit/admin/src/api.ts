/** Shapes of the plugin's admin routes. */
export interface AuditEntry {
  id: number;
  occurredAt: string;
  actor: string;
  actorEmail: string | null;
  source: 'document' | 'bulk' | 'service';
  action: string;
  contentType: string;
  recordId: number | null;
  documentId: string | null;
  changes: Record<string, [unknown, unknown]>;
  reason: string | null;
  details: Record<string, unknown> | null;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

export const show = (value: unknown) => (value === null || value === undefined ? '∅' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** "status: active → suspended; planCredits: 10 → 0" */
export const summarise = (entry: AuditEntry) => {
  const fields = Object.entries(entry.changes ?? {}).map(([field, [before, after]]) => `${field}: ${show(before)} → ${show(after)}`);
  if (fields.length) return fields.join('; ');
  const d = entry.details ?? {};
  return 'changed' in d ? `${d.changed} changed, ${d.failed ?? 0} failed of ${d.total ?? d.matched ?? '?'} (run #${d.runId})` : '';
};
