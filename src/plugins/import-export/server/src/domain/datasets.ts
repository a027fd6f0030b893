import type { DatasetDefinition } from './types';

/**
 * Seed 000's split: 18 models import and export (the planning, writing and catalogue data staff
 * move in bulk); the logs, money and integration records export only (they have a lifecycle of their
 * own: a payment is approved through billing, a log is written by the code that did the work).
 * Tenant-owned types get `account` added to their natural key by `deriveDataset`.
 */
export const IMPORT_AND_EXPORT: DatasetDefinition[] = [
  // Credits move through the ledger, never a spreadsheet; ownership and the system flag are not data.
  { uid: 'api::account.account', import: true, naturalKey: ['slug'], readOnly: ['planCredits', 'bonusCredits', 'heldCredits', 'isSystem', 'owner'] },
  { uid: 'api::plan.plan', import: true, naturalKey: ['slug'] },
  { uid: 'api::site.site', import: true, naturalKey: ['domain'] },
  { uid: 'api::sector.sector', import: true, naturalKey: ['name', 'site'] },
  { uid: 'api::keyword.keyword', import: true, naturalKey: ['keyword', 'site', 'sector'] },
  { uid: 'api::cluster.cluster', import: true, naturalKey: ['name', 'site', 'sector'], readOnly: ['keywordCount'] },
  { uid: 'api::content-idea.content-idea', import: true, naturalKey: ['title', 'site', 'sector'] },
  { uid: 'api::task.task', import: true, naturalKey: ['title', 'site', 'sector'] },
  { uid: 'api::content.content', import: true, naturalKey: ['title', 'site'], readOnly: ['publishingStatus', 'externalId', 'externalUrl', 'provenance'] },
  { uid: 'api::content-taxonomy.content-taxonomy', import: true, naturalKey: ['slug', 'taxonomyType', 'site'] },
  { uid: 'api::industry.industry', import: true, naturalKey: ['slug'] },
  { uid: 'api::industry-sector.industry-sector', import: true, naturalKey: ['slug', 'industry'] },
  { uid: 'api::seed-keyword.seed-keyword', import: true, naturalKey: ['keyword', 'industry', 'industrySector'] },
  { uid: 'plugin::billing.credit-package', import: true, naturalKey: ['name'] },
  { uid: 'plugin::credits.cost-config', import: true, naturalKey: ['operation'] },
  { uid: 'plugin::settings.global-prompt', import: true, naturalKey: ['promptType'] },
  { uid: 'plugin::settings.global-strategy', import: true, naturalKey: ['name'] },
  { uid: 'plugin::settings.global-author-profile', import: true, naturalKey: ['name'] },
];

export const EXPORT_ONLY: DatasetDefinition[] = [
  { uid: 'api::subscription.subscription', import: false, label: 'externalReference' },
  { uid: 'api::image.image', import: false },
  { uid: 'plugin::billing.invoice', import: false, naturalKey: ['number'] },
  { uid: 'plugin::billing.payment', import: false, label: 'reference' },
  { uid: 'plugin::billing.payment-event', import: false, label: 'type' },
  { uid: 'plugin::billing.payment-method-config', import: false, label: 'displayName' },
  { uid: 'plugin::credits.model-config', import: false, naturalKey: ['modelId'] },
  { uid: 'plugin::publishing.sync-event', import: false, label: 'action' },
  { uid: 'plugin::publishing.publishing-record', import: false, label: 'idempotencyKey' },
  { uid: 'plugin::publishing.site-integration', import: false, label: 'baseUrl' },
  { uid: 'plugin::settings.author-profile', import: false, naturalKey: ['name'] },
  { uid: 'plugin::settings.strategy', import: false, naturalKey: ['name'] },
];

export const BUILT_IN_DATASETS: DatasetDefinition[] = [...IMPORT_AND_EXPORT, ...EXPORT_ONLY];
