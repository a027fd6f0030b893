import type { Core } from '@strapi/strapi';
import { validate } from '../../../../lib/validate';
import { getService } from './utils/get-service';
import { signupExtras } from './validation/schemas';

/**
 * `POST /api/auth/local/register` (and GraphQL `register`) also creates the new user's account on the
 * Free plan, with the user as owner, in the same transaction: no user is ever left without an account.
 * The body may carry `accountName`; any other extra field is refused by users-permissions itself.
 */
export const wrapSignup = (strapi: Core.Strapi) => {
  const auth = strapi.plugin('users-permissions').controller('auth') as Record<string, (ctx: any) => Promise<unknown>>;
  const original = auth.register;

  auth.register = async (ctx: any) => {
    const { accountName, ...rest } = ctx.request.body ?? {};
    const extras = validate(signupExtras, accountName === undefined ? {} : { accountName });
    ctx.request.body = rest;
    await strapi.db.transaction(async () => {
      await getService(strapi, 'tenant-context').runAsSystem(() => original(ctx) as Promise<unknown>);
      const user = ctx.body?.user;
      if (!user?.id) return;
      const account = await getService(strapi, 'accounts').createForOwner({
        userId: user.id,
        name: extras.accountName ?? `${user.username}'s account`,
      });
      ctx.body = {
        ...ctx.body,
        user: { ...user, accountRole: 'owner', account: { documentId: account.documentId, name: account.name, slug: account.slug } },
      };
    });
  };
};
