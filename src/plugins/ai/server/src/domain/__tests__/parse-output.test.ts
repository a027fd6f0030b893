import { z } from 'zod';
import { parseOutput } from '../parse-output';

const schema = z.object({ title: z.string().min(1), tags: z.array(z.string()) });

describe('parseOutput', () => {
  it('accepts plain, fenced and wrapped JSON', () => {
    expect(parseOutput(schema, '{"title":"A","tags":[]}')).toEqual({ ok: true, value: { title: 'A', tags: [] } });
    expect(parseOutput(schema, '```json\n{"title":"A","tags":["x"]}\n```')).toMatchObject({ ok: true });
    expect(parseOutput(schema, 'Here you go: {"title":"A","tags":[]} Enjoy!')).toMatchObject({ ok: true });
  });
  it('says what is wrong with malformed or off-schema answers', () => {
    const bad = parseOutput(schema, '{"title": "A", tags: }');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problem).toMatch(/not valid JSON/);
    const off = parseOutput(schema, '{"title": "", "tags": "x"}');
    expect(!off.ok && off.problem).toMatch(/title: .*; tags: /);
  });
});
