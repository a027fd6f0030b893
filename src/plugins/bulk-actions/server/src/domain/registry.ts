import type { z } from 'zod';
import type { BulkActionDefinition, ModelLike } from './types';

const ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
const CM_ACTIONS = new Set(['read', 'update', 'delete']);

/**
 * The typed registry of bulk actions. `register` asserts the definition and refuses duplicates;
 * `get` throws a helpful error for an unknown id; `forType` lists what applies to a content type.
 * Pure: the Strapi service wraps it and adds permission filtering.
 */
export const createActionRegistry = () => {
  const actions = new Map<string, BulkActionDefinition<any>>();

  const applies = (action: BulkActionDefinition<any>, model: ModelLike) =>
    Array.isArray(action.contentTypes) ? action.contentTypes.includes(model.uid) : action.contentTypes(model.uid, model);

  return {
    register<P>(action: BulkActionDefinition<P>) {
      const problems: string[] = [];
      if (typeof action?.id !== 'string' || !ID.test(action.id)) problems.push('id must be kebab-case (dots allowed between segments)');
      if (!action?.label) problems.push('label is required');
      if (!Array.isArray(action?.contentTypes) && typeof action?.contentTypes !== 'function') problems.push('contentTypes must be an array of uids or a predicate');
      if (typeof action?.params !== 'function' && typeof (action?.params as any)?.safeParse !== 'function') problems.push('params must be a zod schema or a function returning one');
      if (action?.scope !== undefined && action.scope !== 'live' && action.scope !== 'trash') problems.push("scope must be 'live' or 'trash'");
      if (typeof action?.reasonRequired !== 'boolean') problems.push('reasonRequired must be a boolean');
      if (typeof action?.permission !== 'string' || !action.permission.includes('::')) problems.push('permission must be an admin action id such as plugin::bulk-actions.records.update');
      if (!CM_ACTIONS.has(action?.cmAction)) problems.push("cmAction must be 'read', 'update' or 'delete'");
      if (typeof action?.handler !== 'function') problems.push('handler must be a function');
      if (action?.columns !== undefined && typeof action.columns !== 'function') problems.push('columns must be a function of the parameters');
      if (action?.credits !== undefined && typeof action.credits !== 'function') problems.push('credits must be a function returning { operation, perItem }');
      if (action?.batchSize !== undefined && !(Number.isInteger(action.batchSize) && action.batchSize > 0 && action.batchSize <= 50_000)) problems.push('batchSize must be an integer from 1 to 50000');
      if (problems.length) throw new Error(`Bulk action "${action?.id ?? '?'}" is invalid: ${problems.join('; ')}`);
      if (actions.has(action.id)) throw new Error(`Bulk action "${action.id}" is already registered; ids are global across plugins`);
      actions.set(action.id, action as BulkActionDefinition<any>);
    },

    get(id: string): BulkActionDefinition<any> {
      const action = actions.get(id);
      if (!action) throw new Error(`Unknown bulk action "${id}". Registered: ${[...actions.keys()].sort().join(', ') || 'none'}`);
      return action;
    },

    has: (id: string) => actions.has(id),
    all: () => [...actions.values()],
    applies,
    forType: (model: ModelLike) => [...actions.values()].filter((action) => applies(action, model)),
    /** The parameter schema of an action for one content type. */
    paramsFor: (action: BulkActionDefinition<any>, model: ModelLike): z.ZodType<any> =>
      typeof (action.params as any).safeParse === 'function' ? (action.params as z.ZodType<any>) : (action.params as (uid: string, m: ModelLike) => z.ZodType<any>)(model.uid, model),
  };
};

export type ActionRegistry = ReturnType<typeof createActionRegistry>;
