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

/** Records handed on together: per-record async iteration (a promise per row) costs more than the parse. */
export const READ_BATCH = 1_000;

/**
 * CSV records in arrays of up to `size`, streamed: the buffer is fed to csv-parse in 1 MB slices and
 * the parsed records are drained synchronously (`read()`), so memory holds one slice and one array,
 * and the only awaits are per slice, not per record.
 */
async function* csvBatches(buffer: Buffer, size: number): AsyncGenerator<FileRow[]> {
  const parser = Readable.from(slices(buffer)).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  let ended = false;
  let failure: Error | undefined;
  parser.on('end', () => (ended = true));
  parser.on('error', (error: Error) => (failure = error));
  let line = 0;
  for (;;) {
    const batch: FileRow[] = [];
    let record: string[] | null;
    while (batch.length < size && (record = parser.read()) !== null) batch.push({ line: ++line, cells: record });
    if (failure) throw new BadFileError(`not a readable CSV file (${failure.message})`);
    if (batch.length) {
      yield batch;
      continue;
    }
    if (ended) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        parser.off('readable', wake).off('end', wake).off('error', wake);
        resolve();
      };
      parser.on('readable', wake).on('end', wake).on('error', wake);
    });
  }
}

function* slices(buffer: Buffer, size = 1 << 20) {
  for (let at = 0; at < buffer.length; at += size) yield buffer.subarray(at, at + size);
}

async function* xlsxBatches(buffer: Buffer, size: number): AsyncGenerator<FileRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' } as any);
  let batch: FileRow[] = [];
  try {
    // The first worksheet only: an export has one, and a person's extra sheets are notes.
    for await (const worksheet of reader as any) {
      for await (const row of worksheet) {
        const values = (row.values as unknown[]).slice(1).map(plainCell);
        if (values.every((v) => v === null || v === '')) continue;
        batch.push({ line: row.number as number, cells: values });
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      break;
    }
  } catch (error) {
    throw new BadFileError(`not a readable XLSX file (${(error as Error).message})`);
  }
  if (batch.length) yield batch;
}

/** Every record of the file, header first, streamed in arrays of up to `size` records. */
export const readBatches = (buffer: Buffer, format: FileFormat, size = READ_BATCH): AsyncGenerator<FileRow[]> => (format === 'csv' ? csvBatches(buffer, size) : xlsxBatches(buffer, size));

/** Every record of the file, header first, one at a time. */
export async function* readRows(buffer: Buffer, format: FileFormat): AsyncGenerator<FileRow> {
  for await (const batch of readBatches(buffer, format)) yield* batch;
}

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

/** The data rows after the header, in arrays (what the pipeline reads). */
export async function* dataBatches(buffer: Buffer, format: FileFormat, size = READ_BATCH): AsyncGenerator<FileRow[]> {
  let first = true;
  for await (const batch of readBatches(buffer, format, size)) {
    const rows = first ? batch.slice(1) : batch;
    first = false;
    if (rows.length) yield rows;
  }
}

/** The data rows after the header, one at a time. */
export async function* dataRows(buffer: Buffer, format: FileFormat): AsyncGenerator<FileRow> {
  for await (const batch of dataBatches(buffer, format)) yield* batch;
}

/** Reads the whole file once: its headers and how many data rows it has (so a bad file fails at upload). */
export const inspect = async (buffer: Buffer, format: FileFormat) => {
  let headers: string[] | undefined;
  let rows = 0;
  for await (const batch of readBatches(buffer, format)) {
    if (!headers) {
      headers = headerNames(batch[0]);
      rows += batch.length - 1;
    } else rows += batch.length;
  }
  return { headers: headerNames(headers ? { line: 1, cells: headers } : undefined), rows };
};
