import type { Core } from '@strapi/strapi';
import { UID } from './utils/constants';

/**
 * GraphQL: none of our types is exposed through shadow CRUD (secrets, other accounts' rows). Instead a
 * few operations run the same controller actions as REST (same validation, same role checks, same
 * output), so the two APIs cannot drift apart. Keys are written over REST only.
 */
export const registerGraphql = (strapi: Core.Strapi) => {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const extension = graphql.service('extension');
  for (const uid of Object.values(UID)) extension.shadowCRUD(uid).disable();

  const run = async (controller: string, action: string, input: { params?: Record<string, unknown>; body?: unknown } = {}) => {
    const ctx: any = { params: input.params ?? {}, query: {}, request: { body: input.body ?? {} }, body: undefined, status: 200 };
    await (strapi.plugin('settings').controller(controller) as any)[action](ctx);
    return ctx.body?.data ?? null;
  };
  const kindController = (kind: string) => {
    if (kind !== 'author-profiles' && kind !== 'strategies') throw new Error('kind must be author-profiles or strategies');
    return kind;
  };

  extension.use(() => ({
    typeDefs: `
      extend type Query {
        settingsEffective: JSON
        settingsOverride: JSON
        settingsPrompts: JSON
        settingsTemplates(kind: String!): JSON
        settingsTemplateLibrary(kind: String!): JSON
      }
      extend type Mutation {
        settingsUpdateOverride(data: JSON!): JSON
        settingsUpdateAccount(data: JSON!): JSON
        settingsCustomizePrompt(promptType: String!, value: String!): JSON
        settingsResetPrompt(promptType: String!): JSON
        settingsCloneTemplate(kind: String!, templateDocumentId: String!, name: String): JSON
        settingsCreateTemplate(kind: String!, data: JSON!): JSON
        settingsCustomizeTemplate(kind: String!, documentId: String!, data: JSON!): JSON
        settingsResetTemplate(kind: String!, documentId: String!): JSON
      }
    `,
    resolvers: {
      Query: {
        settingsEffective: () => run('tenant', 'effective'),
        settingsOverride: () => run('tenant', 'getOverride'),
        settingsPrompts: () => run('tenant', 'prompts'),
        settingsTemplates: (_: unknown, a: any) => run(kindController(a.kind), 'find'),
        settingsTemplateLibrary: (_: unknown, a: any) => run(kindController(a.kind), 'library'),
      },
      Mutation: {
        settingsUpdateOverride: (_: unknown, a: any) => run('tenant', 'updateOverride', { body: a.data }),
        settingsUpdateAccount: (_: unknown, a: any) => run('tenant', 'updateAccountSettings', { body: a.data }),
        settingsCustomizePrompt: (_: unknown, a: any) => run('tenant', 'customisePrompt', { params: { promptType: a.promptType }, body: { value: a.value } }),
        settingsResetPrompt: (_: unknown, a: any) => run('tenant', 'resetPrompt', { params: { promptType: a.promptType } }),
        settingsCloneTemplate: (_: unknown, a: any) =>
          run(kindController(a.kind), 'clone', { body: { templateDocumentId: a.templateDocumentId, ...(a.name ? { name: a.name } : {}) } }),
        settingsCreateTemplate: (_: unknown, a: any) => run(kindController(a.kind), 'create', { body: a.data }),
        settingsCustomizeTemplate: (_: unknown, a: any) => run(kindController(a.kind), 'update', { params: { documentId: a.documentId }, body: a.data }),
        settingsResetTemplate: (_: unknown, a: any) => run(kindController(a.kind), 'reset', { params: { documentId: a.documentId } }),
      },
    },
    // Any signed-in member may call them; the controllers apply the account-role rules.
    resolversConfig: Object.fromEntries(
      [
        'Query.settingsEffective',
        'Query.settingsOverride',
        'Query.settingsPrompts',
        'Query.settingsTemplates',
        'Query.settingsTemplateLibrary',
        'Mutation.settingsUpdateOverride',
        'Mutation.settingsUpdateAccount',
        'Mutation.settingsCustomizePrompt',
        'Mutation.settingsResetPrompt',
        'Mutation.settingsCloneTemplate',
        'Mutation.settingsCreateTemplate',
        'Mutation.settingsCustomizeTemplate',
        'Mutation.settingsResetTemplate',
      ].map((name) => [name, { auth: { scope: ['plugin::settings.tenant.effective'] } }])
    ),
  }));
};
