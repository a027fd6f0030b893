import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { cloneTemplate, createFromScratch, customiseCopy, hasDrifted, resetCopy, TemplateError, type AccountCopy } from '../domain/templates';
import { UID } from '../utils/constants';
import { q } from '../utils/db';
import { fieldError } from '../utils/errors';

export const TEMPLATE_KINDS = {
  'author-profiles': { global: UID.globalAuthorProfile, copy: UID.authorProfile, fields: ['name', 'description', 'tone', 'language', 'structureTemplate', 'category'] },
  strategies: { global: UID.globalStrategy, copy: UID.strategy, fields: ['name', 'description', 'promptTypes', 'sectionLogic', 'category'] },
} as const;
export type TemplateKind = keyof typeof TEMPLATE_KINDS;

type Fields = Record<string, unknown>;
const pick = (row: any, fields: readonly string[]): Fields => Object.fromEntries(fields.map((f) => [f, row?.[f] ?? null]));

/** Global template libraries (author profiles, strategies) and the accounts' own copies. */
export const createTemplatesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const def = (kind: TemplateKind) => TEMPLATE_KINDS[kind];

  const toCopy = (kind: TemplateKind, row: any): AccountCopy<Fields> => ({
    fields: pick(row, def(kind).fields),
    clonedFrom: row.clonedFrom?.id ?? null,
    isCustom: !!row.isCustom,
    isCustomized: !!row.isCustomized,
    baseVersion: row.baseVersion ?? null,
  });
  const toRow = (copy: AccountCopy<Fields>) => ({ ...copy.fields, clonedFrom: copy.clonedFrom, isCustom: copy.isCustom, isCustomized: copy.isCustomized, baseVersion: copy.baseVersion });
  const view = (kind: TemplateKind, row: any) => ({
    documentId: row.documentId,
    ...pick(row, def(kind).fields),
    isCustom: !!row.isCustom,
    isCustomized: !!row.isCustomized,
    baseVersion: row.baseVersion ?? null,
    clonedFrom: row.clonedFrom ? { documentId: row.clonedFrom.documentId, name: row.clonedFrom.name, version: row.clonedFrom.version } : null,
    drifted: hasDrifted(toCopy(kind, row), row.clonedFrom ?? null),
    updatedAt: row.updatedAt,
  });
  const templateView = (kind: TemplateKind, row: any) => ({ documentId: row.documentId, ...pick(row, def(kind).fields), version: row.version, active: row.active });
  const populate = { clonedFrom: { select: ['id', 'documentId', 'name', 'version'] } };

  const ownRow = async (kind: TemplateKind, accountId: number, documentId: string) => {
    const row = await q(strapi, def(kind).copy).findOne({ where: { documentId, account: { id: accountId } }, populate });
    if (!row) throw new errors.NotFoundError('Not Found');
    return row;
  };
  const templateRow = async (kind: TemplateKind, documentId: string, field = 'templateDocumentId') => {
    const row = await q(strapi, def(kind).global).findOne({ where: { documentId, active: true } });
    if (!row) throw fieldError(field, 'must name an active template of the global library');
    return row;
  };

  return {
    async library(kind: TemplateKind, filters: { category?: string } = {}) {
      const rows = await q(strapi, def(kind).global).findMany({ where: { active: true, ...(filters.category ? { category: filters.category } : {}) }, orderBy: { name: 'asc' } });
      return rows.map((r: any) => templateView(kind, r));
    },
    async listGlobal(kind: TemplateKind) {
      const rows = await q(strapi, def(kind).global).findMany({ orderBy: { name: 'asc' } });
      return rows.map((r: any) => templateView(kind, r));
    },
    /** Staff edit of a template: bumps its version so accounts' clones show drift. */
    async updateGlobal(kind: TemplateKind, documentId: string, changes: Fields & { active?: boolean }) {
      const row = await q(strapi, def(kind).global).findOne({ where: { documentId } });
      if (!row) throw new errors.NotFoundError('Not Found');
      const contentChanged = def(kind).fields.some((f) => f in changes && JSON.stringify(changes[f]) !== JSON.stringify(row[f]));
      const updated = await q(strapi, def(kind).global).update({ where: { id: row.id }, data: { ...changes, version: contentChanged ? (row.version ?? 1) + 1 : row.version } });
      return templateView(kind, updated);
    },
    async list(kind: TemplateKind, accountId: number) {
      const rows = await q(strapi, def(kind).copy).findMany({ where: { account: { id: accountId } }, populate, orderBy: { name: 'asc' } });
      return rows.map((r: any) => view(kind, r));
    },
    async clone(kind: TemplateKind, accountId: number, templateDocumentId: string, name?: string) {
      const t = await templateRow(kind, templateDocumentId);
      const copy = cloneTemplate({ id: t.id, version: t.version ?? 1, fields: pick(t, def(kind).fields) });
      if (name) copy.fields.name = name;
      const row = await q(strapi, def(kind).copy).create({ data: { ...toRow(copy), account: accountId } });
      return view(kind, await ownRow(kind, accountId, row.documentId));
    },
    async create(kind: TemplateKind, accountId: number, fields: Fields) {
      const copy = createFromScratch(fields);
      const row = await q(strapi, def(kind).copy).create({ data: { ...toRow(copy), account: accountId } });
      return view(kind, await ownRow(kind, accountId, row.documentId));
    },
    async customise(kind: TemplateKind, accountId: number, documentId: string, changes: Fields) {
      const row = await ownRow(kind, accountId, documentId);
      const next = customiseCopy(toCopy(kind, row), changes);
      await q(strapi, def(kind).copy).update({ where: { id: row.id }, data: toRow(next) });
      return view(kind, await ownRow(kind, accountId, documentId));
    },
    async reset(kind: TemplateKind, accountId: number, documentId: string) {
      const row = await ownRow(kind, accountId, documentId);
      const template = row.clonedFrom ? await q(strapi, def(kind).global).findOne({ where: { id: row.clonedFrom.id } }) : null;
      let next: AccountCopy<Fields>;
      try {
        next = resetCopy(toCopy(kind, row), template ? { id: template.id, version: template.version ?? 1, fields: pick(template, def(kind).fields) } : null);
      } catch (error) {
        if (error instanceof TemplateError) throw new errors.ApplicationError(`This copy ${error.message}`);
        throw error;
      }
      await q(strapi, def(kind).copy).update({ where: { id: row.id }, data: toRow(next) });
      return view(kind, await ownRow(kind, accountId, documentId));
    },
    async remove(kind: TemplateKind, accountId: number, documentId: string) {
      const row = await ownRow(kind, accountId, documentId);
      await q(strapi, def(kind).copy).delete({ where: { id: row.id } });
      return { documentId };
    },
  };
};

export type TemplatesService = ReturnType<typeof createTemplatesService>;
