import type { Core } from '@strapi/strapi';
import { parseAllowList } from '../domain/address-guard';

/** Address-guard and timeout options for every WordPress client, from the plugin config. */
export const guardOptions = (strapi: Core.Strapi) => ({
  allow: parseAllowList(strapi.config.get('plugin::publishing.allowedHosts') as string),
  timeoutMs: strapi.config.get('plugin::publishing.requestTimeoutMs') as number,
});
