import { parse } from 'graphql';
import { graphqlCost, type GraphqlCost } from '../graphql-cost';

const cost = (query: string) => graphqlCost(parse(query));

/** A chain of `depth` fragments, each spreading the next one twice, ending in one field. */
const doublingChain = (depth: number) => {
  const lines = ['query { ...F0 }'];
  for (let i = 0; i < depth; i += 1) lines.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  lines.push(`fragment F${depth} on Query { id }`);
  return lines.join('\n');
};

describe('graphqlCost', () => {
  describe('counts fields and aliases', () => {
    it.each<[string, string, GraphqlCost]>([
      ['a single field', '{ me }', { aliases: 0, fields: 1 }],
      ['nested fields', '{ articles { title author { name } } }', { aliases: 0, fields: 4 }],
      ['arguments and variables without extra cost', 'query Q($n: Int) { articles(limit: $n, sort: "title") { title } }', { aliases: 0, fields: 2 }],
      ['__typename like any field', '{ articles { __typename id } }', { aliases: 0, fields: 3 }],
      ['one alias', '{ a: articles { id } }', { aliases: 1, fields: 2 }],
      ['aliased copies of the same field', '{ a: articles { id } b: articles { id } c: articles { id } }', { aliases: 3, fields: 6 }],
      ['aliases on nested fields', '{ articles { t: title a: author { n: name } } }', { aliases: 3, fields: 4 }],
      ['a mutation', 'mutation { createArticle(data: { title: "x" }) { documentId } }', { aliases: 0, fields: 2 }],
      ['a subscription', 'subscription { articleCreated { id } }', { aliases: 0, fields: 2 }],
      ['every operation of a document', 'query A { a } query B { b c }', { aliases: 0, fields: 3 }],
      ['directives without extra cost', '{ articles @include(if: true) { id @skip(if: false) } }', { aliases: 0, fields: 2 }],
    ])('counts %s', (_label, query, expected) => {
      expect(cost(query)).toEqual(expected);
    });

    it('counts 500 aliases of one field as 500 aliases', () => {
      const query = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: articles { id }`).join(' ')} }`;
      expect(cost(query)).toEqual({ aliases: 500, fields: 1000 });
    });
  });

  describe('expands fragments', () => {
    it.each<[string, string, GraphqlCost]>([
      [
        'a named fragment',
        'query { articles { ...Parts } } fragment Parts on Article { title body }',
        { aliases: 0, fields: 3 },
      ],
      [
        'a fragment once per spread',
        'query { a: articles { ...Parts } b: articles { ...Parts } } fragment Parts on Article { t: title body }',
        { aliases: 4, fields: 6 },
      ],
      [
        'aliases inside fragments',
        'query { articles { ...Parts } } fragment Parts on Article { x: title y: title }',
        { aliases: 2, fields: 3 },
      ],
      [
        'fragments spreading fragments',
        'query { articles { ...A } } fragment A on Article { title ...B } fragment B on Article { body author { name } }',
        { aliases: 0, fields: 5 },
      ],
      [
        'an inline fragment',
        'query { search { ... on Article { title } ... on Page { slug url } } }',
        { aliases: 0, fields: 4 },
      ],
      [
        'an inline fragment without a type condition',
        'query { articles { ... @include(if: true) { title body } } }',
        { aliases: 0, fields: 3 },
      ],
      [
        'a named fragment inside an inline fragment',
        'query { search { ... on Article { ...Parts } } } fragment Parts on Article { title }',
        { aliases: 0, fields: 2 },
      ],
      [
        'a fragment defined before the operation',
        'fragment Parts on Article { title } query { articles { ...Parts } }',
        { aliases: 0, fields: 2 },
      ],
    ])('counts %s', (_label, query, expected) => {
      expect(cost(query)).toEqual(expected);
    });

    it('does not count a fragment nobody spreads', () => {
      expect(cost('query { me } fragment Unused on Query { a b c }')).toEqual({ aliases: 0, fields: 1 });
    });

    it('counts a spread of an undefined fragment as nothing', () => {
      expect(cost('query { articles { id ...Missing } }')).toEqual({ aliases: 0, fields: 2 });
    });

    it('counts nothing for a document with only fragments', () => {
      expect(cost('fragment A on Query { a b }')).toEqual({ aliases: 0, fields: 0 });
    });
  });

  describe('cuts fragment cycles', () => {
    it.each<[string, string, GraphqlCost]>([
      ['a fragment spreading itself', 'query { articles { ...A } } fragment A on Article { title ...A }', { aliases: 0, fields: 2 }],
      [
        'two fragments spreading each other',
        'query { articles { ...A } } fragment A on Article { a ...B } fragment B on Article { b ...A }',
        { aliases: 0, fields: 3 },
      ],
      [
        'a cycle through a nested field',
        'query { articles { ...A } } fragment A on Article { related { ...A } }',
        { aliases: 0, fields: 2 },
      ],
      [
        'a cycle through an inline fragment',
        'query { articles { ...A } } fragment A on Article { x: title ... on Article { ...A } }',
        { aliases: 1, fields: 2 },
      ],
    ])('terminates on %s', (_label, query, expected) => {
      expect(cost(query)).toEqual(expected);
    });
  });

  describe('stays fast', () => {
    it('counts every expansion of a doubling fragment chain', () => {
      expect(cost(doublingChain(10))).toEqual({ aliases: 0, fields: 1024 });
    });

    it('counts a 2^40-field fragment chain without walking it', () => {
      const started = Date.now();
      expect(cost(doublingChain(40))).toEqual({ aliases: 0, fields: 2 ** 40 });
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('reports a huge width so the middleware can refuse it', () => {
      expect(cost(doublingChain(60)).fields).toBeGreaterThan(1_000_000);
    });
  });
});
