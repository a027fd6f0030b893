import type { Core } from '@strapi/strapi';
import config from './config';
import contentTypes from './content-types';
import admin from './controllers/admin';
import tenant from './controllers/tenant';
import { templatesController } from './controllers/templates';
import { registerGraphql } from './graphql';
import { grantTenantRoutes, registerAdminActions } from './permissions';
import adminRoutes from './routes/admin';
import contentApi from './routes/content-api';
import { createConnectionTestService } from './services/connection-test';
import { createIntegrationService } from './services/integration';
import { createInvalidationService } from './services/invalidation';
import { createKeyRingService } from './services/key-ring';
import { createPreferencesService } from './services/preferences';
import { createPromptsService } from './services/prompts';
import { createResolverService } from './services/resolver';
import { createSeedService } from './services/seed';
import { createStoreService } from './services/store';
import { createTemplatesService } from './services/templates';
import { errors } from '@strapi/utils';
import { ACCOUNT_UID, PLAN_UID, UID } from './utils/constants';
import { getService } from './utils/get-service';

export default {
  config,
  contentTypes,
  controllers: { tenant, admin, 'author-profiles': templatesController('author-profiles'), strategies: templatesController('strategies') },
  routes: { 'content-api': contentApi, admin: adminRoutes },
  services: {
    'connection-test': createConnectionTestService,
    integration: createIntegrationService,
    invalidation: createInvalidationService,
    'key-ring': createKeyRingService,
    preferences: createPreferencesService,
    prompts: createPromptsService,
    resolver: createResolverService,
    seed: createSeedService,
    store: createStoreService,
    templates: createTemplatesService,
  },

  register({ strapi }: { strapi: Core.Strapi }) {
    registerGraphql(strapi);
    // Our types are hidden from the Content Manager; this refuses them there even by direct URL, so
    // encrypted columns and other accounts' rows never reach it. Services use the Query Engine.
    const ours = new Set<string>(Object.values(UID));
    strapi.documents.use(((context: any, next: () => Promise<unknown>) => {
      if (!ours.has(context.uid)) return next();
      const url: string = (strapi.requestContext.get() as any)?.request?.url ?? '';
      if (url.startsWith('/content-manager')) throw new errors.NotFoundError('Not Found');
      return next();
    }) as any);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await registerAdminActions(strapi);
    await grantTenantRoutes(strapi);
    await getService(strapi, 'seed').run();

    getService(strapi, 'resolver').listen();
    await getService(strapi, 'invalidation').start();
    // A plan change (billing, staff, a script through the Query Engine) changes what an account may
    // override and which modules it has: lifecycles see Document Service and Query Engine writes alike.
    const resolver = () => getService(strapi, 'resolver');
    strapi.db.lifecycles.subscribe({
      models: [ACCOUNT_UID],
      // Only the plan matters to the resolver: other account updates (credit balances, frequent) leave the cache alone.
      afterUpdate: (event: any) => {
        const data = event.params?.data ?? {};
        if (!('plan' in data)) return;
        void resolver().invalidate(event.result?.id ? { scope: 'account', accountId: event.result.id } : { scope: 'global' });
      },
      afterUpdateMany: (event: any) => {
        const data = event.params?.data ?? {};
        if ('plan' in data) void resolver().invalidate({ scope: 'global' });
      },
    });
    strapi.db.lifecycles.subscribe({
      models: [PLAN_UID],
      afterUpdate: () => void resolver().invalidate({ scope: 'global' }),
      afterUpdateMany: () => void resolver().invalidate({ scope: 'global' }),
    });
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await getService(strapi, 'invalidation').stop();
  },
};
