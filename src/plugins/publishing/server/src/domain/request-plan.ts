/**
 * Which publishing records a request for many contents creates, decided in memory from rows the
 * caller loaded in a handful of set-based queries (contents, their sites' integrations, the remembered
 * remote posts). Pure: no database, no Strapi.
 */

export type RequestAction = 'publish' | 'unpublish';
export type RecordAction = 'publish' | 'update' | 'unpublish';

export interface PlanContent {
  id: number;
  documentId: string;
  siteId: number | null;
  accountId: number | null;
  deleted: boolean;
}

export interface PlanIntegration {
  id: number;
  siteId: number;
  hasPassword: boolean;
}

export interface PlannedRecord {
  contentId: number;
  contentDocumentId: string;
  siteId: number;
  integrationId: number;
  accountId: number | null;
  action: RecordAction;
  scheduledFor: Date | null;
}

/** A content the request cannot publish, with the status the single-content API answers for it. */
export interface Refusal {
  contentDocumentId: string;
  status: 404 | 400;
  message: string;
}

export interface PlanInput {
  documentIds: string[];
  contents: PlanContent[];
  integrations: PlanIntegration[];
  /** `pairKey(integrationId, contentId)` of every pair with a remembered remote post. */
  onSite: Set<string>;
  action: RequestAction;
  scheduledAt?: Date | null;
  now: Date;
}

export const pairKey = (integrationId: number, contentId: number) => `${integrationId}:${contentId}`;

export const REFUSALS = {
  notFound: 'Content not found',
  noSite: 'This content has no site to publish to',
  noIntegration: "The content's site has no connected WordPress integration",
  notOnSite: 'This content is not on the site',
} as const;

export const planRequests = (input: PlanInput): { records: PlannedRecord[]; refused: Refusal[] } => {
  const contents = new Map(input.contents.map((c) => [c.documentId, c]));
  const integrations = new Map(input.integrations.map((i) => [i.siteId, i]));
  const scheduled = input.action === 'publish' && input.scheduledAt && input.scheduledAt.getTime() > input.now.getTime() ? input.scheduledAt : null;
  const records: PlannedRecord[] = [];
  const refused: Refusal[] = [];
  for (const documentId of new Set(input.documentIds)) {
    const content = contents.get(documentId);
    if (!content || content.deleted) {
      refused.push({ contentDocumentId: documentId, status: 404, message: REFUSALS.notFound });
      continue;
    }
    if (!content.siteId) {
      refused.push({ contentDocumentId: documentId, status: 400, message: REFUSALS.noSite });
      continue;
    }
    const integration = integrations.get(content.siteId);
    if (!integration || !integration.hasPassword) {
      refused.push({ contentDocumentId: documentId, status: 400, message: REFUSALS.noIntegration });
      continue;
    }
    const onSite = input.onSite.has(pairKey(integration.id, content.id));
    if (input.action === 'unpublish' && !onSite) {
      refused.push({ contentDocumentId: documentId, status: 400, message: REFUSALS.notOnSite });
      continue;
    }
    records.push({
      contentId: content.id,
      contentDocumentId: documentId,
      siteId: content.siteId,
      integrationId: integration.id,
      accountId: content.accountId,
      action: input.action === 'unpublish' ? 'unpublish' : onSite ? 'update' : 'publish',
      scheduledFor: input.action === 'unpublish' ? null : scheduled,
    });
  }
  return { records, refused };
};

/**
 * Round-robin across groups, keeping each group's order: a batch for 20 sites is enqueued as
 * site 1, site 2, ... site 20, site 1, ... so the workers that take the first jobs spread over every
 * site's concurrency slots instead of all queueing for the first site's two.
 */
export const interleaveBy = <T, K>(items: T[], key: (item: T) => K): T[] => {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  const lanes = [...groups.values()];
  const out: T[] = [];
  for (let i = 0; out.length < items.length; i++) for (const lane of lanes) if (i < lane.length) out.push(lane[i]);
  return out;
};
