import { slugify } from '../slugify';

describe('slugify', () => {
  describe('slugify', () => {
    it.each<[string, string]>([
      ['Acme & Co.', 'acme-co'],
      ['Acme', 'acme'],
      ['  Acme   Corp  ', 'acme-corp'],
      ['ACME Corp', 'acme-corp'],
      ['Café Crème', 'cafe-creme'],
      ['Ångström Ünïcödé', 'angstrom-unicode'],
      ['Señor Niño', 'senor-nino'],
      ['ﬁne ﬂow', 'fine-flow'], // compatibility ligatures decompose
      ['Agency 42', 'agency-42'],
      ['2024 Plans', '2024-plans'],
      ['a--b__c..d', 'a-b-c-d'],
      ['---Acme---', 'acme'],
      ['C++ / C# devs', 'c-c-devs'],
      ['rock’n’roll', 'rock-n-roll'],
      ['emoji 🚀 launch', 'emoji-launch'],
    ])('turns %j into %j', (name, expected) => {
      expect(slugify(name)).toBe(expected);
    });

    it.each<[string, string]>([
      ['an empty name', ''],
      ['only spaces', '   '],
      ['only punctuation', '&&& !!!'],
      ['only non-Latin script', '東京'],
      ['only emoji', '🚀🚀'],
    ])('falls back to "account" for %s', (_label, name) => {
      expect(slugify(name)).toBe('account');
    });

    it('produces only lower-case letters, digits and single inner hyphens', () => {
      for (const name of ['Acme & Co.', ' x ', 'Ünïcödé—Name', 'A'.repeat(100), `${'a'.repeat(59)} b`]) {
        expect(slugify(name)).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }
    });

    it('caps the slug at 60 characters', () => {
      expect(slugify('a'.repeat(100))).toBe('a'.repeat(60));
      expect(slugify('word '.repeat(30)).length).toBeLessThanOrEqual(60);
    });

    it('does not end with a hyphen when the cut falls on a separator', () => {
      const slug = slugify(`${'a'.repeat(59)} bbbb`);
      expect(slug).toBe('a'.repeat(59));
    });

    it('counts leading separators out before capping', () => {
      expect(slugify(`${'!'.repeat(10)}${'a'.repeat(60)}`)).toBe('a'.repeat(60));
    });
  });
});
