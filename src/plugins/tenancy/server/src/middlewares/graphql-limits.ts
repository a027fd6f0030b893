import type { Core } from '@strapi/strapi';
import { parse } from 'graphql';
import { graphqlCost } from '../domain/graphql-cost';

/**
 * Koa middleware in front of /graphql: refuses operations with more aliases or field selections than
 * configured, before any resolver runs. (Depth and page size are the GraphQL plugin's own limits.)
 */
export const createGraphqlLimitsMiddleware = (strapi: Core.Strapi) => {
  const endpoint = (strapi.config.get('plugin::graphql.endpoint') as string) ?? '/graphql';
  const { maxAliases, maxFields } = strapi.config.get('plugin::tenancy.graphql') as { maxAliases: number; maxFields: number };

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.path !== endpoint || !['GET', 'POST'].includes(ctx.method)) return next();
    const query = ctx.method === 'GET' ? ctx.query?.query : ctx.request.body?.query;
    if (typeof query !== 'string') return next();
    let cost;
    try {
      cost = graphqlCost(parse(query));
    } catch {
      return next(); // Apollo answers syntax errors itself, with positions.
    }
    const problem =
      cost.aliases > maxAliases ? `uses ${cost.aliases} aliases; at most ${maxAliases} are allowed`
        : cost.fields > maxFields ? `selects ${cost.fields} fields; at most ${maxFields} are allowed`
          : null;
    if (!problem) return next();
    ctx.status = 400;
    ctx.body = { errors: [{ message: `Query too expensive: it ${problem}`, extensions: { code: 'QUERY_TOO_EXPENSIVE', ...cost } }] };
  };
};
