import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PublicForbiddenError } from '../utils/public-forbidden';
import { ACCOUNT_UID, FREE_PLAN_SLUG, PLAN_UID, USER_UID } from '../domain/constants';
import { canAssignRole, canManageMembers, type AccountRole } from '../domain/roles';
import { slugify } from '../domain/slugify';
import type { Tenant } from '../domain/tenant';
import { getService } from '../utils/get-service';

type TenantOf = Extract<Tenant, { kind: 'tenant' }>;

const MEMBER_FIELDS = ['id', 'documentId', 'username', 'email', 'accountRole', 'blocked', 'confirmed', 'createdAt'] as const;

/** Accounts and their members: signup, the account's own settings, and who belongs to it. */
export const createAccountsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const asSystem = <T>(fn: () => Promise<T>) => getService(strapi, 'tenant-context').runAsSystem(fn);

  const requireManager = (tenant: TenantOf) => {
    if (!canManageMembers(tenant.role)) throw new PublicForbiddenError('Only the account owner or an admin can do this');
  };

  async function uniqueSlug(name: string) {
    const base = slugify(name);
    const taken = await strapi.db.query(ACCOUNT_UID).count({ where: { slug: base } });
    return taken ? `${base}-${randomBytes(3).toString('hex')}` : base;
  }

  async function authenticatedRoleId(): Promise<number> {
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' }, select: ['id'] });
    if (!role) throw new errors.ApplicationError('The authenticated role is missing');
    return role.id;
  }

  async function memberOrThrow(tenant: TenantOf, userId: number) {
    const member = await strapi.db.query(USER_UID).findOne({
      where: { id: userId, account: { id: tenant.accountId }, deletedAt: null },
      select: [...MEMBER_FIELDS],
    });
    if (!member) throw new errors.NotFoundError('Member not found');
    return member;
  }

  return {
    /**
     * Gives a freshly registered user its own account on the Free plan, as owner. Runs inside the
     * signup transaction, so a failure here also undoes the user.
     */
    async createForOwner({ userId, name }: { userId: number; name: string }) {
      return asSystem(async () => {
        const plan = await strapi.db.query(PLAN_UID).findOne({ where: { slug: FREE_PLAN_SLUG }, select: ['id', 'documentId'] });
        if (!plan) throw new errors.ApplicationError('The Free plan is missing; signups are closed until it exists');
        const user = await strapi.db.query(USER_UID).findOne({ where: { id: userId }, select: ['id', 'documentId'] });
        const account = await strapi.documents(ACCOUNT_UID).create({
          data: { name, slug: await uniqueSlug(name), plan: plan.documentId, owner: user.documentId, status: 'active' } as any,
        });
        await strapi.db.query(USER_UID).update({ where: { id: userId }, data: { account: account.id, accountRole: 'owner' } });
        return account;
      });
    },

    async get(tenant: TenantOf) {
      const account = await asSystem(() =>
        strapi.documents(ACCOUNT_UID).findOne({
          documentId: tenant.accountDocumentId,
          fields: ['name', 'slug', 'status', 'planCredits', 'bonusCredits', 'billingEmail', 'billingAddress', 'billingCountry', 'createdAt'] as any,
          populate: { plan: { fields: ['name', 'slug', 'price', 'currency', 'billingCycle', 'includedCredits', 'maxSites', 'maxUsers', 'maxKeywords'] } } as any,
        })
      );
      const usage: Record<string, number> = {};
      const model = account as Record<string, unknown>;
      for (const limit of getService(strapi, 'plan-limits').all()) {
        usage[limit.noun[1]] = await getService(strapi, 'ownership').countForAccount({ uid: limit.uid, accountId: tenant.accountId });
      }
      return { ...model, role: tenant.role, usage };
    },

    async update(tenant: TenantOf, data: Record<string, unknown>) {
      requireManager(tenant);
      return asSystem(() => strapi.documents(ACCOUNT_UID).update({ documentId: tenant.accountDocumentId, data: data as any }));
    },

    async listMembers(tenant: TenantOf) {
      return strapi.db.query(USER_UID).findMany({
        where: { account: { id: tenant.accountId }, deletedAt: null },
        select: [...MEMBER_FIELDS],
        orderBy: { id: 'asc' },
      });
    },

    async addMember(tenant: TenantOf, body: { username: string; email: string; password: string; role: AccountRole }) {
      requireManager(tenant);
      if (!canAssignRole(tenant.role, body.role)) throw new PublicForbiddenError(`An ${tenant.role} cannot add a member with the ${body.role} role`);
      const email = body.email.toLowerCase();
      return strapi.db.transaction(async ({ trx }) => {
        await getService(strapi, 'plan-limits').assertRoom({ uid: USER_UID, accountId: tenant.accountId, trx });
        const taken = await strapi.db.query(USER_UID).count({ where: { $or: [{ email }, { username: body.username }] } });
        if (taken) {
          throw new errors.ValidationError('email: is already registered, or username is taken', {
            errors: [{ path: ['email'], message: 'is already registered, or username is taken', name: 'ValidationError' }],
          });
        }
        const role = await authenticatedRoleId();
        const user: { id: number } = await asSystem(() =>
          strapi.plugin('users-permissions').service('user').add({
            username: body.username,
            email,
            password: body.password,
            provider: 'local',
            confirmed: true,
            blocked: false,
            role,
            account: tenant.accountDocumentId,
            accountRole: body.role,
          })
        );
        return memberOrThrow(tenant, user.id);
      });
    },

    async updateMember(tenant: TenantOf, userId: number, role: AccountRole) {
      requireManager(tenant);
      const member = await memberOrThrow(tenant, userId);
      if (member.accountRole === 'owner') throw new PublicForbiddenError('The owner\'s role cannot be changed');
      if (!canAssignRole(tenant.role, member.accountRole) || !canAssignRole(tenant.role, role)) {
        throw new PublicForbiddenError(`An ${tenant.role} cannot change a member from ${member.accountRole} to ${role}`);
      }
      await strapi.db.query(USER_UID).update({ where: { id: userId }, data: { accountRole: role } });
      return memberOrThrow(tenant, userId);
    },

    /** Soft-deletes and blocks the user: its JWTs stop working at once, and staff can restore it. */
    async removeMember(tenant: TenantOf, userId: number) {
      requireManager(tenant);
      const member = await memberOrThrow(tenant, userId);
      if (member.accountRole === 'owner') throw new PublicForbiddenError('The owner cannot be removed from the account');
      if (!canAssignRole(tenant.role, member.accountRole)) throw new PublicForbiddenError(`An ${tenant.role} cannot remove an ${member.accountRole}`);
      await strapi.db.query(USER_UID).update({ where: { id: userId }, data: { blocked: true, deletedAt: new Date() } });
    },
  };
};

export type AccountsService = ReturnType<typeof createAccountsService>;
