import type { CreditEstimate } from '../../server/src/domain/types';

/** Shapes of the plugin's admin routes, as the modal uses them. */
export interface ActionDescriptor {
  id: string;
  label: string;
  description?: string;
  reasonRequired: boolean;
  variant: 'default' | 'danger';
  scope: 'live' | 'trash';
  paramsSchema: { properties?: Record<string, JsonField>; required?: string[] };
}

export interface JsonField {
  type?: string;
  enum?: string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

export interface DryRun {
  matched: number;
  willChange: number;
  inline: boolean;
  notes?: string[];
  /** Credit-spending actions: the cost per account against its balance (short accounts first, at most 50). */
  estimate?: { operation: string; credits: number; accounts: number; short: number; perAccount: CreditEstimate[] };
}

export interface Run {
  id: number;
  status: 'queued' | 'running' | 'completed' | 'cancelled' | 'failed';
  mode: 'inline' | 'job';
  total: number;
  processed: number;
  changed: number;
  failed: number;
  error: string | null;
}

export type Selection = { uid: string; documentIds: string[] } | { uid: string; query: { filters?: unknown; _q?: string } };

export const errorMessage = (error: unknown) =>
  (error as any)?.response?.data?.error?.message ?? (error as Error)?.message ?? 'Request failed';
