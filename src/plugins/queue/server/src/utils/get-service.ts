import type { Core } from '@strapi/strapi';
import type { QueueService } from '../services/queues';

/** Typed access for other plugins: `getQueueService(strapi).define(...)`. */
export const getQueueService = (strapi: Core.Strapi): QueueService =>
  strapi.plugin('queue').service('queues') as QueueService;
