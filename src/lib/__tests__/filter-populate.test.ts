import { filterPopulate, type FilterFor, type SchemaLookup } from '../filter-populate';

/** A small schema: tenant-scoped content types, an unscoped plan and user, components and a dynamic zone. */
const SCHEMA: Record<string, { attributes: Record<string, { type: string; target?: string; component?: string; components?: string[] }> }> = {
  'api::account.account': {
    attributes: { name: { type: 'string' }, plan: { type: 'relation', target: 'api::plan.plan' } },
  },
  'api::plan.plan': { attributes: { name: { type: 'string' } } },
  'plugin::users-permissions.user': {
    attributes: { username: { type: 'string' }, account: { type: 'relation', target: 'api::account.account' } },
  },
  'api::site.site': {
    attributes: {
      name: { type: 'string' },
      account: { type: 'relation', target: 'api::account.account' },
      owner: { type: 'relation', target: 'plugin::users-permissions.user' },
    },
  },
  'api::cluster.cluster': {
    attributes: {
      name: { type: 'string' },
      account: { type: 'relation', target: 'api::account.account' },
      keywords: { type: 'relation', target: 'api::keyword.keyword' },
      site: { type: 'relation', target: 'api::site.site' },
    },
  },
  'api::keyword.keyword': {
    attributes: {
      term: { type: 'string' },
      volume: { type: 'integer' },
      account: { type: 'relation', target: 'api::account.account' },
      cluster: { type: 'relation', target: 'api::cluster.cluster' },
      site: { type: 'relation', target: 'api::site.site' },
      author: { type: 'relation', target: 'plugin::users-permissions.user' },
      related: { type: 'relation' }, // a morph relation: no single target
      image: { type: 'media' },
      seo: { type: 'component', component: 'shared.seo' },
      blocks: { type: 'dynamiczone', components: ['blocks.cta', 'blocks.text'] },
    },
  },
  'shared.seo': {
    attributes: {
      metaTitle: { type: 'string' },
      ogImage: { type: 'media' },
      canonical: { type: 'relation', target: 'api::site.site' },
      link: { type: 'component', component: 'shared.link' },
    },
  },
  'shared.link': {
    attributes: { label: { type: 'string' }, cluster: { type: 'relation', target: 'api::cluster.cluster' } },
  },
  'blocks.cta': {
    attributes: { label: { type: 'string' }, site: { type: 'relation', target: 'api::site.site' } },
  },
  'blocks.text': { attributes: { body: { type: 'richtext' } } },
};

const SCOPED = new Set(['api::account.account', 'api::site.site', 'api::cluster.cluster', 'api::keyword.keyword']);
const lookup: SchemaLookup = (uid) => SCHEMA[uid];
/** Each scoped target gets a filter naming it, so a test can see which target a filter was computed for. */
const scope = (uid: string) => ({ scopedTo: uid });
const filterFor: FilterFor = (uid) => (SCOPED.has(uid) ? scope(uid) : undefined);

const KEYWORD = 'api::keyword.keyword';
const ACCOUNT = 'api::account.account';
const SITE = 'api::site.site';
const CLUSTER = 'api::cluster.cluster';

const run = (populate: unknown, uid = KEYWORD) => filterPopulate(populate, uid, lookup, filterFor);

/** Every populatable attribute of a keyword, as `*` must expand it. */
const KEYWORD_STAR = {
  account: { filters: scope(ACCOUNT) },
  cluster: { filters: scope(CLUSTER) },
  site: { filters: scope(SITE) },
  author: true,
  related: true,
  image: true,
  seo: true,
  blocks: true,
};

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

describe('filterPopulate', () => {
  describe('passes through', () => {
    it.each([
      ['undefined', undefined],
      ['null', null],
      ['false', false],
    ])('returns %s unchanged', (_label, populate) => {
      expect(run(populate)).toBe(populate);
    });

    it('returns the populate unchanged when the content type is unknown', () => {
      const populate = { cluster: true };
      expect(filterPopulate(populate, 'api::missing.missing', lookup, filterFor)).toBe(populate);
    });

    it.each([
      ['a number', 5],
      ['a function', () => true],
    ])('returns an unsupported populate value (%s) unchanged', (_label, populate) => {
      expect(run(populate)).toBe(populate);
    });

    it('does not modify the populate object it was given', () => {
      const populate = deepFreeze({
        cluster: { filters: { name: 'x' }, populate: { keywords: { populate: '*' } } },
        seo: { populate: { canonical: true } },
        blocks: { on: { 'blocks.cta': { populate: { site: true } } } },
      });
      const copy = JSON.parse(JSON.stringify(populate));
      expect(() => run(populate)).not.toThrow();
      expect(populate).toEqual(copy);
    });
  });

  describe('expands wildcards', () => {
    it.each([
      ["'*'", '*'],
      ['true', true],
    ])('turns %s into every relation, media, component and dynamic zone attribute', (_label, populate) => {
      expect(run(populate)).toEqual(KEYWORD_STAR);
    });

    it('leaves out scalar attributes', () => {
      const result = run('*') as Record<string, unknown>;
      expect(result).not.toHaveProperty('term');
      expect(result).not.toHaveProperty('volume');
    });

    it('expands to an empty object for a type without populatable attributes', () => {
      expect(run('*', 'api::plan.plan')).toEqual({});
    });

    it("expands a nested 'relation.*' path against the relation's target", () => {
      expect(run('cluster.*')).toEqual({
        cluster: {
          filters: scope(CLUSTER),
          populate: {
            account: { filters: scope(ACCOUNT) },
            keywords: { filters: scope(KEYWORD) },
            site: { filters: scope(SITE) },
          },
        },
      });
    });

    it("expands an object entry whose value is '*' one level down", () => {
      expect(run({ site: '*' })).toEqual({
        site: { filters: scope(SITE), populate: { account: { filters: scope(ACCOUNT) }, owner: true } },
      });
    });
  });

  describe('string and array forms', () => {
    it.each<[string, unknown, Record<string, unknown>]>([
      ['a single name', 'cluster', { cluster: { filters: scope(CLUSTER) } }],
      ['a comma list', 'cluster,site', { cluster: { filters: scope(CLUSTER) }, site: { filters: scope(SITE) } }],
      ['a comma list with spaces and empty items', ' cluster , ,site,', { cluster: { filters: scope(CLUSTER) }, site: { filters: scope(SITE) } }],
      ['an array', ['cluster', 'site'], { cluster: { filters: scope(CLUSTER) }, site: { filters: scope(SITE) } }],
      ['an array of comma lists', ['cluster,site'], { cluster: { filters: scope(CLUSTER) }, site: { filters: scope(SITE) } }],
      ['an array with non-string items', ['cluster', 5, null, { site: true }], { cluster: { filters: scope(CLUSTER) } }],
      ['an unscoped target', 'author', { author: true }],
      ['a name that is not an attribute', 'nothing', { nothing: true }],
    ])('filters %s', (_label, populate, expected) => {
      expect(run(populate)).toEqual(expected);
    });

    it('filters every level of a dot path', () => {
      expect(run('cluster.keywords.site')).toEqual({
        cluster: {
          filters: scope(CLUSTER),
          populate: {
            keywords: {
              filters: scope(KEYWORD),
              populate: { site: { filters: scope(SITE) } },
            },
          },
        },
      });
    });

    it('merges dot paths that share a prefix', () => {
      expect(run(['cluster.keywords', 'cluster.site'])).toEqual({
        cluster: {
          filters: scope(CLUSTER),
          populate: { keywords: { filters: scope(KEYWORD) }, site: { filters: scope(SITE) } },
        },
      });
    });

    it.each([
      ['the short path first', 'cluster,cluster.site'],
      ['the long path first', 'cluster.site,cluster'],
    ])('keeps the deeper path when a name is also populated alone (%s)', (_label, populate) => {
      expect(run(populate)).toEqual({
        cluster: { filters: scope(CLUSTER), populate: { site: { filters: scope(SITE) } } },
      });
    });

    it('recurses through an unscoped target to the scoped relations beyond it', () => {
      expect(run('author.account')).toEqual({
        author: { populate: { account: { filters: scope(ACCOUNT) } } },
      });
    });

    it('filters relations reached through a component in a dot path', () => {
      expect(run('seo.canonical,seo.link.cluster')).toEqual({
        seo: {
          populate: {
            canonical: { filters: scope(SITE) },
            link: { populate: { cluster: { filters: scope(CLUSTER) } } },
          },
        },
      });
    });
  });

  describe('object form', () => {
    it('adds the filter to true entries and keeps other options of object entries', () => {
      expect(run({ cluster: true, site: { fields: ['name'], sort: 'name:asc' } })).toEqual({
        cluster: { filters: scope(CLUSTER) },
        site: { fields: ['name'], sort: 'name:asc', filters: scope(SITE) },
      });
    });

    it('ANDs an entry’s existing filters with the scope instead of replacing them', () => {
      expect(run({ cluster: { filters: { name: { $eq: 'x' } } } })).toEqual({
        cluster: { filters: { $and: [{ name: { $eq: 'x' } }, scope(CLUSTER)] } },
      });
    });

    it('does not let an entry’s own filters on the scoping field override the scope', () => {
      const result = run({ cluster: { filters: { scopedTo: 'api::other.other' } } }) as any;
      expect(result.cluster.filters).toEqual({ $and: [{ scopedTo: 'api::other.other' }, scope(CLUSTER)] });
    });

    it('treats empty existing filters as none', () => {
      expect(run({ cluster: { filters: {} } })).toEqual({ cluster: { filters: scope(CLUSTER) } });
    });

    it('recurses into nested populate objects at every depth', () => {
      expect(run({ cluster: { populate: { keywords: { populate: { site: { fields: ['name'] } } } } } })).toEqual({
        cluster: {
          filters: scope(CLUSTER),
          populate: {
            keywords: {
              filters: scope(KEYWORD),
              populate: { site: { fields: ['name'], filters: scope(SITE) } },
            },
          },
        },
      });
    });

    it('recurses into nested populate strings and arrays', () => {
      expect(run({ cluster: { populate: 'keywords,site' }, site: { populate: ['account'] } })).toEqual({
        cluster: { filters: scope(CLUSTER), populate: { keywords: { filters: scope(KEYWORD) }, site: { filters: scope(SITE) } } },
        site: { filters: scope(SITE), populate: { account: { filters: scope(ACCOUNT) } } },
      });
    });

    it('leaves false entries untouched', () => {
      expect(run({ cluster: false, site: true })).toEqual({ cluster: false, site: { filters: scope(SITE) } });
    });

    it('leaves entries that name no attribute untouched', () => {
      const unknown = { populate: '*' };
      const result = run({ nothing: unknown }) as Record<string, unknown>;
      expect(result.nothing).toBe(unknown);
    });

    it('adds no filter to a target filterFor returns undefined for', () => {
      expect(run({ author: true, related: { fields: ['id'] } })).toEqual({ author: true, related: { fields: ['id'] } });
    });

    it('keeps existing filters on an unscoped target as they are', () => {
      expect(run({ author: { filters: { username: 'a' } } })).toEqual({ author: { filters: { username: 'a' } } });
    });

    it('adds no filter to media', () => {
      expect(run({ image: true, seo: { populate: { ogImage: { fields: ['url'] } } } })).toEqual({
        image: true,
        seo: { populate: { ogImage: { fields: ['url'] } } },
      });
    });

    it('asks filterFor about each relation target', () => {
      const spy = jest.fn(filterFor);
      filterPopulate({ cluster: { populate: { site: true } }, author: true, image: true }, KEYWORD, lookup, spy);
      expect(spy.mock.calls.map(([uid]) => uid).sort()).toEqual([CLUSTER, SITE, 'plugin::users-permissions.user'].sort());
    });
  });

  describe('components', () => {
    it.each<[string, unknown]>([
      ['true', { seo: true }],
      ['an entry without populate', { seo: { fields: ['metaTitle'] } }],
    ])('adds no filter to the component itself (%s)', (_label, populate) => {
      expect(run(populate)).toEqual(populate);
    });

    it('filters relations inside a component’s nested populate', () => {
      expect(run({ seo: { populate: { canonical: true, ogImage: true } } })).toEqual({
        seo: { populate: { canonical: { filters: scope(SITE) }, ogImage: true } },
      });
    });

    it.each([
      ["populate: '*'", { seo: { populate: '*' } }],
      ["the value '*'", { seo: '*' }],
    ])('expands %s against the component schema', (_label, populate) => {
      expect(run(populate)).toEqual({
        seo: { populate: { ogImage: true, canonical: { filters: scope(SITE) }, link: true } },
      });
    });

    it('filters relations in components nested in components', () => {
      expect(run({ seo: { populate: { link: { populate: { cluster: { filters: { name: 'x' } } } } } } })).toEqual({
        seo: { populate: { link: { populate: { cluster: { filters: { $and: [{ name: 'x' }, scope(CLUSTER)] } } } } } },
      });
    });

    it('works with a component as the root uid', () => {
      expect(filterPopulate('*', 'shared.link', lookup, filterFor)).toEqual({ cluster: { filters: scope(CLUSTER) } });
    });
  });

  describe('dynamic zones', () => {
    it('leaves a dynamic zone populated with true as it is', () => {
      expect(run({ blocks: true })).toEqual({ blocks: true });
    });

    it('filters relations in the populate of each fragment', () => {
      expect(run({ blocks: { on: { 'blocks.cta': { fields: ['label'], populate: { site: true } }, 'blocks.text': true } } })).toEqual({
        blocks: {
          on: {
            'blocks.cta': { fields: ['label'], populate: { site: { filters: scope(SITE) } } },
            'blocks.text': true,
          },
        },
      });
    });

    it.each([
      ["'*'", '*'],
      ['a string', 'site'],
      ['an array', ['site']],
    ])('filters relations when a fragment’s populate is %s', (_label, populate) => {
      expect(run({ blocks: { on: { 'blocks.cta': { populate } } } })).toEqual({
        blocks: { on: { 'blocks.cta': { populate: { site: { filters: scope(SITE) } } } } },
      });
    });

    it('keeps fragments without a nested populate as they are', () => {
      const populate = { blocks: { on: { 'blocks.cta': { fields: ['label'] }, 'blocks.text': true } } };
      expect(run(populate)).toEqual(populate);
    });

    it("spells out populate: '*' as one filtered fragment per component", () => {
      expect(run({ blocks: { populate: '*' } })).toEqual({
        blocks: {
          on: {
            'blocks.cta': { populate: { site: { filters: scope(SITE) } } },
            'blocks.text': { populate: {} },
          },
        },
      });
    });

    it('keeps count and fragments together', () => {
      expect(run({ blocks: { count: true, on: { 'blocks.cta': { populate: 'site' } } } })).toEqual({
        blocks: { count: true, on: { 'blocks.cta': { populate: { site: { filters: scope(SITE) } } } } },
      });
    });
  });
});
