import type { Core } from '@strapi/strapi';
import { insertSyncEvent } from '../database/record-rows';
import { UID } from '../utils/constants';

export interface EventArgs {
  accountId?: number | null;
  integrationId: number;
  recordId?: number | null;
  contentId?: number | null;
  action: 'publish' | 'update' | 'unpublish' | 'test' | 'sync' | 'error';
  success: boolean;
  durationMs: number;
  attempt?: number;
  details?: unknown;
  errorMessage?: string | null;
}

/** SyncEvents: one row per attempt against a site, success or not. */
export const createHistoryService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** One round trip (row and account link in one statement): the publish job writes one per attempt. */
  async event(args: EventArgs) {
    await insertSyncEvent(strapi, { ...args });
  },
  async events(where: { accountId?: number | null; integrationId?: number; contentId?: number }, limit = 100) {
    return strapi.db.query(UID.event).findMany({
      where: {
        ...(where.accountId ? { account: { id: where.accountId } } : {}),
        ...(where.integrationId ? { integrationId: where.integrationId } : {}),
        ...(where.contentId ? { contentId: where.contentId } : {}),
      },
      orderBy: { id: 'desc' },
      limit,
    });
  },
});

export type HistoryService = ReturnType<typeof createHistoryService>;
