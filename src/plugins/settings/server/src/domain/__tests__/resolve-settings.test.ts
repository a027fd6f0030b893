import { resolveSettings, type ResolveArgs } from '../resolve-settings';
import type { GlobalSettingsData, OverrideData, PlanData } from '../types';

const global: GlobalSettingsData = {
  values: {
    openaiModel: 'gpt-4o-mini',
    openaiBaseUrl: null,
    anthropicModel: 'claude-sonnet',
    anthropicBaseUrl: null,
    imageModel: 'dall-e-3',
    temperature: 0.7,
    maxTokens: 4000,
    imageSize: '1024x1024',
    imageQuality: 'standard',
    imageStyle: 'natural',
  },
  keys: {
    openai: { configured: true, last4: 'PLAT' },
    dalle: { configured: true, last4: 'DALP' },
    anthropic: { configured: false, last4: null },
  },
};
const free: PlanData = { slug: 'free', allowsOwnApiKeys: false, features: ['planner', 'writer'] };
const growth: PlanData = { slug: 'growth', allowsOwnApiKeys: true, features: ['planner', 'writer', 'automation'] };
const override = (o: Partial<OverrideData> = {}): OverrideData => ({
  useOwnKeys: true,
  values: { openaiModel: 'gpt-4.1', temperature: null },
  keys: { openai: { configured: true, last4: 'MINE' } },
  ...o,
});
const run = (args: Partial<ResolveArgs>) => resolveSettings({ global, plan: free, override: null, accountSettings: null, ...args });

describe('resolveSettings', () => {
  describe('integration values', () => {
    it.each([
      ['no override', free, null, 'gpt-4o-mini', 'global', 'platform', { active: false, ignoredBecause: null }],
      ['override on a plan without own keys', free, override(), 'gpt-4o-mini', 'global', 'platform', { active: false, ignoredBecause: 'plan' }],
      ['override with useOwnKeys off', growth, override({ useOwnKeys: false }), 'gpt-4o-mini', 'global', 'platform', { active: false, ignoredBecause: 'use-own-keys-off' }],
      ['override in force', growth, override(), 'gpt-4.1', 'account', 'account', { active: true, ignoredBecause: null }],
    ] as const)('%s', (_name, plan, ov, model, source, keySource, state) => {
      const e = run({ plan, override: ov });
      expect(e.integration.openaiModel).toEqual({ value: model, source });
      expect(e.keys.openai.keySource).toBe(keySource);
      expect(e.override).toEqual(state);
    });

    it('a null override value falls back to global, field by field', () => {
      const e = run({ plan: growth, override: override() });
      expect(e.integration.temperature).toEqual({ value: 0.7, source: 'global' });
      expect(e.integration.maxTokens).toEqual({ value: 4000, source: 'global' });
    });
  });

  describe('keys', () => {
    it('uses the account key only for the providers it holds one for', () => {
      const e = run({ plan: growth, override: override() });
      expect(e.keys.openai).toEqual({ configured: true, last4: 'MINE', keySource: 'account' });
      expect(e.keys.dalle).toEqual({ configured: true, last4: 'DALP', keySource: 'platform' });
      expect(e.keys.anthropic).toEqual({ configured: false, last4: null, keySource: 'platform' });
    });

    it('an unconfigured account key does not shadow the platform key', () => {
      const e = run({ plan: growth, override: override({ keys: { openai: { configured: false, last4: null } } }) });
      expect(e.keys.openai).toEqual({ configured: true, last4: 'PLAT', keySource: 'platform' });
    });
  });

  describe('modules', () => {
    it.each([
      ['planner', null, true, 'plan'],
      ['thinker', null, false, 'plan'],
      ['thinker', true, false, 'plan'],
      ['writer', false, false, 'account'],
      ['writer', true, true, 'account'],
      ['automation', null, false, 'plan'],
    ] as const)('%s with account value %s on Free → %s (%s)', (module, own, value, source) => {
      const e = run({ accountSettings: { modules: own === null ? {} : { [module]: own }, publishing: {} } });
      expect(e.modules[module]).toEqual({ value, source });
    });

    it('a plan feature turns the module on by default', () => {
      expect(run({ plan: growth }).modules.automation).toEqual({ value: true, source: 'plan' });
    });
  });

  describe('publishing', () => {
    it('account values win, others are the platform defaults', () => {
      const e = run({ accountSettings: { modules: {}, publishing: { autoPublish: true } } });
      expect(e.publishing.autoPublish).toEqual({ value: true, source: 'account' });
      expect(e.publishing.defaultStatus).toEqual({ value: 'draft', source: 'global' });
    });
  });

  it('never carries a secret value, only configured and last4', () => {
    const e = run({ plan: growth, override: override() });
    expect(JSON.stringify(e)).not.toMatch(/sk-/);
    expect(Object.keys(e.keys.openai).sort()).toEqual(['configured', 'keySource', 'last4']);
  });
});
