import type { Core } from '@strapi/strapi';
import type { BatchOutcome, RowFailure } from '../domain/types';

/**
 * For actions that must go through another plugin's service one record at a time (the service locks,
 * writes ledgers, enqueues jobs): loads the batch's rows with their account, calls `fn` for each, and
 * turns a throw into that row's failure. `fn` returns false when nothing changed (a replay).
 */
export const perRecord = async (
  strapi: Core.Strapi,
  args: { uid: string; ids: number[]; select?: string[] },
  fn: (row: any & { id: number; documentId: string; accountId: number | null }) => Promise<boolean | void>
): Promise<BatchOutcome> => {
  const model = strapi.getModel(args.uid as any) as any;
  const rows = await strapi.db.query(args.uid as any).findMany({
    where: { id: { $in: args.ids } },
    select: ['id', 'documentId', ...(args.select ?? [])],
    ...(model.attributes.account ? { populate: { account: { select: ['id'] } } } : {}),
    orderBy: { id: 'asc' },
  } as any);
  const failures: RowFailure[] = [];
  let changed = 0;
  for (const row of rows as any[]) {
    try {
      const result = await fn({ ...row, accountId: row.account?.id ?? null });
      if (result !== false) changed += 1;
    } catch (error) {
      failures.push({ id: Number(row.id), documentId: row.documentId, reason: (error as Error).message });
    }
  }
  return { changed, failures };
};
