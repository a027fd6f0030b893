import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::content-taxonomy.content-taxonomy');
