import type { Core } from '@strapi/strapi';
import trash from './controllers/trash';
import { createSoftDeleteMiddleware } from './middlewares/soft-delete';
import routes from './routes';
import { createSoftDeleteService } from './services/soft-delete';

interface SoftDeleteConfig {
  /** Content types of other plugins to soft-delete (ours opt in with pluginOptions['soft-delete'].enabled). */
  extraContentTypes: string[];
}

export default {
  config: {
    default: (): SoftDeleteConfig => ({ extraContentTypes: [] }),
    validator(config: SoftDeleteConfig) {
      if (!Array.isArray(config.extraContentTypes)) throw new Error('soft-delete.extraContentTypes must be an array of uids');
    },
  },
  services: { 'soft-delete': createSoftDeleteService },
  controllers: { trash },
  routes,

  register({ strapi }: { strapi: Core.Strapi }) {
    const extra = strapi.config.get('plugin::soft-delete.extraContentTypes') as string[];
    for (const contentType of Object.values(strapi.contentTypes) as any[]) {
      if (contentType.pluginOptions?.['soft-delete']?.enabled !== true && !extra.includes(contentType.uid)) continue;
      contentType.attributes.deletedAt = {
        type: 'datetime',
        // Tenants delete and restore through the API; they never write the stamp itself.
        pluginOptions: { 'soft-delete': { stamp: true }, tenancy: { systemManaged: true } },
      };
    }
  },

  bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Registered in bootstrap, after every plugin's register(), so it runs inside tenancy's middleware:
    // a delete is stamped only once tenancy has decided the caller may touch the document.
    strapi.documents.use(createSoftDeleteMiddleware(strapi) as any);
  },
};
