import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { KeyRingService, StoredSecret } from '../../../../settings/server/src/services/key-ring';
import { AddressRefusedError, checkUrl } from '../domain/address-guard';
import { createWordPressClient } from '../wordpress/client';
import { aadFor, SITE_UID, UID } from '../utils/constants';
import { guardOptions } from '../utils/guard-options';
import { getService } from '../utils/get-service';

export interface ConnectArgs {
  accountId: number;
  siteDocumentId: string;
  baseUrl: string;
  username: string;
  applicationPassword: string;
}

/** What any API shows of an integration: never the password, only whether one is set and its last 4. */
export const viewOf = (row: any) => ({
  id: row.id,
  documentId: row.documentId,
  accountId: row.account?.id ?? null,
  site: row.site ? { id: row.site.id, documentId: row.site.documentId, name: row.site.name } : null,
  platform: row.platform,
  baseUrl: row.baseUrl,
  username: row.username,
  applicationPassword: { configured: Boolean(row.credentials?.ciphertext), last4: row.credentials?.last4 ?? null },
  isActive: row.isActive,
  syncEnabled: row.syncEnabled,
  connectionStatus: row.connectionStatus,
  lastCheckedAt: row.lastCheckedAt,
  lastSyncAt: row.lastSyncAt,
  lastError: row.lastError,
  doctor: row.doctorReport ?? null,
});

/**
 * Site integrations: connect (validate the address, store the password sealed with the settings key
 * ring, bound to the integration row), test with the doctor, disconnect. Callers pass the account id
 * (tenant controllers from requireTenant, staff from the route), and every lookup filters by it.
 */
export const createIntegrationsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => strapi.db.query(UID.integration);
  const keyRing = () => strapi.plugin('settings').service('key-ring') as KeyRingService;

  const find = async (accountId: number | null, documentId: string) => {
    const row = await q().findOne({ where: { documentId, ...(accountId ? { account: { id: accountId } } : {}) }, populate: { site: true, account: true } });
    if (!row) throw new errors.NotFoundError('Site integration not found');
    return row;
  };

  const service = {
    find,
    async byId(id: number) {
      return q().findOne({ where: { id }, populate: { site: true, account: true } });
    },
    async list(accountId: number | null, filters: { siteDocumentId?: string } = {}) {
      const rows = await q().findMany({
        where: { ...(accountId ? { account: { id: accountId } } : {}), ...(filters.siteDocumentId ? { site: { documentId: filters.siteDocumentId } } : {}) },
        populate: { site: true, account: { select: ['id'] } },
        orderBy: { id: 'asc' },
        limit: 500,
      });
      return rows.map(viewOf);
    },
    /** The active integration of a site, if any. */
    async forSite(siteId: number) {
      return q().findOne({ where: { site: { id: siteId }, isActive: true }, populate: { site: true, account: true } });
    },

    async connect(args: ConnectArgs) {
      const site = await strapi.db.query(SITE_UID).findOne({ where: { documentId: args.siteDocumentId, account: { id: args.accountId } } });
      if (!site || site.deletedAt) throw new errors.ValidationError('site: refers to a record that does not exist', { errors: [{ path: ['site'], message: 'refers to a record that does not exist' }] });
      let url: URL;
      try {
        url = checkUrl({ url: args.baseUrl, allow: guardOptions(strapi).allow }).url;
      } catch (error) {
        const e = error as AddressRefusedError;
        throw new errors.ValidationError(`baseUrl: ${e.message}`, { errors: [{ path: ['baseUrl'], message: e.message, reason: e.details?.reason }] });
      }
      const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
      const existing = await q().findOne({ where: { site: { id: site.id } } });
      const data = { baseUrl, username: args.username, isActive: true, platform: 'wordpress', connectionStatus: 'unknown', lastError: null };
      const row = existing
        ? await q().update({ where: { id: existing.id }, data })
        : await q().create({ data: { ...data, site: site.id, account: args.accountId, syncEnabled: true } });
      const credentials: StoredSecret = keyRing().seal(args.applicationPassword.replace(/\s+/g, ''), aadFor(row.id));
      await q().update({ where: { id: row.id }, data: { credentials } });
      return service.test(args.accountId, row.documentId);
    },

    /** Runs the doctor, saves the outcome on the integration and as a `test` SyncEvent. */
    async test(accountId: number | null, documentId: string) {
      const row = await find(accountId, documentId);
      if (!row.credentials?.ciphertext) throw new errors.ValidationError('This integration is disconnected: connect it again with an application password');
      const report = await getService(strapi, 'doctor').run({ baseUrl: row.baseUrl, username: row.username, password: service.password(row) });
      const firstFailure = report.checks.find((c) => c.status === 'failed');
      await q().update({
        where: { id: row.id },
        data: {
          connectionStatus: report.ok ? 'connected' : 'error',
          lastCheckedAt: new Date(),
          lastError: firstFailure ? `${firstFailure.message}. ${firstFailure.fix ?? ''}`.trim() : null,
          doctorReport: report,
        },
      });
      await getService(strapi, 'history').event({
        accountId: row.account?.id,
        integrationId: row.id,
        action: 'test',
        success: report.ok,
        durationMs: report.durationMs,
        details: { checks: report.checks },
        errorMessage: firstFailure?.message ?? null,
      });
      return { integration: viewOf(await find(accountId, documentId)), report };
    },

    /** Forgets the password and stops publishing; history and remote ids stay. Pending requests are cancelled. */
    async disconnect(accountId: number | null, documentId: string) {
      const row = await find(accountId, documentId);
      await q().update({ where: { id: row.id }, data: { credentials: null, isActive: false, connectionStatus: 'unknown' } });
      await getService(strapi, 'records').cancelWhere({ integrationId: row.id }, 'site disconnected');
      return viewOf(await find(accountId, documentId));
    },

    password(row: any): string {
      return keyRing().open(row.credentials, aadFor(row.id));
    },

    client(row: any) {
      return createWordPressClient({ baseUrl: row.baseUrl, username: row.username, password: service.password(row), ...guardOptions(strapi) });
    },
  };
  return service;
};

export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
