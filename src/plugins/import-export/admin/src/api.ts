/** Shapes of the plugin's admin routes, as the UI uses them. */
export interface ColumnInfo {
  name: string;
  kind: 'scalar' | 'relation';
  type: string;
  required: boolean;
  readOnly: boolean;
  naturalKey: boolean;
  enum?: string[];
}

export interface DatasetInfo {
  uid: string;
  export: boolean;
  import: boolean;
  importable: boolean;
  naturalKey: string[];
  columns: ColumnInfo[];
}

export interface Counts {
  total: number;
  create: number;
  update: number;
  skip: number;
  error: number;
}

export interface ImportRecord {
  id: number;
  contentType: string;
  filename: string;
  format: 'csv' | 'xlsx';
  headers: string[];
  rowsInFile: number;
  mapping: Record<string, string> | null;
  status: 'uploaded' | 'previewed' | 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';
  phase: 'preview' | 'run' | null;
  counts: Partial<Counts>;
  error: string | null;
}

export interface RowOutcome {
  line: number;
  action: 'create' | 'update' | 'skip' | 'error';
  key: string;
  diff?: Record<string, { from: string | null; to: string | null }>;
  errors?: string[];
}

export type Selection = { uid: string; documentIds: string[] } | { uid: string; query: { filters?: unknown; _q?: string } };

export const errorMessage = (error: unknown) => (error as any)?.response?.data?.error?.message ?? (error as Error)?.message ?? 'Request failed';

/** Saves a Blob the admin API answered with as a file. */
export const saveBlob = (blob: Blob, filename: string) => {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};

let datasets: Promise<DatasetInfo[]> | undefined;
/** The datasets this admin may export or import (asked once per page load). */
export const loadDatasets = (get: (url: string) => Promise<any>) => (datasets ??= get('/import-export/datasets').then((res) => res.data.data as DatasetInfo[]).catch(() => ((datasets = undefined), [])));
