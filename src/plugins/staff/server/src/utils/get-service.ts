import type { Core } from '@strapi/strapi';
import type { AbilityCacheService } from '../services/ability-cache';
import type { FirstAdminService } from '../services/first-admin';
import type { NavigationService } from '../services/navigation';
import type { RolesService } from '../services/roles';

interface Services {
  roles: RolesService;
  'first-admin': FirstAdminService;
  navigation: NavigationService;
  'ability-cache': AbilityCacheService;
}

/** Typed access to this plugin's services. */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin('staff').service(name) as Services[K];
