import bootstrap from './bootstrap';
import config from './config';
import account from './controllers/account';
import apiKeysController from './controllers/api-keys';
import members from './controllers/members';
import apiKeySchema from './content-types/api-key/schema.json';
import register from './register';
import contentApi from './routes/content-api';
import { createAccountsService } from './services/accounts';
import { createApiKeysService } from './services/api-keys';
import { createOwnershipService } from './services/ownership';
import { createPlanLimitsService } from './services/plan-limits';
import { createSchemaService } from './services/schema';
import { createTenantContextService } from './services/tenant-context';

export default {
  register,
  bootstrap,
  config,
  contentTypes: { 'api-key': { schema: apiKeySchema } },
  controllers: { account, members, 'api-keys': apiKeysController },
  routes: { 'content-api': contentApi },
  services: {
    accounts: createAccountsService,
    'api-keys': createApiKeysService,
    ownership: createOwnershipService,
    'plan-limits': createPlanLimitsService,
    schema: createSchemaService,
    'tenant-context': createTenantContextService,
  },
};
