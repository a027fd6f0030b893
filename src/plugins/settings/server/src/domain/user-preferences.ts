/** The last settings level: one user's preferences over the platform defaults. */
export interface UserPreferences {
  language: string;
  timezone: string;
  emailNotifications: boolean;
  defaultAuthorProfile: string | null;
  defaultStrategy: string | null;
}

export const DEFAULT_USER_PREFERENCES: UserPreferences = {
  language: 'en',
  timezone: 'UTC',
  emailNotifications: true,
  defaultAuthorProfile: null,
  defaultStrategy: null,
};

export const resolveUserPreferences = (own: Partial<UserPreferences>) =>
  Object.fromEntries(
    Object.entries(DEFAULT_USER_PREFERENCES).map(([k, fallback]) => {
      const v = own[k as keyof UserPreferences];
      return [k, v !== undefined && v !== null ? { value: v, source: 'user' } : { value: fallback, source: 'global' }];
    })
  ) as { [K in keyof UserPreferences]: { value: UserPreferences[K]; source: 'user' | 'global' } };
