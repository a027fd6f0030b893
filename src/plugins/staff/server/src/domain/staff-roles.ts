/** The staff roles the seeds ask for, beside Strapi's Super Admin. Codes are stable identifiers. */
export const STAFF_ROLES = [
  { code: 'igny8-content-manager', name: 'Content Manager', description: 'Plans, writes and publishes tenant content; no billing.' },
  { code: 'igny8-billing-admin', name: 'Billing Administrator', description: 'Accounts, plans, subscriptions, payments and credits.' },
  { code: 'igny8-support-agent', name: 'Support Agent', description: 'Read-only access to everything, to help tenants.' },
] as const;

export type StaffRoleCode = (typeof STAFF_ROLES)[number]['code'];

/** The admin groups of seed 002 whose content types each role may change (Support Agent reads all). */
export const ROLE_WRITE_GROUPS: Record<StaffRoleCode, string[]> = {
  'igny8-content-manager': ['content-management', 'planning-strategy', 'sites-users', 'reference-data'],
  'igny8-billing-admin': ['billing-accounts'],
  'igny8-support-agent': [],
};
