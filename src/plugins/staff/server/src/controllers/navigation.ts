import type { Core } from '@strapi/strapi';
import type { GetNavigation } from '../../../shared/contracts/admin-navigation';
import { getService } from '../utils/get-service';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    const groups = await getService(strapi, 'navigation').list(ctx.state.userAbility);
    ctx.body = { data: { groups } } satisfies GetNavigation.Response;
  },
});
