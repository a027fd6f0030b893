import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getSoftDeleteService } from '../utils/get-service';

/** Maps the plural name in the URL to a soft-deleting content type, so URLs read like REST's. */
const uidFor = (strapi: Core.Strapi, pluralName: string) => {
  const uid = getSoftDeleteService(strapi).enabledUids().find((u) => (strapi.contentTypes as any)[u].info.pluralName === pluralName);
  if (!uid) throw new errors.NotFoundError(`No soft-deleting type is called "${pluralName}"`);
  return uid;
};

const documentIdOf = (value: unknown) => {
  if (typeof value !== 'string' || !/^[a-z0-9]{10,40}$/.test(value)) {
    throw new errors.ValidationError('documentId: must be a document id', { errors: [{ path: ['documentId'], message: 'must be a document id', name: 'ValidationError' }] });
  }
  return value;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async restore(ctx: any) {
    const uid = uidFor(strapi, ctx.params.pluralName);
    const data = await getSoftDeleteService(strapi).restore(uid, documentIdOf(ctx.params.documentId));
    const sanitized = await strapi.contentAPI.sanitize.output(data, strapi.contentType(uid as any), { auth: ctx.state.auth });
    ctx.body = { data: sanitized };
  },
  async adminRestore(ctx: any) {
    const uid = ctx.params.uid;
    if (!getSoftDeleteService(strapi).enabledFor(uid)) throw new errors.NotFoundError(`${uid} does not soft-delete`);
    const permissions = strapi.plugin('content-manager').service('permission-checker').create({ userAbility: ctx.state.userAbility, model: uid });
    if (permissions.cannot.update()) throw new errors.ForbiddenError();
    ctx.body = { data: await getSoftDeleteService(strapi).restore(uid, documentIdOf(ctx.params.documentId)) };
  },
});
