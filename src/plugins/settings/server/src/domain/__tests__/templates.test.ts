import { cloneTemplate, createFromScratch, customiseCopy, hasDrifted, resetCopy, TemplateError } from '../templates';

const template = { id: 7, version: 2, fields: { name: 'Blog Conversational', tone: 'friendly' } };

describe('template copies', () => {
  it('a clone records its template and version and is not customised', () => {
    expect(cloneTemplate(template)).toEqual({ fields: template.fields, clonedFrom: 7, isCustom: false, isCustomized: false, baseVersion: 2 });
  });

  it('customising a clone marks it customised; a no-op change does not', () => {
    const clone = cloneTemplate(template);
    expect(customiseCopy(clone, { tone: 'friendly' }).isCustomized).toBe(false);
    const changed = customiseCopy(clone, { tone: 'formal' });
    expect(changed).toMatchObject({ isCustomized: true, fields: { tone: 'formal', name: 'Blog Conversational' }, clonedFrom: 7 });
    expect(template.fields.tone).toBe('friendly');
  });

  it.each([
    [2, 2, false],
    [1, 2, true],
    [2, 3, true],
  ])('base version %i vs template version %i → drifted %s', (base, current, drifted) => {
    expect(hasDrifted({ ...cloneTemplate(template), baseVersion: base }, { version: current })).toBe(drifted);
  });

  it('a copy from scratch never drifts and cannot be reset', () => {
    const own = createFromScratch({ name: 'Mine', tone: 'dry' });
    expect(own).toMatchObject({ isCustom: true, clonedFrom: null });
    expect(hasDrifted(own, { version: 9 })).toBe(false);
    expect(() => resetCopy(own, template)).toThrow(TemplateError);
  });

  it('reset returns to the template as it is now', () => {
    const clone = customiseCopy(cloneTemplate(template), { tone: 'formal' });
    const moved = { ...template, version: 3, fields: { name: 'Blog Conversational', tone: 'warm' } };
    expect(resetCopy(clone, moved)).toEqual({ fields: moved.fields, clonedFrom: 7, isCustom: false, isCustomized: false, baseVersion: 3 });
  });

  it('reset fails when the template is gone', () => {
    expect(() => resetCopy(cloneTemplate(template), null)).toThrow(/no longer exists/);
  });
});
