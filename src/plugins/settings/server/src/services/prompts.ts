import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { assertTemplateUsesDeclared, customisePrompt, effectivePrompt, PromptError, renderPrompt, resetPrompt, type AccountPromptData, type GlobalPromptData } from '../domain/prompts';
import { UID } from '../utils/constants';
import { q } from '../utils/db';
import { fieldError } from '../utils/errors';

const toGlobal = (row: any): GlobalPromptData => ({
  promptType: row.promptType,
  value: row.value,
  variables: Array.isArray(row.variables) ? row.variables : [],
  version: row.version ?? 1,
  active: row.active !== false,
});
const toAccount = (row: any): AccountPromptData | null =>
  row ? { promptType: row.promptType, value: row.value ?? '', isCustomized: !!row.isCustomized, baseVersion: row.baseVersion ?? null } : null;

const asField = (error: unknown, field: string) => {
  if (error instanceof PromptError) throw fieldError(field, error.message);
  throw error;
};

/** Global prompt library and account customisations. Effective prompt: task → account → global. */
export const createPromptsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const globalRow = async (promptType: string) => {
    const row = await q(strapi, UID.globalPrompt).findOne({ where: { promptType } });
    if (!row) throw new errors.NotFoundError(`No global prompt of type "${promptType}"`);
    return row;
  };
  const accountRow = (accountId: number, promptType: string) => q(strapi, UID.accountPrompt).findOne({ where: { account: { id: accountId }, promptType } });

  return {
    listGlobal: () => q(strapi, UID.globalPrompt).findMany({ orderBy: { promptType: 'asc' } }),

    /** Staff edit of a global prompt: bumps its version when the text or variables change, so customisations show drift. */
    async updateGlobal(promptType: string, data: { value?: string; variables?: string[]; description?: string; active?: boolean }) {
      const row = await globalRow(promptType);
      const variables = data.variables ?? row.variables ?? [];
      const value = data.value ?? row.value;
      try {
        assertTemplateUsesDeclared(value, variables);
      } catch (error) {
        asField(error, 'value');
      }
      const changed = (data.value !== undefined && data.value !== row.value) || (data.variables !== undefined && JSON.stringify(data.variables) !== JSON.stringify(row.variables));
      return q(strapi, UID.globalPrompt).update({ where: { id: row.id }, data: { ...data, version: changed ? (row.version ?? 1) + 1 : row.version } });
    },

    async effective(accountId: number, promptType: string, taskOverride?: string | null) {
      const [g, a] = await Promise.all([globalRow(promptType), accountRow(accountId, promptType)]);
      return effectivePrompt({ global: toGlobal(g), account: toAccount(a), taskOverride });
    },

    async listEffective(accountId: number) {
      const [globals, own] = await Promise.all([
        q(strapi, UID.globalPrompt).findMany({ where: { active: true }, orderBy: { promptType: 'asc' } }),
        q(strapi, UID.accountPrompt).findMany({ where: { account: { id: accountId } } }),
      ]);
      return globals.map((g: any) => ({
        ...effectivePrompt({ global: toGlobal(g), account: toAccount(own.find((o: any) => o.promptType === g.promptType)) })!,
        description: g.description ?? null,
      }));
    },

    async customise(accountId: number, promptType: string, value: string) {
      const g = toGlobal(await globalRow(promptType));
      if (!g.active) throw new errors.NotFoundError(`No active global prompt of type "${promptType}"`);
      let next: AccountPromptData;
      try {
        next = customisePrompt(g, value);
      } catch (error) {
        return asField(error, 'value');
      }
      const existing = await accountRow(accountId, promptType);
      if (existing) await q(strapi, UID.accountPrompt).update({ where: { id: existing.id }, data: next });
      else await q(strapi, UID.accountPrompt).create({ data: { ...next, account: accountId } });
      return this.effective(accountId, promptType);
    },

    async reset(accountId: number, promptType: string) {
      const g = toGlobal(await globalRow(promptType));
      const existing = await accountRow(accountId, promptType);
      if (existing) await q(strapi, UID.accountPrompt).update({ where: { id: existing.id }, data: resetPrompt(g) });
      return this.effective(accountId, promptType);
    },

    /** For workers: the effective prompt rendered with `values` (every declared variable, nothing else). */
    async render(args: { accountId: number; promptType: string; values: Record<string, string | number>; taskOverride?: string | null }) {
      const prompt = await this.effective(args.accountId, args.promptType, args.taskOverride);
      if (!prompt) throw new errors.NotFoundError(`No active global prompt of type "${args.promptType}"`);
      return { text: renderPrompt({ template: prompt.value, declared: prompt.variables, values: args.values }), source: prompt.source };
    },
  };
};

export type PromptsService = ReturnType<typeof createPromptsService>;
