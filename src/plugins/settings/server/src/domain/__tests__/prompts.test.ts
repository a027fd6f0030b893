import { assertTemplateUsesDeclared, customisePrompt, effectivePrompt, placeholdersOf, PromptError, renderPrompt, resetPrompt, type GlobalPromptData } from '../prompts';

const global: GlobalPromptData = { promptType: 'ideas', value: 'Ideas for {keyword} in {industry}', variables: ['keyword', 'industry'], version: 3, active: true };

describe('renderPrompt', () => {
  it('substitutes every declared variable', () => {
    expect(renderPrompt({ template: global.value, declared: global.variables, values: { keyword: 'seo', industry: 'saas' } })).toBe('Ideas for seo in saas');
  });

  it('keeps doubled braces literal', () => {
    expect(renderPrompt({ template: 'JSON {{"k": "{keyword}"}}', declared: ['keyword'], values: { keyword: 'x' } })).toBe('JSON {"k": "x"}');
  });

  it.each([
    [{ keyword: 'seo' }, { missing: ['industry'], unknown: [] }],
    [{ keyword: 'seo', industry: 'saas', tone: 'fun' }, { missing: [], unknown: ['tone'] }],
    [{ tone: 'fun' }, { missing: ['keyword', 'industry'], unknown: ['tone'] }],
  ])('refuses %p', (values, details) => {
    try {
      renderPrompt({ template: global.value, declared: global.variables, values });
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(PromptError);
      expect((error as PromptError).details).toEqual(details);
    }
  });

  it('refuses a template that uses an undeclared placeholder', () => {
    expect(() => renderPrompt({ template: 'Hi {name}', declared: [], values: {} })).toThrow(/undeclared variables: name/);
  });
});

describe('placeholdersOf / assertTemplateUsesDeclared', () => {
  it('lists placeholders once, ignoring escaped braces', () => {
    expect(placeholdersOf('{a} {b} {a} {{c}}')).toEqual(['a', 'b']);
  });
  it('accepts a template that uses a subset of the declared variables', () => {
    expect(() => assertTemplateUsesDeclared('only {keyword}', ['keyword', 'industry'])).not.toThrow();
  });
});

describe('effectivePrompt', () => {
  const customised = customisePrompt(global, 'My ideas for {keyword}');

  it.each([
    ['global only', null, undefined, 'global', global.value, false],
    ['customised, same version', customised, undefined, 'account', 'My ideas for {keyword}', false],
    ['customised, global moved on', { ...customised, baseVersion: 2 }, undefined, 'account', 'My ideas for {keyword}', true],
    ['reset', resetPrompt(global), undefined, 'global', global.value, false],
    ['task override wins', customised, 'Task {keyword}', 'task', 'Task {keyword}', false],
  ] as const)('%s', (_n, account, task, source, value, drifted) => {
    const e = effectivePrompt({ global, account, taskOverride: task })!;
    expect(e).toMatchObject({ source, value, drifted, globalVersion: 3 });
  });

  it('is null when the global prompt is inactive or missing', () => {
    expect(effectivePrompt({ global: { ...global, active: false }, account: null })).toBeNull();
    expect(effectivePrompt({ global: null, account: null })).toBeNull();
  });
});

describe('customisePrompt', () => {
  it('records the version it started from', () => {
    expect(customisePrompt(global, 'x {keyword}')).toEqual({ promptType: 'ideas', value: 'x {keyword}', isCustomized: true, baseVersion: 3 });
  });
  it('refuses undeclared variables', () => {
    expect(() => customisePrompt(global, 'x {tone}')).toThrow(PromptError);
  });
});
