import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { createActionRegistry } from '../domain/registry';
import type { BulkActionDefinition, ModelLike } from '../domain/types';

/** What the admin UI gets for one action it may run on a type. */
export interface ActionDescriptor {
  id: string;
  label: string;
  description?: string;
  reasonRequired: boolean;
  undoable: false | { by: string };
  variant: 'default' | 'danger';
  cmAction: 'read' | 'update' | 'delete';
  scope: 'live' | 'trash';
  /** JSON Schema (input side) of the parameters, for the modal's form. */
  paramsSchema: Record<string, unknown>;
}

/**
 * The registry as a Strapi service: other plugins call `register()` in their own `register()`
 * (`strapi.plugin('bulk-actions').service('registry').register({...})`). `forUser` answers which
 * actions a user may run on a type: the action applies, the user holds its admin permission and the
 * Content Manager permission it needs.
 */
export const createRegistryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const registry = createActionRegistry();
  const model = (uid: string) => strapi.getModel(uid as any) as unknown as ModelLike;

  return {
    register: <P>(action: BulkActionDefinition<P>) => registry.register(action),
    get: registry.get,
    has: registry.has,
    all: registry.all,
    applies: (action: BulkActionDefinition<any>, uid: string) => registry.applies(action, model(uid)),
    paramsFor: (action: BulkActionDefinition<any>, uid: string) => registry.paramsFor(action, model(uid)),

    forUser(uid: string, userAbility: any): ActionDescriptor[] {
      const m = model(uid);
      if (!m) return [];
      const checker = (strapi.plugin('content-manager').service('permission-checker') as any).create({ userAbility, model: uid });
      return registry
        .forType(m)
        .filter((action) => userAbility.can(action.permission) && checker.can[action.cmAction]())
        .map((action) => ({
          id: action.id,
          label: action.label,
          ...(action.description ? { description: action.description } : {}),
          reasonRequired: action.reasonRequired,
          undoable: action.undoable,
          variant: action.variant ?? 'default',
          cmAction: action.cmAction,
          scope: action.scope ?? 'live',
          paramsSchema: z.toJSONSchema(registry.paramsFor(action, m), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
        }))
        .sort((a, b) => a.label.localeCompare(b.label));
    },
  };
};

export type RegistryService = ReturnType<typeof createRegistryService>;
