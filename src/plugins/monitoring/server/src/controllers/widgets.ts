import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

/** Data routes of the homepage widgets; each route is guarded by the widget's own action. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const widgets = () => getService(strapi, 'widgets');
  return {
    async accounts(ctx: any) {
      ctx.body = { data: await widgets().accounts() };
    },
    async content(ctx: any) {
      ctx.body = { data: await widgets().content() };
    },
    async billing(ctx: any) {
      ctx.body = { data: await widgets().billing() };
    },
    async health(ctx: any) {
      ctx.body = { data: await widgets().health() };
    },
    async queues(ctx: any) {
      ctx.body = { data: await widgets().queues() };
    },
    async activity(ctx: any) {
      const ability = ctx.state.userAbility;
      ctx.body = { data: await widgets().activity((action) => Boolean(ability?.can(action))) };
    },
  };
};
