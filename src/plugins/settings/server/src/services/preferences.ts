import type { Core } from '@strapi/strapi';
import { resolveUserPreferences, type UserPreferences } from '../domain/user-preferences';
import type { AccountSettingsData } from '../domain/types';
import { UID } from '../utils/constants';
import { q } from '../utils/db';
import { getService } from '../utils/get-service';

/** Account settings (modules, publishing) and user preferences. */
export const createPreferencesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async updateAccountSettings(accountId: number, changes: Partial<AccountSettingsData>) {
    const row = await getService(strapi, 'store').accountSettingRow(accountId);
    const data = {
      modules: { ...(row?.modules ?? {}), ...(changes.modules ?? {}) },
      publishing: { ...(row?.publishing ?? {}), ...(changes.publishing ?? {}) },
    };
    if (row) await q(strapi, UID.accountSetting).update({ where: { id: row.id }, data });
    else await q(strapi, UID.accountSetting).create({ data: { ...data, account: accountId } });
    await getService(strapi, 'resolver').invalidate({ scope: 'account', accountId });
    const effective = await getService(strapi, 'resolver').effective(accountId);
    return { modules: effective.modules, publishing: effective.publishing };
  },

  async getUserPreferences(userId: number) {
    const row = await q(strapi, UID.userPreference).findOne({ where: { user: { id: userId } } });
    return resolveUserPreferences(row?.values ?? {});
  },

  async updateUserPreferences(userId: number, changes: Partial<UserPreferences>) {
    const row = await q(strapi, UID.userPreference).findOne({ where: { user: { id: userId } } });
    const values = { ...(row?.values ?? {}), ...changes };
    if (row) await q(strapi, UID.userPreference).update({ where: { id: row.id }, data: { values } });
    else await q(strapi, UID.userPreference).create({ data: { user: userId, values } });
    return resolveUserPreferences(values);
  },
});

export type PreferencesService = ReturnType<typeof createPreferencesService>;
