import { ADMIN_GROUPS, groupByAdminGroup } from '../admin-groups';

const t = (displayName: string, group?: string) => ({ displayName, group, item: displayName });

describe('groupByAdminGroup', () => {
  it('orders groups as seed 002 does and sorts types by name inside each', () => {
    const groups = groupByAdminGroup([t('Site', 'sites-users'), t('Plan', 'billing-accounts'), t('Account', 'billing-accounts'), t('Industry', 'reference-data')]);
    expect(groups).toEqual([
      { id: 'billing-accounts', label: 'Billing & Accounts', items: ['Account', 'Plan'] },
      { id: 'sites-users', label: 'Sites & Users', items: ['Site'] },
      { id: 'reference-data', label: 'Reference Data', items: ['Industry'] },
    ]);
  });

  it('puts types with no group or an unknown group under Other, last', () => {
    const groups = groupByAdminGroup([t('User'), t('Weird', 'no-such-group'), t('Keyword', 'planning-strategy')]);
    expect(groups.map((g) => g.id)).toEqual(['planning-strategy', 'other']);
    expect(groups[1]).toEqual({ id: 'other', label: 'Other', items: ['User', 'Weird'] });
  });

  it('leaves empty groups out', () => {
    expect(groupByAdminGroup([])).toEqual([]);
  });

  it('has the seven labels of seed 002', () => {
    expect(ADMIN_GROUPS.map((g) => g.label)).toEqual([
      'Billing & Accounts', 'Sites & Users', 'Content Management', 'Planning & Strategy', 'Integrations & Publishing', 'Reference Data', 'System',
    ]);
  });
});
