import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import type { PromptsService } from '../../../../settings/server/src/services/prompts';
import type { TemplateKind, TemplatesService } from '../../../../settings/server/src/services/templates';
import type { BulkActionDefinition } from '../domain/types';
import { PERMISSIONS } from './permissions';
import { perRecord } from './per-record';

const PLAN = 'api::plan.plan';
const PROMPT = 'plugin::settings.account-prompt';
/** The settings plugin's account copies of template libraries, by content type. */
const KINDS: Record<string, TemplateKind> = { 'plugin::settings.author-profile': 'author-profiles', 'plugin::settings.strategy': 'strategies' };
const PLAN_FIELDS = ['name', 'slug', 'description', 'price', 'currency', 'billingCycle', 'includedCredits', 'maxSites', 'maxUsers', 'maxKeywords', 'monthlyLimits', 'features', 'allowsOwnApiKeys', 'sortOrder'];

const templates = (strapi: Core.Strapi) => strapi.plugin('settings').service('templates') as TemplatesService;
const prompts = (strapi: Core.Strapi) => strapi.plugin('settings').service('prompts') as PromptsService;

/**
 * Clone: plans become an inactive copy ("<name> (copy)", slug "<slug>-copy-<run>") through the Document
 * Service, so staff review before offering it; author profiles and strategies become another custom copy
 * in the same account through the settings plugin's templates service.
 */
const clone = (strapi: Core.Strapi): BulkActionDefinition<Record<string, never>> => ({
  id: 'clone',
  label: 'Clone',
  description: 'Creates a copy of every selected record (plans: inactive, for review).',
  contentTypes: [PLAN, ...Object.keys(KINDS)],
  params: z.object({}).strict(),
  reasonRequired: false,
  permission: PERMISSIONS.update,
  cmAction: 'update',
  undoable: false,
  transactional: false,
  batchSize: 100,
  handler: ({ uid, ids, ctx }) => {
    if (uid === PLAN) {
      return perRecord(strapi, { uid, ids, select: PLAN_FIELDS }, async (row) => {
        const data = Object.fromEntries(PLAN_FIELDS.map((f) => [f, row[f]]));
        await strapi.documents(PLAN as any).create({ data: { ...data, name: `${row.name} (copy)`.slice(0, 255), slug: `${row.slug}-copy-${ctx.runId}`, isActive: false } as any });
      });
    }
    const kind = KINDS[uid];
    return perRecord(strapi, { uid, ids }, async (row) => {
      if (!row.accountId) throw new Error('has no account');
      const own = (await templates(strapi).list(kind, row.accountId)).find((r: any) => r.documentId === row.documentId) as any;
      if (!own) throw new Error('not found in its account');
      const { documentId: _d, isCustom: _c, isCustomized: _z, baseVersion: _b, clonedFrom: _f, drifted: _r, updatedAt: _u, ...fields } = own;
      await templates(strapi).create(kind, row.accountId, { ...fields, name: `${own.name} (copy)` });
    });
  },
});

/** Reset to default: account prompts back to the global prompt; profile and strategy copies back to their template. */
const resetToDefault = (strapi: Core.Strapi): BulkActionDefinition<Record<string, never>> => ({
  id: 'reset-to-default',
  label: 'Reset to default',
  description: "Discards the account's customisation: prompts follow the global prompt again, copies return to their template.",
  contentTypes: [PROMPT, ...Object.keys(KINDS)],
  params: z.object({}).strict(),
  reasonRequired: true,
  permission: PERMISSIONS.update,
  cmAction: 'update',
  undoable: false,
  variant: 'danger',
  transactional: false,
  batchSize: 200,
  where: () => ({ isCustomized: true }),
  handler: ({ uid, ids }) =>
    perRecord(strapi, { uid, ids, select: uid === PROMPT ? ['promptType'] : [] }, async (row) => {
      if (!row.accountId) throw new Error('has no account');
      if (uid === PROMPT) await prompts(strapi).reset(row.accountId, row.promptType);
      else await templates(strapi).reset(KINDS[uid], row.accountId, row.documentId);
    }),
});

export const templateActions = (strapi: Core.Strapi): BulkActionDefinition<any>[] => (strapi.plugin('settings') ? [clone(strapi), resetToDefault(strapi)] : [clone(strapi)].map((a) => ({ ...a, contentTypes: [PLAN] })));
