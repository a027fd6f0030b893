import type { ModelInfo } from '../types';

const lnk = (name: string, own: string, other: string, inverseOrderColumnName?: string) => ({
  name,
  joinColumn: { name: own },
  inverseJoinColumn: { name: other },
  ...(inverseOrderColumnName ? { inverseOrderColumnName } : {}),
});

export const MODELS: Record<string, ModelInfo> = {
  'api::account.account': { uid: 'api::account.account', tableName: 'accounts', attributes: { id: { type: 'increments' }, name: { type: 'string', required: true }, slug: { type: 'uid' }, planCredits: { type: 'integer', columnName: 'plan_credits' } } },
  'api::site.site': {
    uid: 'api::site.site',
    tableName: 'sites',
    attributes: { domain: { type: 'string', required: true }, account: { type: 'relation', relation: 'manyToOne', target: 'api::account.account', joinTable: lnk('sites_account_lnk', 'site_id', 'account_id') }, deletedAt: { type: 'datetime' } },
  },
  'api::keyword.keyword': {
    uid: 'api::keyword.keyword',
    tableName: 'keywords',
    attributes: {
      id: { type: 'increments' },
      documentId: { type: 'string' },
      keyword: { type: 'string', required: true, maxLength: 10 },
      volume: { type: 'integer', min: 0 },
      intent: { type: 'enumeration', enum: ['informational', 'commercial'] },
      status: { type: 'enumeration', enum: ['pending', 'active'], default: 'pending' },
      secret: { type: 'string', private: true },
      file: { type: 'media' },
      createdAt: { type: 'datetime', columnName: 'created_at' },
      account: { type: 'relation', relation: 'manyToOne', target: 'api::account.account', joinTable: lnk('keywords_account_lnk', 'keyword_id', 'account_id') },
      site: { type: 'relation', relation: 'manyToOne', target: 'api::site.site', joinTable: lnk('keywords_site_lnk', 'keyword_id', 'site_id') },
      tags: { type: 'relation', relation: 'manyToMany', target: 'api::site.site', joinTable: lnk('keywords_tags_lnk', 'keyword_id', 'site_id') },
      cluster: { type: 'relation', relation: 'manyToOne', target: 'api::cluster.cluster', joinTable: lnk('keywords_cluster_lnk', 'keyword_id', 'cluster_id', 'keyword_ord') },
      deletedAt: { type: 'datetime' },
    },
  },
  'api::cluster.cluster': { uid: 'api::cluster.cluster', tableName: 'clusters', attributes: { name: { type: 'string' } } },
};
