import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { validate } from '../../../../lib/validate';
import { canManageMembers, canWriteContent } from '../../../tenancy/server/src/domain/roles';
import { getService } from './utils/get-service';
import { connectBody, documentIdParam, idempotencyKeyHeader, idsBody, publishBody, recordsQuery } from './validation/schemas';

const typeDefs = /* GraphQL */ `
  type PublishingPassword { configured: Boolean! last4: String }
  type PublishingSiteRef { documentId: ID! name: String }
  type PublishingDoctorCheck { id: String! status: String! message: String! fix: String }
  type PublishingDoctorReport { ok: Boolean! durationMs: Int checks: [PublishingDoctorCheck!]! }
  type PublishingIntegration {
    documentId: ID! site: PublishingSiteRef platform: String! baseUrl: String! username: String!
    applicationPassword: PublishingPassword! isActive: Boolean! connectionStatus: String!
    lastCheckedAt: DateTime lastSyncAt: DateTime lastError: String doctor: PublishingDoctorReport
  }
  type PublishingConnectResult { integration: PublishingIntegration! report: PublishingDoctorReport! }
  type PublishingRecordView {
    id: ID! documentId: ID! contentDocumentId: String action: String! status: String!
    externalId: String externalUrl: String publishedAt: DateTime scheduledFor: DateTime
    attempts: Int error: String requestedBy: String createdAt: DateTime
  }
  type PublishingRequestResult { record: PublishingRecordView! replayed: Boolean! }
  type PublishingEventView {
    id: ID! action: String! success: Boolean! durationMs: Int attempt: Int errorMessage: String createdAt: DateTime details: JSON
  }
  type PublishingContentState { documentId: ID! publishingStatus: String externalId: String externalUrl: String scheduledAt: DateTime }
  type PublishingStatus { content: PublishingContentState! records: [PublishingRecordView!]! events: [PublishingEventView!]! }
  type PublishingPageInfo { page: Int! pageSize: Int! pageCount: Int! total: Int! }
  type PublishingRecordPage { nodes: [PublishingRecordView!]! pageInfo: PublishingPageInfo! }
  type PublishingRetryResult { retried: [ID!]! skipped: [ID!]! }
  type PublishingCancelResult { cancelled: [ID!]! }
  extend type Query {
    publishingIntegrations: [PublishingIntegration!]!
    publishingStatus(contentId: ID!): PublishingStatus!
    publishingRecords(status: String, page: Int, pageSize: Int): PublishingRecordPage!
  }
  extend type Mutation {
    connectPublishingSite(site: ID!, baseUrl: String!, username: String!, applicationPassword: String!): PublishingConnectResult!
    testPublishingSite(id: ID!): PublishingConnectResult!
    disconnectPublishingSite(id: ID!): PublishingIntegration!
    publishContent(contentId: ID!, scheduledAt: DateTime, idempotencyKey: String): PublishingRequestResult!
    unpublishContent(contentId: ID!, idempotencyKey: String): PublishingRequestResult!
    retryPublishingRecords(ids: [ID!]!): PublishingRetryResult!
    cancelPublishingRecords(ids: [ID!]!): PublishingCancelResult!
  }
`;

const defined = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));
const idList = z.object({ ids: z.array(z.coerce.number({ error: 'must be record ids' }).int().positive()) });

/** Operation → the REST action whose Users & Permissions grant also guards it. */
const SCOPES: Record<string, string> = {
  'Query.publishingIntegrations': 'integrations',
  'Query.publishingStatus': 'status',
  'Query.publishingRecords': 'records',
  'Mutation.connectPublishingSite': 'connect',
  'Mutation.testPublishingSite': 'test',
  'Mutation.disconnectPublishingSite': 'disconnect',
  'Mutation.publishContent': 'publish',
  'Mutation.unpublishContent': 'unpublish',
  'Mutation.retryPublishingRecords': 'retry',
  'Mutation.cancelPublishingRecords': 'cancel',
};

/**
 * The tenant publishing API over GraphQL: the REST operations with the same services, validation,
 * role rules (owners/admins manage sites, editors publish) and Users & Permissions grants. Shadow CRUD
 * stays off for the three types (bootstrap), so credentials cannot leak through generated queries.
 */
export const registerPublishingGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(({ strapi: s }: { strapi: Core.Strapi }) => {
    const tenantOf = async (context: any, need: 'read' | 'manage' | 'write') => {
      const tenant = await s.plugin('tenancy').service('tenant-context').fromGraphqlContext(context);
      if (tenant.kind !== 'tenant') throw new errors.ForbiddenError('Sign in as a member of an account');
      if (need === 'manage' && !canManageMembers(tenant.role)) throw new errors.ForbiddenError('Only the account owner or an admin can manage site connections');
      if (need === 'write' && !canWriteContent(tenant.role)) throw new errors.ForbiddenError('Viewers cannot publish');
      return tenant as { accountId: number; userId?: number; role: string };
    };
    const integrations = () => getService(s, 'integrations');
    const records = () => getService(s, 'records');
    return {
      typeDefs,
      resolvers: {
        Query: {
          publishingIntegrations: async (_: unknown, __: unknown, context: any) => integrations().list((await tenantOf(context, 'read')).accountId),
          publishingStatus: async (_: unknown, args: any, context: any) =>
            records().statusOf((await tenantOf(context, 'read')).accountId, validate(documentIdParam, args.contentId)),
          async publishingRecords(_: unknown, args: any, context: any) {
            const t = await tenantOf(context, 'read');
            const query = validate(recordsQuery.omit({ accountId: true }), defined(args));
            const { data, meta } = await records().list({ accountId: t.accountId, status: query.status }, query.page, query.pageSize);
            return { nodes: data, pageInfo: meta.pagination };
          },
        },
        Mutation: {
          async connectPublishingSite(_: unknown, args: any, context: any) {
            const t = await tenantOf(context, 'manage');
            const input = validate(connectBody, defined(args));
            return integrations().connect({ accountId: t.accountId, siteDocumentId: input.site, baseUrl: input.baseUrl, username: input.username, applicationPassword: input.applicationPassword });
          },
          testPublishingSite: async (_: unknown, args: any, context: any) => integrations().test((await tenantOf(context, 'manage')).accountId, validate(documentIdParam, args.id)),
          disconnectPublishingSite: async (_: unknown, args: any, context: any) => integrations().disconnect((await tenantOf(context, 'manage')).accountId, validate(documentIdParam, args.id)),
          async publishContent(_: unknown, args: any, context: any) {
            const t = await tenantOf(context, 'write');
            const input = validate(publishBody, defined({ scheduledAt: args.scheduledAt }));
            return records().request({
              accountId: t.accountId,
              contentDocumentId: validate(documentIdParam, args.contentId),
              action: 'publish',
              scheduledAt: input.scheduledAt ?? null,
              idempotencyKey: validate(idempotencyKeyHeader, args.idempotencyKey ?? undefined),
              requestedBy: `user:${t.userId ?? 'key'}`,
            });
          },
          async unpublishContent(_: unknown, args: any, context: any) {
            const t = await tenantOf(context, 'write');
            return records().request({
              accountId: t.accountId,
              contentDocumentId: validate(documentIdParam, args.contentId),
              action: 'unpublish',
              idempotencyKey: validate(idempotencyKeyHeader, args.idempotencyKey ?? undefined),
              requestedBy: `user:${t.userId ?? 'key'}`,
            });
          },
          async retryPublishingRecords(_: unknown, args: any, context: any) {
            const t = await tenantOf(context, 'write');
            const { ids } = validate(idsBody, validate(idList, args));
            return records().retry(ids, t.accountId);
          },
          async cancelPublishingRecords(_: unknown, args: any, context: any) {
            const t = await tenantOf(context, 'write');
            const { ids } = validate(idsBody, validate(idList, args));
            return records().cancel(ids, t.accountId);
          },
        },
      },
      resolversConfig: Object.fromEntries(Object.entries(SCOPES).map(([op, action]) => [op, { auth: { scope: [`plugin::publishing.tenant.${action}`] } }])),
    };
  });
};
