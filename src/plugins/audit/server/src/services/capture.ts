import type { Core } from '@strapi/strapi';
import { diffRows, type FieldDiff } from '../domain/diff';
import type { AuditEntryInput } from './trail';
import { getService } from '../utils/get-service';

/** Scalar attributes: relations live in link tables and are not part of a row diff. */
const scalarFields = (model: any) => Object.entries(model.attributes as Record<string, any>).filter(([, a]) => a.type !== 'relation' && a.type !== 'component' && a.type !== 'dynamiczone' && a.type !== 'media').map(([name]) => name);
const privateFields = (model: any) => Object.entries(model.attributes as Record<string, any>).filter(([, a]) => a.private === true || a.type === 'password').map(([name]) => name);

/**
 * Captures changes to the audited content types with database lifecycles, which see every write
 * through the Document Service and the Query Engine (Content Manager edits, services such as billing's
 * approvals): `before*` reads the rows about to change, `after*` reads them again and diffs. The
 * entries are written after the surrounding transaction commits (a rolled-back change leaves no
 * trace); a failure to write is logged, never thrown into the user's write. Raw SQL writers (the
 * credits ledger's balance columns, bulk SQL) bypass lifecycles and record their own entries.
 */
export const createCaptureService = ({ strapi }: { strapi: Core.Strapi }) => {
  const trail = () => getService(strapi, 'trail');
  const meta = new Map<string, { fields: string[]; redact: string[] }>();
  const info = (uid: string) => {
    if (!meta.has(uid)) {
      const model = strapi.getModel(uid as any) as any;
      meta.set(uid, { fields: scalarFields(model), redact: privateFields(model) });
    }
    return meta.get(uid)!;
  };

  const rows = async (uid: string, where: Record<string, unknown>) => (await strapi.db.query(uid as any).findMany({ where, select: ['id', 'documentId', ...info(uid).fields] } as any)) as any[];

  /**
   * After the surrounding transaction commits: `strapi.db.transaction` inside a transaction joins it, and
   * its `onCommit` queues on the outermost one; outside any, it opens an empty one that commits at once.
   */
  const afterCommit = (fn: () => Promise<void>) =>
    strapi.db.transaction(async ({ onCommit }: any) => {
      onCommit(() => void fn().catch((error) => strapi.log.error(`[audit] could not record an entry: ${(error as Error).message}`)));
    });

  const entries = (uid: string, action: string, pairs: Array<{ before: any; after: any }>): AuditEntryInput[] => {
    const who = trail().current();
    const { fields, redact } = info(uid);
    return pairs
      .map(({ before, after }) => ({ row: after ?? before, changes: diffRows(before, after, { fields, redact }) as FieldDiff }))
      .filter((p) => Object.keys(p.changes).length > 0)
      .map((p) => ({
        actor: who.actor,
        actorEmail: who.actorEmail ?? null,
        source: who.source ?? ('document' as const),
        action,
        contentType: uid,
        recordId: p.row?.id ?? null,
        documentId: p.row?.documentId ?? null,
        changes: p.changes,
        reason: who.reason ?? null,
        details: who.details ?? null,
      }));
  };

  const write = async (uid: string, action: string, pairs: Array<{ before: any; after: any }>) => {
    const list = entries(uid, action, pairs);
    return list.length ? afterCommit(() => trail().record(list)) : undefined;
  };

  return {
    /** Subscribes the lifecycles for `uids` (bootstrap). */
    subscribe(uids: string[]) {
      const models = uids.filter((uid) => strapi.getModel(uid as any));
      for (const uid of uids) if (!models.includes(uid)) strapi.log.warn(`[audit] ${uid} is not a content type; not audited`);
      const byId = (event: any) => new Map<number, any>(((event.state.auditBefore ?? []) as any[]).map((r) => [Number(r.id), r]));

      strapi.db.lifecycles.subscribe({
        models,
        async afterCreate(event: any) {
          const after = event.result?.id ? (await rows(event.model.uid, { id: event.result.id }))[0] : null;
          if (after) await write(event.model.uid, 'create', [{ before: null, after }]);
        },
        async beforeUpdate(event: any) {
          event.state.auditBefore = await rows(event.model.uid, event.params.where ?? {});
        },
        async afterUpdate(event: any) {
          const before = byId(event);
          if (!before.size) return;
          const after = await rows(event.model.uid, { id: { $in: [...before.keys()] } });
          await write(event.model.uid, 'update', after.map((row) => ({ before: before.get(Number(row.id)), after: row })));
        },
        async beforeUpdateMany(event: any) {
          event.state.auditBefore = await rows(event.model.uid, event.params.where ?? {});
        },
        async afterUpdateMany(event: any) {
          const before = byId(event);
          if (!before.size) return;
          const after = await rows(event.model.uid, { id: { $in: [...before.keys()] } });
          await write(event.model.uid, 'update', after.map((row) => ({ before: before.get(Number(row.id)), after: row })));
        },
        async beforeDelete(event: any) {
          event.state.auditBefore = await rows(event.model.uid, event.params.where ?? {});
        },
        async afterDelete(event: any) {
          await write(event.model.uid, 'delete', [...byId(event).values()].map((before) => ({ before, after: null })));
        },
        async beforeDeleteMany(event: any) {
          event.state.auditBefore = await rows(event.model.uid, event.params.where ?? {});
        },
        async afterDeleteMany(event: any) {
          await write(event.model.uid, 'delete', [...byId(event).values()].map((before) => ({ before, after: null })));
        },
      } as any);
      return models;
    },

    /** For raw-SQL writers (bulk): the same diff rules, recorded inside their transaction. */
    diffEntries: entries,
    fieldsOf: (uid: string) => info(uid),
  };
};

export type CaptureService = ReturnType<typeof createCaptureService>;
