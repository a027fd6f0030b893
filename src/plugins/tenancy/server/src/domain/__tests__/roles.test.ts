import { ACCOUNT_ROLES, canAssignRole, canManageMembers, canWriteContent, isAccountRole, type AccountRole } from '../roles';

describe('roles', () => {
  describe('ACCOUNT_ROLES', () => {
    it('lists the four roles strongest first', () => {
      expect(ACCOUNT_ROLES).toEqual(['owner', 'admin', 'editor', 'viewer']);
    });
  });

  describe('isAccountRole', () => {
    it.each<[unknown, boolean]>([
      ['owner', true],
      ['admin', true],
      ['editor', true],
      ['viewer', true],
      ['Owner', false],
      ['superadmin', false],
      ['', false],
      [' admin', false],
      [undefined, false],
      [null, false],
      [0, false],
      [['admin'], false],
      [{ role: 'admin' }, false],
    ])('for %j returns %s', (value, expected) => {
      expect(isAccountRole(value)).toBe(expected);
    });
  });

  describe('canWriteContent', () => {
    it.each<[AccountRole, boolean]>([
      ['owner', true],
      ['admin', true],
      ['editor', true],
      ['viewer', false],
    ])('for %s returns %s', (role, expected) => {
      expect(canWriteContent(role)).toBe(expected);
    });
  });

  describe('canManageMembers', () => {
    it.each<[AccountRole, boolean]>([
      ['owner', true],
      ['admin', true],
      ['editor', false],
      ['viewer', false],
    ])('for %s returns %s', (role, expected) => {
      expect(canManageMembers(role)).toBe(expected);
    });
  });

  describe('canAssignRole', () => {
    // actor -> target -> allowed
    const TABLE: Record<AccountRole, Record<AccountRole, boolean>> = {
      owner: { owner: false, admin: true, editor: true, viewer: true },
      admin: { owner: false, admin: true, editor: true, viewer: true },
      editor: { owner: false, admin: false, editor: false, viewer: false },
      viewer: { owner: false, admin: false, editor: false, viewer: false },
    };
    const cases = ACCOUNT_ROLES.flatMap((actor) => ACCOUNT_ROLES.map((target) => [actor, target, TABLE[actor][target]] as const));

    it('covers every actor and target pair', () => {
      expect(cases).toHaveLength(16);
    });

    it.each(cases)('lets %s assign %s: %s', (actor, target, expected) => {
      expect(canAssignRole(actor, target)).toBe(expected);
    });

    it.each(ACCOUNT_ROLES)('never lets %s assign the owner role', (actor) => {
      expect(canAssignRole(actor, 'owner')).toBe(false);
    });
  });
});
