import type { Core } from '@strapi/strapi';
import { ensureRolePermissions } from '../../../tenancy/server/src/permissions';
import config from './config';
import images from './controllers/images';
import routes from './routes';
import { createAttachService } from './services/attach';

export default {
  config,
  services: { attach: createAttachService },
  controllers: { images },
  routes,
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Account members may attach files to their images; the controller refuses viewers.
    await ensureRolePermissions(strapi, 'authenticated', ['plugin::media.images.attachFile']);
  },
};
