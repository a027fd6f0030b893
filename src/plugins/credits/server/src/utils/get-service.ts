import type { Core } from '@strapi/strapi';
import type { AlertsService } from '../services/alerts';
import type { LedgerService } from '../services/ledger';
import type { PricingService } from '../services/pricing';

interface Services {
  ledger: LedgerService;
  pricing: PricingService;
  alerts: AlertsService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('credits').service(name) as Services[K];

/** For other plugins: `getCreditsService(strapi, 'ledger').reserve(...)`. */
export const getCreditsService = getService;
