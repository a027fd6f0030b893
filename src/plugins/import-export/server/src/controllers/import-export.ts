import { readFile } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { validate } from '../../../../../lib/validate';
import { getBulkActionsService } from '../../../../bulk-actions/server/src/utils/get-service';
import { PERMISSIONS } from '../permissions';
import { getService } from '../utils/get-service';
import { exportBody, importId, importsQuery, previewBody, runBody, uploadFields } from '../validation/schemas';

/** `?request=<JSON>` of GET /export; malformed JSON is a 400 naming `request`. */
const parseRequestParam = (value: unknown) => {
  try {
    return JSON.parse(String(value ?? '{}'));
  } catch {
    throw new errors.ValidationError('request: must be JSON', { errors: [{ path: ['request'], message: 'must be JSON', name: 'ValidationError' }] });
  }
};

const fileError = (message: string) => new errors.ValidationError(`file: ${message}`, { errors: [{ path: ['file'], message, name: 'ValidationError' }] });

/** Admin routes of import and export (policies on the routes; the services re-check the Content Manager permissions). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The types this user may export and import, with their columns (what the admin UI shows). */
  async datasets(ctx: any) {
    const ability = ctx.state.userAbility;
    const checker = (uid: string) => (strapi.plugin('content-manager').service('permission-checker') as any).create({ userAbility: ability, model: uid });
    const mayExport = ability.can(PERMISSIONS.export);
    const mayImport = ability.can(PERMISSIONS.import);
    const data = getService(strapi, 'datasets')
      .definitions()
      .map((d) => {
        const dataset = getService(strapi, 'datasets').get(d.uid);
        const cm = checker(d.uid);
        return {
          uid: d.uid,
          export: mayExport && cm.can.read(),
          import: dataset.import && mayImport && cm.can.create() && cm.can.update(),
          importable: dataset.import,
          naturalKey: dataset.naturalKey,
          columns: getService(strapi, 'runner').describeColumns(dataset),
        };
      })
      .filter((d) => d.export || d.import);
    ctx.body = { data };
  },

  /** Streams the file: the selection is resolved on the server with the Content Manager read permission. */
  async export(ctx: any) {
    const body = validate(exportBody, ctx.method === 'GET' ? parseRequestParam(ctx.query.request) : (ctx.request.body ?? {}));
    const dataset = getService(strapi, 'datasets').get(body.selection.uid);
    const resolved = await getBulkActionsService(strapi, 'selection').resolve({ input: body.selection, userAbility: ctx.state.userAbility, cmAction: 'read' });
    const exporter = getService(strapi, 'exporter');
    const selection = { uid: dataset.uid, where: resolved.where, ...(resolved.search ? { search: resolved.search } : {}) };
    const name = `${dataset.uid.split('.').pop()}-${new Date().toISOString().slice(0, 10)}.${body.format}`;
    ctx.set('Content-Disposition', `attachment; filename="${name}"`);
    ctx.set('Cache-Control', 'no-store');
    if (body.format === 'csv') {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = await exporter.csv(selection);
    } else {
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      ctx.body = await exporter.xlsx(selection);
    }
  },

  /** multipart/form-data: `uid` and one `file` (.csv or .xlsx). */
  async upload(ctx: any) {
    const fields = validate(uploadFields, ctx.request.body ?? {});
    const files = ctx.request.files ?? {};
    const file = Array.isArray(files.file) ? files.file[0] : files.file;
    if (!file) throw fileError('is required (multipart field "file")');
    if (Object.keys(files).length !== 1 || Array.isArray(files.file)) throw fileError('send exactly one file');
    const buffer = await readFile(file.filepath ?? file.path);
    const result = await getService(strapi, 'runner').upload({
      uid: fields.uid,
      filename: file.originalFilename ?? file.name ?? 'upload',
      file: buffer,
      user: ctx.state.user,
      userAbility: ctx.state.userAbility,
    });
    ctx.status = 201;
    ctx.body = { data: result };
  },

  async listImports(ctx: any) {
    ctx.body = await getService(strapi, 'imports').list(validate(importsQuery, ctx.query));
  },

  async getImport(ctx: any) {
    ctx.body = { data: await getService(strapi, 'imports').get(validate(importId, ctx.params.id)) };
  },

  async preview(ctx: any) {
    const { mapping } = validate(previewBody, ctx.request.body ?? {});
    ctx.body = { data: await getService(strapi, 'runner').preview({ id: validate(importId, ctx.params.id), mapping, userAbility: ctx.state.userAbility }) };
  },

  async run(ctx: any) {
    const { mapping } = validate(runBody, ctx.request.body ?? {});
    ctx.status = 202;
    ctx.body = { data: await getService(strapi, 'runner').start({ id: validate(importId, ctx.params.id), mapping, userAbility: ctx.state.userAbility }) };
  },

  async rejected(ctx: any) {
    const id = validate(importId, ctx.params.id);
    const csv = await getService(strapi, 'runner').report(id);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="import-${id}-rejected.csv"`);
    ctx.body = csv;
  },
});
