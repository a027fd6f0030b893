import { andFilters } from './filters';

interface AttributeLike { type: string; target?: string; component?: string; components?: string[] }
interface ContentTypeLike { attributes: Record<string, AttributeLike> }
export type SchemaLookup = (uid: string) => ContentTypeLike | undefined;

type PopulateEntry = Record<string, unknown>;
export type FilterFor = (targetUid: string) => Record<string, unknown> | undefined;

const POPULATABLE = new Set(['relation', 'media', 'component', 'dynamiczone']);

const populatable = (contentType: ContentTypeLike) =>
  Object.entries(contentType.attributes)
    .filter(([, attribute]) => POPULATABLE.has(attribute.type))
    .map(([name]) => name);

/** `['cluster.keywords', 'site']` -> `{ cluster: { populate: { keywords: true } }, site: true }` */
const pathsToObject = (paths: string[]): PopulateEntry => {
  const root: PopulateEntry = {};
  for (const path of paths.map((p) => p.trim()).filter(Boolean)) {
    let level = root;
    const parts = path.split('.');
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      if (part === '*') return;
      const existing = level[part];
      if (last) {
        if (existing === undefined) level[part] = true;
        return;
      }
      const entry: PopulateEntry = typeof existing === 'object' && existing !== null ? (existing as PopulateEntry) : {};
      const next = (typeof entry.populate === 'object' && entry.populate !== null ? entry.populate : {}) as PopulateEntry;
      entry.populate = parts[i + 1] === '*' ? '*' : next;
      level[part] = entry;
      level = next;
    });
  }
  return root;
};

const toObject = (populate: unknown, contentType: ContentTypeLike): PopulateEntry | undefined => {
  if (populate === '*' || populate === true) return Object.fromEntries(populatable(contentType).map((name) => [name, true]));
  if (typeof populate === 'string') return pathsToObject(populate.split(','));
  if (Array.isArray(populate)) return pathsToObject(populate.flatMap((p) => (typeof p === 'string' ? p.split(',') : [])));
  if (typeof populate === 'object' && populate !== null) return { ...(populate as PopulateEntry) };
  return undefined;
};

/**
 * Rewrites a Document Service `populate` so every relation, at every depth, carries the filter
 * `filterFor(targetUid)` returns for its target (none when it returns undefined). Populated relations
 * are loaded by separate Query Engine queries that never pass through Document Service middlewares,
 * so this is how a middleware's rule (tenant scope, soft delete) reaches them.
 */
export const filterPopulate = (populate: unknown, uid: string, lookup: SchemaLookup, filterFor: FilterFor): unknown => {
  const contentType = lookup(uid);
  if (!contentType || populate === undefined || populate === null || populate === false) return populate;
  const entries = toObject(populate, contentType);
  if (!entries) return populate;

  for (const [name, value] of Object.entries(entries)) {
    const attribute = contentType.attributes[name];
    if (!attribute || value === false) continue;
    const entry: PopulateEntry = value === true || value === '*' ? {} : { ...(value as PopulateEntry) };
    if (value === '*') entry.populate = '*';

    if (attribute.type === 'relation' && attribute.target) {
      const scope = filterFor(attribute.target);
      if (scope) entry.filters = andFilters(entry.filters, scope);
      if (entry.populate !== undefined) entry.populate = filterPopulate(entry.populate, attribute.target, lookup, filterFor);
    } else if (attribute.type === 'component') {
      const component = attribute.component;
      if (component && entry.populate !== undefined) entry.populate = filterPopulate(entry.populate, component, lookup, filterFor);
    } else if (attribute.type === 'dynamiczone') {
      // `populate: '*'` loads every component's relations: spelled out as one fragment per component so they get filtered.
      if (entry.populate === '*' && entry.on === undefined && Array.isArray(attribute.components)) {
        entry.on = Object.fromEntries(attribute.components.map((component) => [component, { populate: '*' }]));
        delete entry.populate;
      }
      // Each fragment (`on: { [component]: entry }`) is a populate entry, not a populate map: filter its own `populate`.
      if (typeof entry.on === 'object' && entry.on !== null) {
        entry.on = Object.fromEntries(
          Object.entries(entry.on as PopulateEntry).map(([component, sub]) => [
            component,
            typeof sub === 'object' && sub !== null && (sub as PopulateEntry).populate !== undefined
              ? { ...(sub as PopulateEntry), populate: filterPopulate((sub as PopulateEntry).populate, component, lookup, filterFor) }
              : sub,
          ])
        );
      }
    }
    entries[name] = Object.keys(entry).length > 0 ? entry : true;
  }
  return entries;
};
