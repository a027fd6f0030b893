import global_integration from './global-integration/schema.json';
import account_override from './account-override/schema.json';
import global_prompt from './global-prompt/schema.json';
import account_prompt from './account-prompt/schema.json';
import global_author_profile from './global-author-profile/schema.json';
import author_profile from './author-profile/schema.json';
import global_strategy from './global-strategy/schema.json';
import strategy from './strategy/schema.json';
import account_setting from './account-setting/schema.json';
import user_preference from './user-preference/schema.json';

export default {
  'global-integration': { schema: global_integration },
  'account-override': { schema: account_override },
  'global-prompt': { schema: global_prompt },
  'account-prompt': { schema: account_prompt },
  'global-author-profile': { schema: global_author_profile },
  'author-profile': { schema: author_profile },
  'global-strategy': { schema: global_strategy },
  'strategy': { schema: strategy },
  'account-setting': { schema: account_setting },
  'user-preference': { schema: user_preference },
};
