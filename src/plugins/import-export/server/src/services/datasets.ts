import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { deriveDataset } from '../domain/columns';
import { BUILT_IN_DATASETS } from '../domain/datasets';
import type { DatasetDefinition, ModelInfo, ResolvedDataset } from '../domain/types';

/**
 * The registry of exportable/importable content types. Built-in datasets follow seed 000; any plugin
 * adds its own in `register()` (see EXTENDING.md). Columns are derived from the schema lazily, after
 * every plugin registered its content types, and memoised.
 */
export const createDatasetsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const definitions = new Map<string, DatasetDefinition>(BUILT_IN_DATASETS.map((d) => [d.uid, d]));
  const resolved = new Map<string, ResolvedDataset>();

  /** Schema attributes (required, enum, private...) merged with the database metadata (columns, link tables). */
  const modelOf = (uid: string): ModelInfo | undefined => {
    const schema = strapi.getModel(uid as any) as any;
    if (!schema || !strapi.db.metadata.has(uid)) return undefined;
    const meta = strapi.db.metadata.get(uid) as any;
    const attributes: ModelInfo['attributes'] = {};
    for (const [name, a] of Object.entries<any>(meta.attributes)) attributes[name] = { ...(schema.attributes?.[name] ?? {}), ...a };
    return { uid, tableName: meta.tableName, attributes };
  };

  return {
    /** Adds (or replaces, for a plugin that knows better) a dataset. Call it in your plugin's `register()`. */
    register(definition: DatasetDefinition) {
      if (!/^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/.test(definition.uid)) throw new Error(`import-export: invalid uid ${definition.uid}`);
      definitions.set(definition.uid, definition);
      resolved.clear();
    },

    has: (uid: string) => definitions.has(uid) && !!strapi.getModel(uid as any),

    definitions: () => [...definitions.values()].filter((d) => !!strapi.getModel(d.uid as any)),

    /** The dataset with its columns; 404 when the type is not exportable. */
    get(uid: string): ResolvedDataset {
      const cached = resolved.get(uid);
      if (cached) return cached;
      const definition = definitions.get(uid);
      const model = definition && modelOf(uid);
      if (!definition || !model) throw new errors.NotFoundError(`${uid} cannot be exported or imported`);
      const dataset = deriveDataset({ definition, model, modelOf, definitionOf: (u) => definitions.get(u) });
      resolved.set(uid, dataset);
      return dataset;
    },

    modelOf,
  };
};

export type DatasetsService = ReturnType<typeof createDatasetsService>;
