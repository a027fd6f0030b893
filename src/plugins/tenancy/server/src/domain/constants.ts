export const ACCOUNT_UID = 'api::account.account';
export const PLAN_UID = 'api::plan.plan';
export const USER_UID = 'plugin::users-permissions.user';
export const API_KEY_UID = 'plugin::tenancy.api-key';
/** The field that makes a content type tenant-owned. */
export const ACCOUNT_FIELD = 'account';
export const FREE_PLAN_SLUG = 'free';
export const SYSTEM_ACCOUNT_SLUG = 'igny8-system';
