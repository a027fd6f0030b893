import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::content-taxonomy.content-taxonomy');
