import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { Cell } from './coerce';

export type FileFormat = 'csv' | 'xlsx';

/** One record of a file: its 1-based row number (the header is row 1) and its cells. */
export interface FileRow {
  line: number;
  cells: Cell[];
}

/** A file the readers cannot use; the controller answers 400 naming `file`. */
export class BadFileError extends Error {}

/** The format from the file name, or from the content (an XLSX file is a zip: "PK"). */
export const detectFormat = (filename: string, head: Buffer): FileFormat | undefined => {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  return undefined;
};

/** An XLSX cell value (rich text, formula result, hyperlink...) as a plain cell. */
const plainCell = (value: unknown): Cell => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as any;
  if (Array.isArray(v.richText)) return v.richText.map((part: any) => part.text).join('');
  if ('result' in v) return plainCell(v.result);
  if ('text' in v) return plainCell(v.text);
  if ('error' in v) return null;
  return String(value);
};

async function* csvRows(buffer: Buffer): AsyncGenerator<FileRow> {
  const parser = Readable.from([buffer]).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  let line = 0;
  try {
    for await (const record of parser) yield { line: ++line, cells: record as string[] };
  } catch (error) {
    throw new BadFileError(`not a readable CSV file (${(error as Error).message})`);
  }
}

async function* xlsxRows(buffer: Buffer): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' } as any);
  try {
    // The first worksheet only: an export has one, and a person's extra sheets are notes.
    for await (const worksheet of reader as any) {
      for await (const row of worksheet) {
        const values = (row.values as unknown[]).slice(1).map(plainCell);
        if (values.every((v) => v === null || v === '')) continue;
        yield { line: row.number as number, cells: values };
      }
      return;
    }
  } catch (error) {
    throw new BadFileError(`not a readable XLSX file (${(error as Error).message})`);
  }
}

/** Every record of the file, header first, streamed (the file is read once, row by row). */
export const readRows = (buffer: Buffer, format: FileFormat): AsyncGenerator<FileRow> => (format === 'csv' ? csvRows(buffer) : xlsxRows(buffer));

/** Header row as names: trimmed text; empty, duplicate or missing headers are a bad file. */
export const headerNames = (row: FileRow | undefined): string[] => {
  if (!row) throw new BadFileError('is empty (no header row)');
  const names = row.cells.map((c) => (c === null || c === undefined ? '' : String(c).trim()));
  const blank = names.findIndex((n) => n === '');
  if (blank >= 0) throw new BadFileError(`column ${blank + 1} of the header row has no name`);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new BadFileError(`the header row names "${dup}" twice`);
  return names;
};

/** The data rows after the header, for the pipeline. */
export async function* dataRows(buffer: Buffer, format: FileFormat): AsyncGenerator<FileRow> {
  let first = true;
  for await (const row of readRows(buffer, format)) {
    if (first) {
      first = false;
      continue;
    }
    yield row;
  }
}

/** Reads the whole file once: its headers and how many data rows it has (so a bad file fails at upload). */
export const inspect = async (buffer: Buffer, format: FileFormat) => {
  let headers: string[] | undefined;
  let rows = 0;
  for await (const row of readRows(buffer, format)) {
    if (!headers) headers = headerNames(row);
    else rows++;
  }
  return { headers: headerNames(headers ? { line: 1, cells: headers } : undefined), rows };
};
