import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACCOUNT_UID } from '../domain/constants';
import { countReferences, relationReferences, type RelationReferences } from '../domain/relation-references';
import { isMedia, isRelation } from '../domain/schema';
import { getService } from '../utils/get-service';

const { ValidationError } = errors;

const fieldError = (field: string, message: string) =>
  new ValidationError(`${field}: ${message}`, { errors: [{ path: [field], message, name: 'ValidationError' }] });

/**
 * Direct-SQL answers about which account owns what. Used on writes and limit checks, where one indexed
 * query is cheap next to the write itself. `trx` joins a caller's transaction (plan-limit locks).
 */
export const createOwnershipService = ({ strapi }: { strapi: Core.Strapi }) => {
  const schema = () => getService(strapi, 'schema');
  const knex = (trx?: any) => trx ?? strapi.db.connection;

  /** `<table> t` joined to its account link, restricted to one account (and to live rows). */
  const ownedRows = (uid: string, accountId: number, trx?: any) => {
    const { tableName, link, softDeletes } = schema().table(uid);
    const query = knex(trx)(`${tableName} as t`);
    if (uid === ACCOUNT_UID) query.where('t.id', accountId);
    else query.join(`${link!.table} as l`, `l.${link!.ownerColumn}`, 't.id').where(`l.${link!.accountColumn}`, accountId);
    if (softDeletes) query.whereNull('t.deleted_at');
    return query;
  };

  /** How many of `refs` are live rows of `uid` owned by `accountId`. */
  async function countOwned(uid: string, refs: RelationReferences, accountId: number) {
    const row = await ownedRows(uid, accountId)
      .where((q: any) => {
        if (refs.documentIds.length) q.orWhereIn('t.document_id', refs.documentIds);
        if (refs.ids.length) q.orWhereIn('t.id', refs.ids);
      })
      .countDistinct({ n: 't.id' })
      .first();
    return Number(row?.n ?? 0);
  }

  return {
    countOwned,

    /** Live records of `uid` the account holds (what plan limits count). */
    async countForAccount({ uid, accountId, trx }: { uid: string; accountId: number; trx?: any }) {
      const row = await ownedRows(uid, accountId, trx).count({ n: '*' }).first();
      return Number(row?.n ?? 0);
    },

    /** The account id a record of a tenant-owned type belongs to, or null if it has none. */
    async accountOf(uid: string, documentId: string): Promise<number | null> {
      const { tableName, link } = schema().table(uid);
      const row = await knex()(`${tableName} as t`)
        .join(`${link!.table} as l`, `l.${link!.ownerColumn}`, 't.id')
        .where('t.document_id', documentId)
        .first(`l.${link!.accountColumn} as accountId`);
      return row?.accountId ?? null;
    },

    /** Resolves whatever a caller put in an `account` field (documentId, id, connect/set) to one id. */
    async resolveAccountId(value: unknown): Promise<number | null> {
      const refs = relationReferences(value);
      if (countReferences(refs) !== 1) return null;
      const row = await knex()(schema().table(ACCOUNT_UID).tableName)
        .where((q: any) => {
          if (refs.documentIds.length) q.whereIn('document_id', refs.documentIds);
          else q.whereIn('id', refs.ids);
        })
        .first('id');
      return row?.id ?? null;
    },

    /**
     * Refuses a write that links a record of `accountId` to a record of another account (or to one that
     * does not exist: the message is the same, so it reveals nothing). Applies to staff writes too: a
     * cross-account link is a data bug whatever its author.
     */
    async assertRelationsOwned({ uid, data, accountId, refuseMedia }: { uid: string; data: Record<string, unknown>; accountId: number; refuseMedia: boolean }) {
      const contentType = schema().lookup(uid);
      if (!contentType) return;
      for (const [field, value] of Object.entries(data)) {
        const attribute = contentType.attributes[field];
        if (refuseMedia && isMedia(attribute) && value !== null && value !== undefined) {
          throw fieldError(field, 'files are attached by the system, not through this API');
        }
        if (field === 'account' || !isRelation(attribute) || !schema().isScoped(attribute!.target!)) continue;
        const refs = relationReferences(value);
        const wanted = countReferences(refs);
        if (wanted === 0) continue;
        const found = await countOwned(attribute!.target!, refs, accountId);
        if (found < wanted) throw fieldError(field, 'refers to a record that does not exist');
      }
    },
  };
};

export type OwnershipService = ReturnType<typeof createOwnershipService>;
