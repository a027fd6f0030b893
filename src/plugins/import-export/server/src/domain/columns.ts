import type { AttributeInfo, Column, DatasetDefinition, ModelInfo, ResolvedDataset, ScalarType } from './types';

/** Strapi bookkeeping that is never a column of a file: ids are internal, the rest is managed by Strapi. */
const SYSTEM = new Set(['id', 'documentId', 'createdBy', 'updatedBy', 'publishedAt', 'locale', 'localizations', 'deletedAt', 'deletedBy']);
/** Exported for people, never imported: Strapi sets them. */
const TIMESTAMPS = new Set(['createdAt', 'updatedAt']);
/** When a type is not a registered dataset, the first of these it has is its readable key. */
const LABEL_CANDIDATES = ['slug', 'email', 'username', 'name', 'title', 'keyword', 'number', 'code', 'promptType', 'operation', 'modelId', 'reference'];

const SCALARS: Record<string, ScalarType> = {
  string: 'text',
  text: 'text',
  richtext: 'text',
  blocks: 'json',
  email: 'text',
  uid: 'text',
  enumeration: 'text',
  integer: 'integer',
  biginteger: 'bigint',
  decimal: 'decimal',
  float: 'float',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  time: 'time',
  json: 'json',
};

/** Strapi stores these as varchar(255) whatever the schema's maxLength says: a longer cell is a row error, not a failed write. */
const VARCHAR_255 = new Set(['string', 'email', 'uid', 'enumeration']);
const VARCHAR_LENGTH = 255;

const ACCOUNT_UID = 'api::account.account';

export const isTenantOwned = (model: ModelInfo) => model.attributes.account?.type === 'relation' && model.attributes.account.target === ACCOUNT_UID;

const num = (v: number | string | undefined) => (v === undefined || v === null || v === '' ? undefined : Number(v));

/** The attribute shown when something refers to a record of `model`. */
export const labelAttribute = (model: ModelInfo, definition?: DatasetDefinition): string => {
  if (definition?.label) return definition.label;
  const first = definition?.naturalKey?.find((a) => model.attributes[a] && model.attributes[a].type !== 'relation');
  if (first) return first;
  return LABEL_CANDIDATES.find((a) => model.attributes[a] && SCALARS[model.attributes[a].type]) ?? 'documentId';
};

const isToOne = (a: AttributeInfo) => a.relation === 'manyToOne' || a.relation === 'oneToOne';
const isToMany = (a: AttributeInfo) => a.relation === 'manyToMany' || a.relation === 'oneToMany';

/**
 * Derives a dataset's columns from the schema: every public scalar (no private, password or media
 * attributes), every relation through a link table as the target's readable key, Strapi's timestamps
 * read-only. To-many relations export as `; `-separated labels and are read-only on import.
 */
export const deriveDataset = (args: {
  definition: DatasetDefinition;
  model: ModelInfo;
  /** Schema of a relation's target; undefined for types we cannot read (admin users). */
  modelOf: (uid: string) => ModelInfo | undefined;
  definitionOf: (uid: string) => DatasetDefinition | undefined;
}): ResolvedDataset => {
  const { definition, model, modelOf, definitionOf } = args;
  const exclude = new Set(definition.exclude ?? []);
  const readOnly = new Set(definition.readOnly ?? []);
  const columns: Column[] = [];
  for (const [name, a] of Object.entries(model.attributes)) {
    if (SYSTEM.has(name) || exclude.has(name) || a.private || a.type === 'password' || a.type === 'media') continue;
    if (a.type === 'relation') {
      if (!a.target || !a.joinTable || !(isToOne(a) || isToMany(a))) continue;
      const target = modelOf(a.target);
      if (!target) continue;
      const labelName = labelAttribute(target, definitionOf(a.target));
      const labelAttr = target.attributes[labelName];
      columns.push({
        kind: 'relation',
        name,
        target: a.target,
        toMany: isToMany(a),
        required: a.required === true,
        readOnly: readOnly.has(name) || isToMany(a),
        link: {
          table: a.joinTable.name,
          own: a.joinTable.joinColumn.name,
          other: a.joinTable.inverseJoinColumn.name,
          ...(a.joinTable.inverseOrderColumnName ? { inverseOrder: a.joinTable.inverseOrderColumnName } : {}),
          ...(a.joinTable.orderColumnName ? { order: a.joinTable.orderColumnName } : {}),
        },
        label: {
          attribute: labelName,
          table: target.tableName,
          column: labelName === 'documentId' ? 'document_id' : (labelAttr?.columnName ?? labelName),
          softDeletes: 'deletedAt' in target.attributes,
          tenantOwned: isTenantOwned(target),
        },
      });
      continue;
    }
    const type = SCALARS[a.type];
    if (!type) continue;
    columns.push({
      kind: 'scalar',
      name,
      dbColumn: a.columnName ?? name,
      type,
      attributeType: a.type,
      required: a.required === true,
      ...(a.enum ? { enum: a.enum } : {}),
      ...(num(a.min) !== undefined ? { min: num(a.min) } : {}),
      ...(num(a.max) !== undefined ? { max: num(a.max) } : {}),
      ...(VARCHAR_255.has(a.type) ? { maxLength: Math.min(a.maxLength || VARCHAR_LENGTH, VARCHAR_LENGTH) } : a.maxLength ? { maxLength: a.maxLength } : {}),
      ...(a.default !== undefined && typeof a.default !== 'function' ? { default: a.default } : {}),
      readOnly: readOnly.has(name) || TIMESTAMPS.has(name),
    });
  }
  const tenantOwned = isTenantOwned(model);
  const naturalKey = [...(definition.naturalKey ?? [labelAttribute(model, definition)])];
  if (tenantOwned && !naturalKey.includes('account')) naturalKey.push('account');
  // Only an import upserts by the key; export-only datasets may have none.
  for (const key of definition.import ? naturalKey : []) {
    const column = columns.find((c) => c.name === key);
    if (!column || column.readOnly || (column.kind === 'relation' && column.toMany)) {
      throw new Error(`import-export: ${model.uid} natural key "${key}" is not an importable scalar or to-one relation`);
    }
  }
  return { uid: model.uid, table: model.tableName, import: definition.import, softDeletes: 'deletedAt' in model.attributes, tenantOwned, naturalKey, columns };
};

/** The columns an import may write. */
export const writableColumns = (dataset: ResolvedDataset) => dataset.columns.filter((c) => !c.readOnly);
