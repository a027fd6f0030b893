import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { BulkActionDefinition } from '../domain/types';
import { PERMISSIONS } from './permissions';

/** Log-like types (append-only events) whose old rows staff may delete; billing's payment events are
 * financial records and stay. */
export const LOG_TYPES = ['plugin::publishing.sync-event'];

const cutoff = (days: number) => new Date(Date.now() - days * 86_400_000);

/** Deletes the selected log rows older than N days, for real, in one DELETE per batch (the age is re-checked in the statement). */
const deleteOlderThan = (strapi: Core.Strapi): BulkActionDefinition<{ days: number }> => ({
  id: 'delete-older-than',
  label: 'Delete older than N days',
  description: 'Deletes the selected log rows created more than N days ago (not recoverable).',
  contentTypes: (uid) => LOG_TYPES.includes(uid),
  params: z.object({ days: z.number().int('must be a whole number').min(1).max(36500).describe('days') }).strict(),
  reasonRequired: true,
  permission: PERMISSIONS.delete,
  cmAction: 'delete',
  undoable: false,
  variant: 'danger',
  where: ({ days }) => ({ createdAt: { $lt: cutoff(days) } }),
  handler: async ({ trx, uid, ids, params }) => {
    const table = (strapi.db.metadata.get(uid) as any).tableName;
    const result = await trx.raw(`DELETE FROM ?? WHERE id = ANY(?::int[]) AND created_at < ?`, [table, ids, cutoff(params.days)]);
    return { changed: result.rowCount ?? 0 };
  },
});

export const logActions = (strapi: Core.Strapi): BulkActionDefinition<any>[] => [deleteOlderThan(strapi)];
