import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export interface RestoreGuardArgs {
  uid: string;
  documentId: string;
  /** The transaction the restore runs in; guards that count or lock use it. */
  trx: any;
}
/** Extension point: another plugin vetoes a restore by throwing (tenancy checks roles and plan limits). */
export type RestoreGuard = (args: RestoreGuardArgs) => Promise<void>;

/**
 * Which content types soft-delete, and the operations on their `deletedAt` stamp. Deleting stamps the
 * rows; reads hide stamped rows unless the query filters on `deletedAt` itself; `restore` clears the
 * stamp; `purge` is the only way to really delete (retention jobs, staff "empty trash").
 */
export const createSoftDeleteService = ({ strapi }: { strapi: Core.Strapi }) => {
  const purging = new AsyncLocalStorage<boolean>();
  const guards: RestoreGuard[] = [];

  const enabled = new Map<string, boolean>();
  const check = (uid: string) => {
    const contentType = strapi.getModel(uid as any) as any;
    return !!contentType && 'deletedAt' in contentType.attributes && contentType.attributes.deletedAt.pluginOptions?.['soft-delete']?.stamp === true;
  };
  const enabledFor = (uid: string) => {
    if (!enabled.has(uid)) enabled.set(uid, check(uid));
    return enabled.get(uid)!;
  };

  return {
    enabledFor,
    enabledUids: () => Object.keys(strapi.contentTypes).filter(enabledFor).sort(),
    isPurging: () => purging.getStore() === true,
    registerRestoreGuard(guard: RestoreGuard) {
      if (typeof guard !== 'function') throw new Error('A restore guard must be a function');
      guards.push(guard);
    },

    hasRestoreGuards: () => guards.length > 0,
    /**
     * Runs every registered guard for one document inside the caller's transaction; throws the first
     * veto. For writers that clear the stamp themselves (bulk restore in SQL) so guards still apply.
     */
    async runRestoreGuards(args: RestoreGuardArgs) {
      for (const guard of guards) await guard(args);
    },

    /** Runs `fn` with real deletes for soft-deleting types. */
    purge<T>(fn: () => Promise<T>) {
      return purging.run(true, fn);
    },

    /** Clears the stamp of a document the caller can see in the trash; 404 otherwise. */
    async restore(uid: string, documentId: string) {
      if (!enabledFor(uid)) throw new errors.ValidationError(`${uid} does not support soft delete`);
      // Through the Document Service, so tenant scoping decides what "can see" means.
      const trashed = await strapi.documents(uid as any).findFirst({ filters: { documentId, deletedAt: { $notNull: true } }, fields: ['documentId'] } as any);
      if (!trashed) throw new errors.NotFoundError('Not Found');
      await strapi.db.transaction(async ({ trx }) => {
        for (const guard of guards) await guard({ uid, documentId, trx });
        await strapi.db.query(uid as any).updateMany({ where: { documentId }, data: { deletedAt: null } });
      });
      return strapi.documents(uid as any).findFirst({ filters: { documentId } } as any);
    },
  };
};

export type SoftDeleteService = ReturnType<typeof createSoftDeleteService>;
