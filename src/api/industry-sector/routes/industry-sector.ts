import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::industry-sector.industry-sector');
