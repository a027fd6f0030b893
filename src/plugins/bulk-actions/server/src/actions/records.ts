import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { BulkActionDefinition, ModelLike } from '../domain/types';
import { getService } from '../utils/get-service';
import { PERMISSIONS } from './permissions';

/**
 * The generic record actions: activate/deactivate (types with a boolean `isActive`), soft delete and
 * restore (types that soft-delete), and mark-as on status enumerations. All are one UPDATE per
 * keyset batch through the SQL service.
 */

/** Billing owns the lifecycle of its records; raw status writes would skip its ledger and events. */
const BILLING_OWNED = new Set(['api::subscription.subscription']);
const isOurs = (uid: string) => uid.startsWith('api::') && !BILLING_OWNED.has(uid);

const notValue = (field: string, value: unknown) => ({ $or: [{ [field]: { $null: true } }, { [field]: { $ne: value } }] });

const activeToggle = (strapi: Core.Strapi, active: boolean): BulkActionDefinition<Record<string, never>> => ({
  id: active ? 'activate' : 'deactivate',
  label: active ? 'Activate' : 'Deactivate',
  description: active ? 'Sets isActive on every selected record.' : 'Clears isActive on every selected record.',
  contentTypes: (uid, model) => isOurs(uid) && model.attributes.isActive?.type === 'boolean',
  params: z.object({}).strict(),
  reasonRequired: false,
  permission: PERMISSIONS.update,
  cmAction: 'update',
  undoable: { by: active ? 'deactivate' : 'activate' },
  where: () => notValue('isActive', active),
  columns: () => ({ isActive: active }),
  handler: ({ trx, uid, ids, ctx }) => getService(strapi, 'sql').setColumns({ trx, uid, ids, values: { isActive: active }, adminUserId: ctx.adminUserId }),
});

const softDeletes = (strapi: Core.Strapi) => (uid: string) => (strapi.plugin('soft-delete').service('soft-delete') as any).enabledFor(uid) === true;

const softDelete = (strapi: Core.Strapi): BulkActionDefinition<Record<string, never>> => ({
  id: 'soft-delete',
  label: 'Move to trash',
  description: 'Soft delete: stamps deletedAt; the rows stay and can be restored.',
  contentTypes: (uid) => softDeletes(strapi)(uid),
  params: z.object({}).strict(),
  reasonRequired: true,
  permission: PERMISSIONS.delete,
  cmAction: 'delete',
  undoable: { by: 'restore' },
  variant: 'danger',
  columns: () => ({ deletedAt: new Date() }),
  handler: ({ trx, uid, ids, ctx }) => getService(strapi, 'sql').setColumns({ trx, uid, ids, values: { deletedAt: new Date() }, adminUserId: ctx.adminUserId }),
});

const restore = (strapi: Core.Strapi): BulkActionDefinition<Record<string, never>> => ({
  id: 'restore',
  label: 'Restore from trash',
  description: 'Clears deletedAt on trashed rows matching the selection; a row whose unique twin is live, or that a restore guard vetoes, is skipped and reported.',
  contentTypes: (uid) => softDeletes(strapi)(uid),
  scope: 'trash',
  params: z.object({}).strict(),
  reasonRequired: false,
  permission: PERMISSIONS.delete,
  cmAction: 'delete',
  undoable: { by: 'soft-delete' },
  handler: ({ trx, uid, ids, ctx }) => getService(strapi, 'sql').restore({ trx, uid, ids, adminUserId: ctx.adminUserId }),
});

const enumValues = (model: ModelLike, field: string) => model.attributes[field]?.enum as [string, ...string[]];

/** Mark-as on an enumeration field: one action per field, its values taken from the type's schema. */
const setEnum = (strapi: Core.Strapi, args: { id: string; label: string; field: string; types?: (uid: string) => boolean }): BulkActionDefinition<{ value: string }> => ({
  id: args.id,
  label: args.label,
  description: `Sets ${args.field} on every selected record.`,
  contentTypes: (uid, model) => isOurs(uid) && model.attributes[args.field]?.type === 'enumeration' && (args.types?.(uid) ?? true),
  params: (_uid, model) => z.object({ value: z.enum(enumValues(model, args.field)).describe(args.field) }).strict(),
  reasonRequired: false,
  permission: PERMISSIONS.update,
  cmAction: 'update',
  undoable: false,
  where: ({ value }) => notValue(args.field, value),
  columns: ({ value }) => ({ [args.field]: value }),
  handler: ({ trx, uid, ids, params, ctx }) => getService(strapi, 'sql').setColumns({ trx, uid, ids, values: { [args.field]: params.value }, adminUserId: ctx.adminUserId }),
});

export const recordActions = (strapi: Core.Strapi): BulkActionDefinition<any>[] => [
  activeToggle(strapi, true),
  activeToggle(strapi, false),
  softDelete(strapi),
  restore(strapi),
  setEnum(strapi, { id: 'set-status', label: 'Mark as (status)', field: 'status' }),
  setEnum(strapi, { id: 'set-editorial-status', label: 'Mark as (editorial status)', field: 'editorialStatus' }),
];
