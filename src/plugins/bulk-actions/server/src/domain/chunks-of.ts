/** A row of a batch with the owner it is grouped by. */
export interface OwnedRow {
  id: number;
  accountId: number | null;
  siteId?: number | null;
}

/**
 * The runs a batch of rows becomes for a per-record service: one row per run, or, for work done on a set
 * (`together`), the rows grouped per account (or per account and site) and cut to at most `max` each.
 * Order within a group follows the batch's order, so the same batch always yields the same chunks.
 */
export const chunksOf = <R extends OwnedRow>(rows: R[], together: 'account' | 'site' | undefined, max: number): R[][] => {
  if (!together) return rows.map((row) => [row]);
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const key = together === 'site' ? `${row.accountId}:${row.siteId ?? null}` : `${row.accountId}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const chunks: R[][] = [];
  for (const group of groups.values()) for (let i = 0; i < group.length; i += max) chunks.push(group.slice(i, i + max));
  return chunks;
};
