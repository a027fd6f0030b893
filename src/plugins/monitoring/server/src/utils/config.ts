import type { Core } from '@strapi/strapi';
import { resolveConfig, type MonitoringConfig } from '../domain/config';

export const getConfig = (strapi: Core.Strapi): MonitoringConfig => resolveConfig(strapi.config.get('plugin::monitoring'));
