import type { Core } from '@strapi/strapi';
import type { SoftDeleteService } from '../services/soft-delete';

export const getSoftDeleteService = (strapi: Core.Strapi): SoftDeleteService =>
  strapi.plugin('soft-delete').service('soft-delete') as SoftDeleteService;
