import { createPhaseClock } from '../phases';
import { createRegistry } from '../registry';

describe('createPhaseClock', () => {
  it('records consecutive phases with their durations', () => {
    let t = 1_000;
    const clock = createPhaseClock(() => t);
    clock.start('load');
    t += 5;
    clock.start('call');
    t += 120;
    expect(clock.stop()).toEqual([
      { name: 'load', startedAt: new Date(1_000).toISOString(), ms: 5 },
      { name: 'call', startedAt: new Date(1_005).toISOString(), ms: 120 },
    ]);
  });
});

describe('createRegistry', () => {
  it('registers, refuses duplicates and bad names, and names the known entries for an unknown one', () => {
    const registry = createRegistry<{ name: string }>('AI provider');
    registry.register({ name: 'openai-chat' });
    expect(() => registry.register({ name: 'openai-chat' })).toThrow(/already registered/);
    expect(() => registry.register({ name: 'Bad Name' })).toThrow(/lower-case/);
    expect(() => registry.get('mistral')).toThrow(/Unknown AI provider "mistral". Known: openai-chat/);
    expect(registry.names()).toEqual(['openai-chat']);
  });
  it('runs the entry check', () => {
    const registry = createRegistry<{ name: string; kind?: string }>('thing', (e) => {
      if (!e.kind) throw new TypeError('kind required');
    });
    expect(() => registry.register({ name: 'x' })).toThrow('kind required');
  });
});
