import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getQueueService } from '../../../../queue/server/src/utils/get-service';
import { getAuditService } from '../../../../audit/server/src/utils/get-service';
import { csvLine } from '../../../../bulk-actions/server/src/domain/csv';
import { BadFileError, dataBatches, detectFormat, inspect } from '../domain/read-file';
import { checkMapping, suggestMapping, type Mapping } from '../domain/rows';
import type { Column, ResolvedDataset } from '../domain/types';
import { getService } from '../utils/get-service';

export const IMPORT_QUEUE = 'import-export';
/** Row outcomes a preview returns (the counts cover every row). */
export const PREVIEW_SAMPLE = 200;
const FINISHED = ['completed', 'cancelled', 'failed'];

const fieldError = (path: string[], message: string) =>
  new errors.ValidationError(`${path.join('.')}: ${message}`, { errors: [{ path, message, name: 'ValidationError' }] });

/** What the import page needs to build its mapping step. */
const describeColumns = (dataset: ResolvedDataset) =>
  dataset.columns.map((c: Column) => ({
    name: c.name,
    kind: c.kind,
    type: c.kind === 'scalar' ? c.attributeType : `relation to ${c.target} by ${c.label.attribute}`,
    required: c.required,
    readOnly: c.readOnly,
    naturalKey: dataset.naturalKey.includes(c.name),
    ...(c.kind === 'scalar' && c.enum ? { enum: c.enum } : {}),
  }));

/**
 * Upload, preview (dry run), start and run of an import. Authorised on every call: the route checks
 * the plugin's admin action; here the Content Manager's create and update permissions on the type
 * are checked with the user's ability (the browser's word is not enough). The run is a Bull job that
 * carries only the import id (`jobId: import-<id>`: enqueuing twice runs once).
 */
export const createRunnerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const datasets = () => getService(strapi, 'datasets');
  const imports = () => getService(strapi, 'imports');
  const importer = () => getService(strapi, 'importer');

  const importable = (uid: string, userAbility: any) => {
    const dataset = datasets().get(uid);
    if (!dataset.import) throw fieldError(['uid'], `${uid} is export-only`);
    const checker = (strapi.plugin('content-manager').service('permission-checker') as any).create({ userAbility, model: uid });
    if (checker.cannot.create() || checker.cannot.update()) throw new errors.ForbiddenError(`You may not create and update ${uid} in the Content Manager`);
    return dataset;
  };

  const mappingFor = (dataset: ResolvedDataset, headers: string[], mapping: Mapping) => {
    const problems = checkMapping(mapping, headers, dataset);
    if (problems.length) {
      throw new errors.ValidationError(problems.join('; '), { errors: problems.map((p) => ({ path: p.split(':')[0].split('.'), message: p.split(': ').slice(1).join(': '), name: 'ValidationError' })) });
    }
    return mapping;
  };

  return {
    describeColumns,

    async upload(args: { uid: string; filename: string; file: Buffer; user: { id: number; email?: string | null }; userAbility: any }) {
      const dataset = importable(args.uid, args.userAbility);
      const format = detectFormat(args.filename, args.file);
      if (!format) throw fieldError(['file'], 'must be a .csv or .xlsx file');
      let shape: { headers: string[]; rows: number };
      try {
        shape = await inspect(args.file, format);
      } catch (error) {
        if (error instanceof BadFileError) throw fieldError(['file'], error.message);
        throw fieldError(['file'], `could not be read (${(error as Error).message})`);
      }
      if (!shape.rows) throw fieldError(['file'], 'has a header row but no data rows');
      const record = await imports().create({ uid: args.uid, adminUserId: args.user.id, actorEmail: args.user.email ?? null, filename: args.filename, format, file: args.file, headers: shape.headers, rows: shape.rows });
      return { import: record, columns: describeColumns(dataset), suggestedMapping: suggestMapping(shape.headers, dataset) };
    },

    /** The dry run: every row classified (create, update, skip, error) with the diff of an update; nothing written. */
    async preview(args: { id: number; mapping: Mapping; userAbility: any }) {
      const record = await imports().get(args.id);
      if (FINISHED.includes(record.status) || record.status === 'running' || record.status === 'queued') throw fieldError(['id'], `import ${args.id} is ${record.status}`);
      const dataset = importable(record.contentType, args.userAbility);
      const mapping = mappingFor(dataset, record.headers, args.mapping);
      const file = await imports().file(args.id);
      await imports().clearRejections(args.id, 'preview');
      const result = await importer().process({
        uid: record.contentType,
        headers: record.headers,
        batches: dataBatches(file, record.format),
        mapping,
        write: false,
        sample: PREVIEW_SAMPLE,
        onRejected: (rejections) => imports().addRejections(args.id, 'preview', rejections),
      });
      await imports().update(args.id, { status: 'previewed', phase: 'preview', mapping, counts: result.counts });
      return { import: await imports().get(args.id), counts: result.counts, rows: result.rows };
    },

    /** Confirms an import: queues the job that writes it. */
    async start(args: { id: number; mapping?: Mapping; userAbility: any }) {
      const record = await imports().get(args.id);
      const dataset = importable(record.contentType, args.userAbility);
      const mapping = mappingFor(dataset, record.headers, args.mapping ?? record.mapping ?? {});
      if (!(await imports().transition(args.id, ['uploaded', 'previewed'], { status: 'queued', mapping }))) {
        throw fieldError(['id'], `import ${args.id} is ${record.status}; it can run once`);
      }
      try {
        const job = await getQueueService(strapi).add(IMPORT_QUEUE, 'run', { importId: args.id }, { jobId: `import-${args.id}`, attempts: 1 });
        await imports().update(args.id, { job_id: String(job.id) });
      } catch (error) {
        await imports().update(args.id, { status: 'failed', error: (error as Error).message, finished_at: strapi.db.connection.fn.now() });
        throw error;
      }
      return imports().get(args.id);
    },

    /** The job: upserts in batches, records progress and rejected rows, drops the stored file at the end. */
    async execute(id: number, hooks: { progress?: (percent: number) => Promise<unknown> } = {}) {
      if (!(await imports().transition(id, ['queued'], { status: 'running', phase: 'run', started_at: strapi.db.connection.fn.now(), counts: {} }))) return imports().get(id);
      const record = await imports().get(id);
      let status: 'completed' | 'failed' = 'completed';
      let error: string | null = null;
      try {
        await imports().clearRejections(id, 'run');
        const result = await importer().process({
          uid: record.contentType,
          headers: record.headers,
          batches: dataBatches(await imports().file(id), record.format),
          mapping: record.mapping ?? {},
          write: true,
          adminUserId: record.adminUserId,
          onRejected: (rejections) => imports().addRejections(id, 'run', rejections),
          onBatch: async (counts) => {
            await imports().update(id, { counts });
            await hooks.progress?.(Math.min(100, Math.round((counts.total * 100) / Math.max(record.rowsInFile, 1))));
          },
        });
        await imports().update(id, { counts: result.counts });
      } catch (e) {
        status = 'failed';
        error = (e as Error).message;
        strapi.log.error(`[import-export] import ${id} failed: ${error}`);
      }
      // The file goes once the run completed; a failed run keeps it for a look (and the report).
      await imports().update(id, { status, error, ...(status === 'completed' ? { file: null } : {}), finished_at: strapi.db.connection.fn.now() });
      const finished = await imports().get(id);
      // One entry per run in the audit trail (issue 7 item 6: who, when, what), like a bulk action's;
      // the rows themselves are written set-based and get no per-record entry (README, known limits).
      await getAuditService(strapi, 'trail')
        .record([
          {
            actor: record.adminUserId ? `admin:${record.adminUserId}` : 'system',
            actorEmail: record.actorEmail,
            source: 'bulk',
            action: 'import',
            contentType: record.contentType,
            changes: {},
            reason: null,
            details: { importId: id, filename: record.filename, format: record.format, status, error, rowsInFile: record.rowsInFile, counts: finished.counts },
          },
        ])
        .catch((e) => strapi.log.error(`[import-export] import ${id}: could not write the audit entry: ${(e as Error).message}`));
      return finished;
    },

    /** The rejected rows of the latest pass (the run, else the preview): the file's own columns plus `errors`. */
    async report(id: number) {
      const record = await imports().get(id);
      const rows = await imports().rejections(id, record.phase === 'run' ? 'run' : 'preview');
      return csvLine(['row', ...record.headers, 'errors']) + rows.map((r: { line: number; cells: unknown[]; errors: string[] }) => csvLine([r.line, ...record.headers.map((_, i) => r.cells[i] ?? ''), r.errors.join('; ')])).join('');
    },
  };
};

export type RunnerService = ReturnType<typeof createRunnerService>;
