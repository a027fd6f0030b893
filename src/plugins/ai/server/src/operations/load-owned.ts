import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { columnsOf } from '../utils/rows';

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

/**
 * `loadOwned` in ONE query for records whose needed relations are all to-one: the record's columns
 * plus, per relation, the linked row's id and the listed fields (`{ site: [], idea: ['outline'] }` →
 * `site: { id }`, `idea: { id, outline }`, or null), through Strapi 5's link tables named by Strapi's
 * metadata. The Query Engine's populate costs one query per relation; a run loads its task on every
 * delivery. Same ownership rule: the account's link, not soft-deleted, 404 naming the missing ones.
 */
export const loadOwnedFlat = async (args: { strapi: Core.Strapi; uid: string; accountId: number; documentIds: string[]; relations: Record<string, string[]> }) => {
  const { strapi, uid } = args;
  const meta = strapi.db.metadata.get(uid as any) as any;
  const own = columnsOf(strapi, uid);
  const knex = strapi.db.connection;
  const account = meta.attributes.account.joinTable;
  const query = knex({ t: meta.tableName })
    .select('t.*')
    .join({ a: account.name }, `a.${account.joinColumn.name}`, 't.id')
    .where(`a.${account.inverseJoinColumn.name}`, args.accountId)
    .whereIn(`t.${own.column('documentId')}`, args.documentIds);
  if (meta.attributes.deletedAt) query.whereNull(`t.${own.column('deletedAt')}`);
  const relations = Object.entries(args.relations).map(([name, fields], i) => {
    const attribute = meta.attributes[name];
    const link = attribute.joinTable;
    const target = columnsOf(strapi, attribute.target);
    query.leftJoin({ [`l${i}`]: link.name }, `l${i}.${link.joinColumn.name}`, 't.id').select({ [`__r${i}`]: `l${i}.${link.inverseJoinColumn.name}` });
    if (fields.length) {
      query.leftJoin({ [`r${i}`]: target.table }, `r${i}.id`, `l${i}.${link.inverseJoinColumn.name}`);
      for (const field of fields) query.select({ [`__r${i}_${field}`]: `r${i}.${target.column(field)}` });
    }
    return { name, fields, target, i };
  });
  const rows = await query;
  const byDocument = new Map<string, any>();
  for (const row of rows) {
    const record = own.fromRow(row);
    if (byDocument.has(record.documentId)) continue;
    for (const { name, fields, target, i } of relations) {
      const id = row[`__r${i}`];
      record[name] = id == null ? null : { id, ...target.fromRow(Object.fromEntries(fields.map((f) => [target.column(f), row[`__r${i}_${f}`]]))) };
    }
    byDocument.set(record.documentId, record);
  }
  const missing = args.documentIds.filter((id) => !byDocument.has(id));
  if (missing.length) throw new RecordsNotFoundError(missing);
  return args.documentIds.map((id) => byDocument.get(id)) as any[];
};
