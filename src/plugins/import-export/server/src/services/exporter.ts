import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { exportSelect } from '../domain/export-sql';
import type { ResolvedDataset, ScalarColumn } from '../domain/types';
import { getService } from '../utils/get-service';

/** The server-resolved selection (bulk-actions' `selection.resolve`): a Query Engine `where` and search. */
export interface ExportSelection {
  uid: string;
  where: Record<string, unknown>;
  search?: string;
}

export type ExportFormat = 'csv' | 'xlsx';

/**
 * Streams an export straight from PostgreSQL, so memory stays flat whatever the row count. CSV is
 * PostgreSQL's own `COPY (query) TO STDOUT (FORMAT csv, HEADER)` piped to the response; XLSX reads the
 * same query through a cursor (`pg-query-stream`) into ExcelJS's streaming writer. The query filters
 * by the selection as a sub-query Strapi's own query builder builds from the resolved `where`.
 */
export const createExporterService = ({ strapi }: { strapi: Core.Strapi }) => {
  const datasets = () => getService(strapi, 'datasets');
  const client = () => (strapi.db.connection as any).client;

  const idQuery = (selection: ExportSelection) =>
    (strapi.db as any).entityManager
      .createQueryBuilder(selection.uid)
      .init({ where: selection.where, select: ['id'], ...(selection.search ? { _q: selection.search } : {}) })
      .getKnexQuery();

  /** A pooled connection for one streamed statement, released exactly once (destroyed if the stream broke mid-way). */
  const withConnection = async (open: (connection: any) => Readable): Promise<Readable> => {
    const connection = await client().acquireConnection();
    let released = false;
    const release = (broken: boolean) => {
      if (released) return;
      released = true;
      // A connection left in the middle of a COPY or a cursor cannot serve another query: end it.
      if (broken) connection.end().catch(() => undefined);
      client().releaseConnection(connection);
    };
    try {
      const stream = open(connection);
      stream.once('end', () => release(false));
      stream.once('error', () => release(true));
      stream.once('close', () => release(!stream.readableEnded));
      // Wait for the first rows (or the error) so a failing query answers an error status, not a cut-off 200.
      await new Promise<void>((resolve, reject) => {
        stream.once('readable', resolve);
        stream.once('error', reject);
      });
      return stream;
    } catch (error) {
      release(true);
      throw error;
    }
  };

  return {
    /** The SQL of an export, values inlined (COPY takes no parameters); also what the benchmark compares against. */
    sql(dataset: ResolvedDataset, selection: ExportSelection) {
      return exportSelect(dataset, idQuery(selection).toQuery()).sql;
    },

    async csv(selection: ExportSelection): Promise<Readable> {
      const dataset = datasets().get(selection.uid);
      const sql = this.sql(dataset, selection);
      return withConnection((connection) => connection.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true)`)));
    },

    async xlsx(selection: ExportSelection): Promise<Readable> {
      const dataset = datasets().get(selection.uid);
      const native = idQuery(selection).toSQL().toNative();
      const { sql, headers } = exportSelect(dataset, native.sql);
      const numeric = new Set(dataset.columns.filter((c): c is ScalarColumn => c.kind === 'scalar' && (c.type === 'integer' || c.type === 'float')).map((c) => c.name));
      const rows = await withConnection((connection) => connection.query(new QueryStream(sql, native.bindings, { batchSize: 1000 })));
      const out = new PassThrough();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      const sheet = workbook.addWorksheet(dataset.uid.split('.').pop()!.slice(0, 31));
      sheet.addRow(headers).commit();
      (async () => {
        for await (const row of rows) {
          sheet.addRow(headers.map((h) => (row[h] !== null && numeric.has(h) ? Number(row[h]) : row[h]))).commit();
          // ExcelJS does not wait for a slow client; stop reading rows until the response drains.
          if (out.writableNeedDrain) await once(out, 'drain');
        }
        sheet.commit();
        await workbook.commit();
      })().catch((error) => out.destroy(error));
      return out;
    },
  };
};

export type ExporterService = ReturnType<typeof createExporterService>;
