import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::industry-sector.industry-sector');
