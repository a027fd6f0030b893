import { resolveUserPreferences } from '../user-preferences';

describe('resolveUserPreferences', () => {
  it.each([
    [{}, 'language', 'en', 'global'],
    [{ language: 'de' }, 'language', 'de', 'user'],
    [{ emailNotifications: false }, 'emailNotifications', false, 'user'],
    [{ defaultStrategy: null }, 'defaultStrategy', null, 'global'],
  ] as const)('%p → %s = %p from %s', (own, key, value, source) => {
    expect(resolveUserPreferences(own as any)[key]).toEqual({ value, source });
  });
});
