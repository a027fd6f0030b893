export const UID = {
  global: 'plugin::settings.global-integration',
  override: 'plugin::settings.account-override',
  globalPrompt: 'plugin::settings.global-prompt',
  accountPrompt: 'plugin::settings.account-prompt',
  globalAuthorProfile: 'plugin::settings.global-author-profile',
  authorProfile: 'plugin::settings.author-profile',
  globalStrategy: 'plugin::settings.global-strategy',
  strategy: 'plugin::settings.strategy',
  accountSetting: 'plugin::settings.account-setting',
  userPreference: 'plugin::settings.user-preference',
} as const;

export const ACCOUNT_UID = 'api::account.account';
export const PLAN_UID = 'api::plan.plan';
export const USER_UID = 'plugin::users-permissions.user';

/** Admin RBAC actions (plugin::settings.<uid>). */
export const ACTIONS = {
  read: 'plugin::settings.read',
  manage: 'plugin::settings.manage',
  manageKeys: 'plugin::settings.keys.manage',
} as const;
