import { stringify } from 'csv-stringify/sync';

export const REPORT_NAMES = ['revenue', 'credits', 'content', 'data-quality'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

type Cell = string | number | boolean | null;
export interface ReportSection {
  section: string;
  rows: Array<Record<string, Cell>>;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** One level of nesting becomes `key.sub`; arrays become space-separated lists. */
const flatten = (row: Record<string, unknown>): Record<string, Cell> => {
  const out: Record<string, Cell> = {};
  const put = (key: string, v: unknown) => {
    if (Array.isArray(v)) out[key] = v.join(' ');
    else if (v instanceof Date) out[key] = v.toISOString();
    else if (isPlain(v)) out[key] = JSON.stringify(v);
    else out[key] = (v ?? null) as Cell;
  };
  for (const [k, v] of Object.entries(row)) {
    if (isPlain(v)) for (const [sk, sv] of Object.entries(v)) put(`${k}.${sk}`, sv);
    else put(k, v);
  }
  return out;
};

/**
 * The tables of a report, in its own order: every top-level array of records is a section, every
 * top-level record (totals, margin) a one-row section. `links` (admin paths for the page) and scalars
 * (the window) are not data.
 */
export const reportSections = (report: Record<string, unknown>): ReportSection[] =>
  Object.entries(report).flatMap(([key, value]): ReportSection[] => {
    if (key === 'links') return [];
    if (Array.isArray(value)) return [{ section: key, rows: value.filter(isPlain).map(flatten) }];
    if (isPlain(value)) return [{ section: key, rows: [flatten(value)] }];
    return [];
  });

/**
 * One CSV for a whole report: a `section` column, then the union of every section's columns in first-seen
 * order (cells a section does not have are empty). Quoting is csv-stringify's (RFC 4180).
 */
export const reportCsv = (report: Record<string, unknown>, only?: string): string => {
  const sections = reportSections(report).filter((s) => !only || s.section === only);
  const columns: string[] = [];
  for (const s of sections) for (const row of s.rows) for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
  const records = sections.flatMap((s) => s.rows.map((row) => [s.section, ...columns.map((c) => row[c] ?? '')]));
  return stringify(records, { header: true, columns: ['section', ...columns], cast: { boolean: (v) => (v ? 'true' : 'false') } });
};
