import type { Core } from '@strapi/strapi';
import { validate } from '../../../../lib/validate';
import { canWriteContent } from '../../../tenancy/server/src/domain/roles';
import { tenantActor as actor } from '../../../tenancy/server/src/domain/tenant';
import { PublicForbiddenError } from '../../../tenancy/server/src/utils/public-forbidden';
import { runView } from './services/runs';
import { getService } from './utils/get-service';
import { idempotencyKeyHeader, listQuery, runIdParam, startBody } from './validation/schemas';

const typeDefs = /* GraphQL */ `
  type AiRunPageInfo { page: Int! pageSize: Int! pageCount: Int! total: Int! }
  type AiRunError { kind: String reason: String message: String! }
  type AiRun {
    id: ID! function: String! status: String! recordIds: [String!]! options: JSON provider: String model: String
    keySource: String progress: JSON estimate: JSON! credits: Int! inputTokens: Int! outputTokens: Int! usdCost: Float!
    attempts: Int! produced: JSON error: AiRunError phases: JSON createdAt: DateTime startedAt: DateTime finishedAt: DateTime durationMs: Int
  }
  type AiRunPage { nodes: [AiRun!]! pageInfo: AiRunPageInfo! }
  type AiRunStarted { runId: ID! status: String! estimate: JSON! replayed: Boolean! run: AiRun! }
  extend type Query {
    aiRuns(page: Int, pageSize: Int, status: String, function: String): AiRunPage!
    aiRun(id: ID!): AiRun!
  }
  extend type Mutation {
    aiStartRun(function: String!, recordIds: [String!]!, provider: String, model: String, options: JSON, idempotencyKey: String): AiRunStarted!
    aiCancelRun(id: ID!): AiRun!
  }
`;

const clean = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));

/** The tenant AI API over GraphQL: the same service calls, validation and roles as REST. */
export const registerAiGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(({ strapi: s }: { strapi: Core.Strapi }) => {
    const tenantOf = async (context: any, write = false) => {
      const tenant = await s.plugin('tenancy').service('tenant-context').fromGraphqlContext(context);
      if (tenant.kind !== 'tenant') throw new PublicForbiddenError('Sign in as a member of an account');
      if (write && !canWriteContent(tenant.role)) throw new PublicForbiddenError('Viewers cannot start or cancel AI runs');
      return tenant as { accountId: number; userId?: number; apiKeyId?: number };
    };
    return {
      typeDefs,
      resolvers: {
        Query: {
          aiRuns: async (_: unknown, args: any, context: any) => {
            const t = await tenantOf(context);
            const { data, meta } = await getService(s, 'runs').list({ ...validate(listQuery.omit({ accountId: true }), clean(args)), accountId: t.accountId });
            return { nodes: data, pageInfo: meta.pagination };
          },
          aiRun: async (_: unknown, args: any, context: any) => {
            const t = await tenantOf(context);
            return runView(await getService(s, 'runs').get(validate(runIdParam, args.id), t.accountId));
          },
        },
        Mutation: {
          aiStartRun: async (_: unknown, args: any, context: any) => {
            const t = await tenantOf(context, true);
            const { idempotencyKey, ...rest } = clean(args);
            const input = validate(startBody, rest);
            const result = await getService(s, 'runs').start({ ...input, accountId: t.accountId, idempotencyKey: validate(idempotencyKeyHeader, idempotencyKey), requestedBy: actor(t) });
            return { runId: result.run.id, status: result.run.status, estimate: { credits: result.run.estimatedCredits ?? 0 }, replayed: result.replayed, run: runView(result.run) };
          },
          aiCancelRun: async (_: unknown, args: any, context: any) => {
            const t = await tenantOf(context, true);
            return runView(await getService(s, 'runs').cancel(validate(runIdParam, args.id), t.accountId, actor(t)));
          },
        },
      },
      resolversConfig: {
        'Query.aiRuns': { auth: { scope: ['plugin::ai.tenant.list'] } },
        'Query.aiRun': { auth: { scope: ['plugin::ai.tenant.get'] } },
        'Mutation.aiStartRun': { auth: { scope: ['plugin::ai.tenant.start'] } },
        'Mutation.aiCancelRun': { auth: { scope: ['plugin::ai.tenant.cancel'] } },
      },
    };
  });
};
