/** Roles of a user inside its account, strongest first. */
export const ACCOUNT_ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

const rank = (role: AccountRole) => ACCOUNT_ROLES.indexOf(role);

export const isAccountRole = (value: unknown): value is AccountRole =>
  typeof value === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(value);

/** Viewers read; everyone else may create, change and delete the account's content. */
export const canWriteContent = (role: AccountRole) => rank(role) <= rank('editor');

/** Owners and admins manage users and API keys. */
export const canManageMembers = (role: AccountRole) => rank(role) <= rank('admin');

/**
 * Whether `actor` may give (or take away) `target`: never "owner" (there is exactly one, set at signup),
 * and only roles weaker than or equal to its own (an admin can make admins, not owners).
 */
export const canAssignRole = (actor: AccountRole, target: AccountRole) =>
  target !== 'owner' && canManageMembers(actor) && rank(actor) <= rank(target);
