import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::seed-keyword.seed-keyword');
