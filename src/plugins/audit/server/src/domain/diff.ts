/**
 * Field diffs for the audit trail. Pure: rows in, `{ field: [before, after] }` out. Bookkeeping
 * columns (ids, timestamps, who-touched-it) are not changes anyone audits; private fields (stored
 * secrets) are never copied into the trail, only the fact that they changed.
 */
export type FieldDiff = Record<string, [unknown, unknown]>;

export const REDACTED = '[redacted]';

/** Never diffed: they change on every write and say nothing about what staff did. */
export const IGNORED_FIELDS = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations']);

const normalise = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
};

const same = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) === JSON.stringify(normalise(b));

export interface DiffOptions {
  /** Fields to diff (scalar attributes of the model); others in the rows are ignored. */
  fields: string[];
  /** Fields whose values never enter the trail. */
  redact?: Iterable<string>;
}

/** Before null means created, after null means deleted; an empty result means nothing audited changed. */
export const diffRows = (before: Record<string, unknown> | null, after: Record<string, unknown> | null, options: DiffOptions): FieldDiff => {
  const redact = new Set(options.redact ?? []);
  const out: FieldDiff = {};
  for (const field of options.fields) {
    if (IGNORED_FIELDS.has(field)) continue;
    const a = before ? normalise(before[field]) : null;
    const b = after ? normalise(after[field]) : null;
    if (same(a, b)) continue;
    out[field] = redact.has(field) ? [a === null ? null : REDACTED, b === null ? null : REDACTED] : [a, b];
  }
  return out;
};

/** The value diff a set-based write makes: the same `after` for every row, from its own `before`. */
export const isEmptyDiff = (diff: FieldDiff) => Object.keys(diff).length === 0;

/** `admin:<id>`, `user:<id>`, `system`: the actor string the ledgers and the bulk runs use. */
export const actorOf = (user: { id?: number | string } | null | undefined, kind: 'admin' | 'user') => (user?.id !== undefined ? `${kind}:${user.id}` : 'system');

/** Retention: entries older than `days` days before `now` go. */
export const retentionCutoff = (now: Date, days: number) => {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('retention days must be a positive integer');
  return new Date(now.getTime() - days * 86_400_000);
};
