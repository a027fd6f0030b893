import type { RowFailure } from './types';

/** RFC 4180 field: quoted when it holds a comma, quote, CR or LF; a leading =+-@ is defused for spreadsheets. */
export const csvField = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export const csvLine = (values: unknown[]) => `${values.map(csvField).join(',')}\r\n`;

/** The failure report of a run: one row per record that was not changed, and why. */
export const failureReportCsv = (failures: RowFailure[]) =>
  csvLine(['id', 'documentId', 'reason']) + failures.map((f) => csvLine([f.id, f.documentId ?? '', f.reason])).join('');
