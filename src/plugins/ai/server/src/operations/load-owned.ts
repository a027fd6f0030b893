import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** 404 naming `recordIds`: a record that is not the account's (or is gone) is never revealed. */
export class RecordsNotFoundError extends errors.NotFoundError {
  constructor(missing: string[]) {
    super(`recordIds: ${missing.length} record(s) not found in your account`, {
      errors: [{ path: ['recordIds'], message: `not found: ${missing.slice(0, 20).join(', ')}`, name: 'NotFoundError' }],
      missing,
    } as any);
  }
}

export const recordsError = (message: string) =>
  new errors.ValidationError(`recordIds: ${message}`, { errors: [{ path: ['recordIds'], message, name: 'ValidationError' }] });

/**
 * The account's live records of `uid` with these documentIds, in the order asked, or a 404 naming the
 * missing ones. Query Engine with an explicit account filter (workers run without a tenant scope).
 */
export const loadOwned = async (args: { strapi: Core.Strapi; uid: string; accountId: number; documentIds: string[]; populate?: Record<string, unknown> }) => {
  const rows = await args.strapi.db.query(args.uid as any).findMany({
    where: { documentId: { $in: args.documentIds }, account: { id: args.accountId }, deletedAt: null },
    populate: args.populate ?? {},
  });
  const byDocument = new Map(rows.map((r: any) => [r.documentId, r]));
  const missing = args.documentIds.filter((id) => !byDocument.has(id));
  if (missing.length) throw new RecordsNotFoundError(missing);
  return args.documentIds.map((id) => byDocument.get(id)) as any[];
};

/** `{ id }` of a relation, or null: for copying site/sector/cluster onto what a run creates. */
export const idOf = (value: any): number | null => (value && typeof value === 'object' ? value.id ?? null : value ?? null);
