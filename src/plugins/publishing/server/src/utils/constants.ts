export const UID = {
  integration: 'plugin::publishing.site-integration',
  record: 'plugin::publishing.publishing-record',
  event: 'plugin::publishing.sync-event',
} as const;
export const CONTENT_UID = 'api::content.content';
export const SITE_UID = 'api::site.site';
export const TAXONOMY_UID = 'api::content-taxonomy.content-taxonomy';
export const QUEUE = 'publishing';
export const aadFor = (integrationId: number) => `publishing:integration:${integrationId}`;
