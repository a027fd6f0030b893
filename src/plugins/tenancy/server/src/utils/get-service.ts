import type { Core } from '@strapi/strapi';
import type { AccountsService } from '../services/accounts';
import type { ApiKeysService } from '../services/api-keys';
import type { OwnershipService } from '../services/ownership';
import type { PlanLimitsService } from '../services/plan-limits';
import type { SchemaService } from '../services/schema';
import type { TenantContextService } from '../services/tenant-context';

interface Services {
  accounts: AccountsService;
  'api-keys': ApiKeysService;
  ownership: OwnershipService;
  'plan-limits': PlanLimitsService;
  schema: SchemaService;
  'tenant-context': TenantContextService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('tenancy').service(name) as Services[K];
