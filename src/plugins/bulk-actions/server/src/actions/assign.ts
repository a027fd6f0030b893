import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import type { BulkActionDefinition } from '../domain/types';
import { getService } from '../utils/get-service';
import { PERMISSIONS } from './permissions';

const documentId = z.string().regex(/^[a-z0-9]{24}$/, 'must be a documentId');
const CLUSTER = 'api::cluster.cluster';
const USER = 'plugin::users-permissions.user';

const toOne = (model: { attributes: Record<string, any> }, field: string, target: string) => {
  const a = model.attributes[field];
  return a?.type === 'relation' && (a.relation === 'manyToOne' || a.relation === 'oneToOne') && a.target === target;
};

/** Assign a cluster (keywords, ideas, tasks, content): the link rows are rewritten in SQL; other accounts' rows are refused. */
const assignCluster = (strapi: Core.Strapi): BulkActionDefinition<{ cluster: string }> => ({
  id: 'assign-cluster',
  label: 'Assign cluster',
  description: "Links every selected record to one cluster of the same account; records of another account are refused and reported.",
  contentTypes: (uid, model) => uid.startsWith('api::') && toOne(model, 'cluster', CLUSTER),
  params: z.object({ cluster: documentId.describe('cluster documentId') }).strict(),
  reasonRequired: false,
  permission: PERMISSIONS.update,
  cmAction: 'update',
  undoable: false,
  validate: async ({ uid, params }) => void (await getService(strapi, 'sql').targetId({ uid, field: 'cluster', documentId: params.cluster })),
  handler: async ({ trx, uid, ids, params, ctx }) => {
    const sql = getService(strapi, 'sql');
    const targetId = await sql.targetId({ uid, field: 'cluster', documentId: params.cluster });
    return sql.assignToOne({ trx, uid, ids, field: 'cluster', targetId, adminUserId: ctx.adminUserId });
  },
});

/** Assign to a user (tasks' assignee) by email; the user must belong to each record's account. */
const assignUser = (strapi: Core.Strapi): BulkActionDefinition<{ email: string }> => {
  const userId = async (email: string) => {
    const row = await strapi.db.connection('up_users').select('id').whereRaw('lower(email) = lower(?)', [email]).whereNull('deleted_at').first();
    if (!row) {
      throw new errors.ValidationError('params.email: no user with this email', { errors: [{ path: ['params', 'email'], message: 'no user with this email', name: 'ValidationError' }] });
    }
    return Number(row.id);
  };
  return {
    id: 'assign-user',
    label: 'Assign to user',
    description: "Sets the assignee; users of another account are refused per record.",
    contentTypes: (uid, model) => uid.startsWith('api::') && toOne(model, 'assignee', USER),
    params: z.object({ email: z.email('must be an email').describe('assignee email') }).strict(),
    reasonRequired: false,
    permission: PERMISSIONS.update,
    cmAction: 'update',
    undoable: false,
    validate: async ({ params }) => void (await userId(params.email)),
    handler: async ({ trx, uid, ids, params, ctx }) =>
      getService(strapi, 'sql').assignToOne({ trx, uid, ids, field: 'assignee', targetId: await userId(params.email), adminUserId: ctx.adminUserId }),
  };
};

export const assignActions = (strapi: Core.Strapi): BulkActionDefinition<any>[] => [assignCluster(strapi), assignUser(strapi)];
