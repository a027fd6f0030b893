import bootstrap from './bootstrap';
import config from './config';
import costConfig from './content-types/cost-config/schema.json';
import modelConfig from './content-types/model-config/schema.json';
import staff from './controllers/staff';
import tenant from './controllers/tenant';
import { registerCreditsGraphql } from './graphql';
import register from './register';
import routes from './routes';
import { createAlertsService } from './services/alerts';
import { createLedgerService } from './services/ledger';
import { createPricingService } from './services/pricing';
import type { Core } from '@strapi/strapi';

export default {
  register(args: { strapi: Core.Strapi }) {
    register(args);
    registerCreditsGraphql(args.strapi);
  },
  bootstrap,
  config,
  contentTypes: { 'cost-config': { schema: costConfig }, 'model-config': { schema: modelConfig } },
  controllers: { tenant, staff },
  routes,
  services: { ledger: createLedgerService, pricing: createPricingService, alerts: createAlertsService },
};

export { getCreditsService } from './utils/get-service';
export * from './domain/errors';
