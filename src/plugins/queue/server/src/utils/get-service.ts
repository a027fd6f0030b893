import type { Core } from '@strapi/strapi';
import type { QueueService } from '../services/queues';
import type { RecoveryService } from '../services/recovery';

/** Typed access for other plugins: `getQueueService(strapi).define(...)`. */
export const getQueueService = (strapi: Core.Strapi): QueueService =>
  strapi.plugin('queue').service('queues') as QueueService;

/** Typed access to lost-job recovery: `getRecoveryService(strapi).register({ name, queue, expected })`. */
export const getRecoveryService = (strapi: Core.Strapi): RecoveryService => strapi.plugin('queue').service('recovery') as RecoveryService;
