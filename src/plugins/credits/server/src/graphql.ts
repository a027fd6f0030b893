import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validate } from '../../../../lib/validate';
import { getService } from './utils/get-service';
import { transactionsQuery, usageQuery } from './validation/schemas';

const typeDefs = /* GraphQL */ `
  type CreditBalance { plan: Int! bonus: Int! held: Int! available: Int! }
  type CreditPageInfo { page: Int! pageSize: Int! pageCount: Int! total: Int! }
  type CreditTransaction {
    id: ID! pool: String! amount: Int! balanceAfter: Int! type: String! reason: String
    referenceType: String referenceId: String actor: String createdAt: DateTime!
  }
  type CreditTransactionPage { nodes: [CreditTransaction!]! pageInfo: CreditPageInfo! }
  type CreditUsage {
    id: ID! operation: String! credits: Int! usdCost: Float! provider: String model: String
    inputTokens: Int outputTokens: Int keySource: String recordType: String recordId: String durationMs: Int createdAt: DateTime!
  }
  type CreditUsagePage { nodes: [CreditUsage!]! pageInfo: CreditPageInfo! }
  type CreditForecast { windowDays: Int! usedInWindow: Int! perDay: Float! available: Int! daysUntilEmpty: Float lowBalance: Boolean! threshold: Int! }
  extend type Query {
    creditBalance: CreditBalance!
    creditTransactions(page: Int, pageSize: Int, from: DateTime, to: DateTime, type: String, pool: String): CreditTransactionPage!
    creditUsage(page: Int, pageSize: Int, from: DateTime, to: DateTime, operation: String): CreditUsagePage!
    creditForecast: CreditForecast!
  }
`;

const clean = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));

/** The tenant credit API over GraphQL: same services, same validation, same permissions as REST. */
export const registerCreditsGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');
  // Our USD costs per model are internal.
  extension.shadowCRUD('plugin::credits.model-config').disable();

  extension.use(({ strapi: s }: { strapi: Core.Strapi }) => {
    const accountOf = async (context: any) => {
      const tenant = await s.plugin('tenancy').service('tenant-context').fromGraphqlContext(context);
      if (tenant.kind !== 'tenant') throw new errors.ForbiddenError('Sign in as a member of an account');
      return tenant.accountId as number;
    };
    const page = ({ data, meta }: { data: unknown[]; meta: { pagination: unknown } }) => ({ nodes: data, pageInfo: meta.pagination });
    return {
      typeDefs,
      resolvers: {
        Query: {
          creditBalance: async (_: unknown, __: unknown, context: any) => getService(s, 'ledger').balance(await accountOf(context)),
          creditTransactions: async (_: unknown, args: any, context: any) =>
            page(await getService(s, 'ledger').transactions(await accountOf(context), validate(transactionsQuery, clean(args)))),
          creditUsage: async (_: unknown, args: any, context: any) =>
            page(await getService(s, 'ledger').usage(await accountOf(context), validate(usageQuery, clean(args)))),
          creditForecast: async (_: unknown, __: unknown, context: any) => getService(s, 'alerts').forecast(await accountOf(context)),
        },
      },
      resolversConfig: {
        'Query.creditBalance': { auth: { scope: ['plugin::credits.tenant.balance'] } },
        'Query.creditTransactions': { auth: { scope: ['plugin::credits.tenant.transactions'] } },
        'Query.creditUsage': { auth: { scope: ['plugin::credits.tenant.usage'] } },
        'Query.creditForecast': { auth: { scope: ['plugin::credits.tenant.forecast'] } },
      },
    };
  });
};
