import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { paginationMeta } from '../../../../../lib/pagination';
import type { FileFormat } from '../domain/read-file';
import type { Mapping } from '../domain/rows';
import type { ImportCounts } from '../domain/types';
import type { Rejection } from './importer';

export type ImportStatus = 'uploaded' | 'previewed' | 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';

export interface ImportRow {
  id: number;
  contentType: string;
  adminUserId: number | null;
  actorEmail: string | null;
  filename: string;
  format: FileFormat;
  headers: string[];
  rowsInFile: number;
  mapping: Mapping | null;
  status: ImportStatus;
  /** Which pass the counts and rejected rows are from. */
  phase: 'preview' | 'run' | null;
  counts: Partial<ImportCounts>;
  jobId: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);
const COLUMNS = 'id, content_type, admin_user_id, actor_email, filename, format, headers, rows_in_file, mapping, status, phase, counts, job_id, error, created_at, started_at, finished_at';

const toImport = (r: any): ImportRow => ({
  id: Number(r.id),
  contentType: r.content_type,
  adminUserId: r.admin_user_id,
  actorEmail: r.actor_email,
  filename: r.filename,
  format: r.format,
  headers: json(r.headers),
  rowsInFile: r.rows_in_file,
  mapping: json(r.mapping),
  status: r.status,
  phase: r.phase,
  counts: json(r.counts),
  jobId: r.job_id,
  error: r.error,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/** The import records (`import_export_imports`) and their rejected rows. */
export const createImportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as any;

  return {
    async create(args: { uid: string; adminUserId: number; actorEmail: string | null; filename: string; format: FileFormat; file: Buffer; headers: string[]; rows: number }) {
      const { rows } = await knex().raw(
        `INSERT INTO import_export_imports (content_type, admin_user_id, actor_email, filename, format, file, headers, rows_in_file, status)
         VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'uploaded') RETURNING ${COLUMNS}`,
        [args.uid, args.adminUserId, args.actorEmail, args.filename.slice(0, 255), args.format, args.file, JSON.stringify(args.headers), args.rows]
      );
      return toImport(rows[0]);
    },

    async get(id: number): Promise<ImportRow> {
      const { rows } = await knex().raw(`SELECT ${COLUMNS} FROM import_export_imports WHERE id = ?`, [id]);
      if (!rows.length) throw new errors.NotFoundError(`No import ${id}`);
      return toImport(rows[0]);
    },

    async file(id: number): Promise<Buffer> {
      const { rows } = await knex().raw(`SELECT file FROM import_export_imports WHERE id = ?`, [id]);
      if (!rows.length) throw new errors.NotFoundError(`No import ${id}`);
      if (!rows[0].file) throw new errors.ValidationError('file: this import has finished and its file was discarded; upload it again');
      return rows[0].file as Buffer;
    },

    async update(id: number, values: Record<string, unknown>) {
      const data = { ...values };
      for (const key of ['mapping', 'counts']) if (key in data) data[key] = JSON.stringify(data[key]);
      await knex()('import_export_imports').where({ id }).update(data);
    },

    /** Moves an import from one of `from` to `to` atomically; false when another request got there first. */
    async transition(id: number, from: ImportStatus[], values: Record<string, unknown>) {
      const data = { ...values };
      for (const key of ['mapping', 'counts']) if (key in data) data[key] = JSON.stringify(data[key]);
      const changed = await knex()('import_export_imports').where({ id }).whereIn('status', from).update(data);
      return changed === 1;
    },

    async clearRejections(id: number, phase: 'preview' | 'run') {
      await knex().raw(`DELETE FROM import_export_rejections WHERE import_id = ? AND phase = ?`, [id, phase]);
    },

    async addRejections(id: number, phase: 'preview' | 'run', rejections: Rejection[]) {
      if (!rejections.length) return;
      await knex().raw(
        `INSERT INTO import_export_rejections (import_id, phase, line, cells, errors)
         SELECT ?, ?, r.line, r.cells, r.errors FROM jsonb_to_recordset(?::jsonb) AS r(line integer, cells jsonb, errors jsonb)`,
        [id, phase, JSON.stringify(rejections.map((r) => ({ line: r.line, cells: r.cells, errors: r.errors })))]
      );
    },

    async rejections(id: number, phase: 'preview' | 'run') {
      const { rows } = await knex().raw(`SELECT line, cells, errors FROM import_export_rejections WHERE import_id = ? AND phase = ? ORDER BY line`, [id, phase]);
      return rows.map((r: any) => ({ line: r.line, cells: json(r.cells) as unknown[], errors: json(r.errors) as string[] }));
    },

    async list(query: { page: number; pageSize: number; contentType?: string }) {
      const base = () => knex()('import_export_imports').modify((q: any) => (query.contentType ? q.where({ content_type: query.contentType }) : q));
      const [{ count }] = await base().count({ count: '*' });
      const rows = await base()
        .select(knex().raw(COLUMNS))
        .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }])
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      return { data: rows.map(toImport), meta: paginationMeta(query, Number(count)) };
    },
  };
};

export type ImportsService = ReturnType<typeof createImportsService>;
