import type { Core } from '@strapi/strapi';
import type { AttachService } from '../services/attach';

interface Services {
  attach: AttachService;
}

export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] => strapi.plugin('media').service(name) as Services[K];
