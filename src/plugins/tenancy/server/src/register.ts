import type { Core } from '@strapi/strapi';
import { ACCOUNT_UID, USER_UID } from './domain/constants';
import { ACCOUNT_ROLES } from './domain/roles';
import { registerGraphqlExtension } from './graphql/extension';
import { createDocumentScopeMiddleware } from './middlewares/document-scope';
import { createUniqueWithinMiddleware } from './middlewares/unique-within';
import { wrapSignup } from './signup';
import { createAccountKeyStrategy } from './strategies/account-key';
import { getService } from './utils/get-service';

const systemManaged = { tenancy: { systemManaged: true } };

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Users belong to one account with a role. Added here rather than by copying users-permissions'
  // schema into src/extensions, so upgrades of that plugin keep working.
  const user = strapi.contentType(USER_UID) as any;
  user.attributes.account = { type: 'relation', relation: 'manyToOne', target: ACCOUNT_UID, pluginOptions: systemManaged };
  user.attributes.accountRole = { type: 'enumeration', enum: [...ACCOUNT_ROLES], pluginOptions: systemManaged };

  strapi.get('auth').register('content-api', createAccountKeyStrategy(strapi));
  // Registered before soft delete's (which waits for bootstrap): the first middleware is the
  // outermost, and who may see a document must be decided before anything else acts on it.
  strapi.documents.use(createDocumentScopeMiddleware(strapi) as any);
  // Inside the scope middleware, so a tenant's create already carries its account.
  strapi.documents.use(createUniqueWithinMiddleware(strapi) as any);
  wrapSignup(strapi);
  registerGraphqlExtension(strapi);

  const limits = getService(strapi, 'plan-limits');
  limits.register({ uid: 'api::site.site', planField: 'maxSites', noun: ['site', 'sites'] });
  limits.register({ uid: 'api::keyword.keyword', planField: 'maxKeywords', noun: ['keyword', 'keywords'] });
  limits.register({ uid: USER_UID, planField: 'maxUsers', noun: ['user', 'users'] });
};
