/**
 * The admin sidebar groups of seed 002 (`../shared/seeds/admin-improvement-plan.md`, 1.3), in display
 * order. Content types opt in with `pluginOptions['admin-groups'].group`; a type that names no known
 * group is listed under "Other" so nothing disappears from the navigation.
 */
export const ADMIN_GROUPS = [
  { id: 'billing-accounts', label: 'Billing & Accounts' },
  { id: 'sites-users', label: 'Sites & Users' },
  { id: 'content-management', label: 'Content Management' },
  { id: 'planning-strategy', label: 'Planning & Strategy' },
  { id: 'integrations-publishing', label: 'Integrations & Publishing' },
  { id: 'reference-data', label: 'Reference Data' },
  { id: 'system', label: 'System' },
] as const;

export const OTHER_GROUP = { id: 'other', label: 'Other' } as const;

export interface GroupableType<T> {
  group: string | undefined;
  displayName: string;
  item: T;
}

export interface Grouped<T> {
  id: string;
  label: string;
  items: T[];
}

/**
 * Pure: buckets items by group in ADMIN_GROUPS order (then Other), sorted by display name inside a
 * group. Empty groups are left out.
 */
export const groupByAdminGroup = <T>(types: Array<GroupableType<T>>): Array<Grouped<T>> => {
  const known = new Set<string>(ADMIN_GROUPS.map((g) => g.id));
  const order = [...ADMIN_GROUPS, OTHER_GROUP];
  return order
    .map(({ id, label }) => ({
      id,
      label,
      items: types
        .filter((t) => (t.group && known.has(t.group) ? t.group : OTHER_GROUP.id) === id)
        .sort((a, b) => a.displayName.localeCompare(b.displayName))
        .map((t) => t.item),
    }))
    .filter((g) => g.items.length > 0);
};
