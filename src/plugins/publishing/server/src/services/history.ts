import type { Core } from '@strapi/strapi';
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
  async event(args: EventArgs) {
    const { accountId, ...rest } = args;
    await strapi.db.query(UID.event).create({ data: { ...rest, ...(accountId ? { account: accountId } : {}) } });
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
