import type { z } from 'zod';

/**
 * The Content Manager permission a bulk action needs on the content type, besides its own. `read` is
 * for actions that go through another plugin's service, which enforces its own rules (payments).
 */
export type CmAction = 'read' | 'update' | 'delete';

/** What the caller sent: the ids of a page selection, or "everything matching" the list view's query. */
export type SelectionInput =
  | { uid: string; documentIds: string[] }
  | { uid: string; query: { filters?: Record<string, unknown>; _q?: string; locale?: string } };

/**
 * The selection after the server resolved it: a Query Engine `where` (the caller's filters, the
 * user's RBAC conditions, the soft-delete trash rule) and an optional search term. Never a list of
 * ids from the browser, except for an explicit page selection, which is turned into a filter too.
 */
export interface ResolvedSelection {
  uid: string;
  where: Record<string, unknown>;
  search?: string;
  /** How the caller selected, for the audit trail. */
  mode: 'ids' | 'filter';
}

/** One row that could not be changed, and why (it goes to the downloadable report). */
export interface RowFailure {
  id: number;
  documentId?: string | null;
  reason: string;
}

/** What a handler reports for one batch. */
export interface BatchOutcome {
  /** Rows changed by this batch. */
  changed: number;
  failures?: RowFailure[];
}

/** Who runs the action and why; passed to every handler. */
export interface RunContext {
  runId: number;
  /** `admin:<id>`, the actor string the ledgers use. */
  actor: string;
  adminUserId: number;
  reason: string | null;
}

/** One batch of a run: the ids (ascending) a handler works on. */
export interface BatchArgs<P> {
  uid: string;
  ids: number[];
  params: P;
  ctx: RunContext;
  /** The batch's transaction (knex) for `transactional` actions; undefined otherwise. */
  trx?: any;
}

export interface DryRunArgs<P> {
  uid: string;
  params: P;
  /** Rows in the selection. */
  matched: number;
  /** Rows the action would change (the selection narrowed by the action's `where`). */
  willChange: number;
  /** Counts the rows the action would change that also match `where` (a Query Engine filter). */
  countWhere: (where: Record<string, unknown>) => Promise<number>;
}

/** One account's share of a credit-spending run, priced by the credits plugin against its balance. */
export interface CreditEstimate {
  accountId: number;
  /** The account's name, for the staff member reading the estimate. */
  accountName?: string | null;
  items: number;
  credits: number;
  available: number;
  shortBy: number;
  fits: boolean;
}

export interface DryRunResult {
  matched: number;
  willChange: number;
  /** Anything an action wants to show before running (a cost estimate, say). */
  notes?: string[];
  /** For actions with `credits`: the cost per account against its balance (at most 50 accounts listed). */
  estimate?: { operation: string; credits: number; accounts: number; short: number; perAccount: CreditEstimate[] };
}

/** Usage of one row for a credit-spending action (the credits plugin's `Usage`). */
export interface CreditUsage {
  words?: number;
  items?: number;
  images?: number;
  inputTokens?: number;
  outputTokens?: number;
}

/**
 * A bulk action as a plugin registers it. Handlers are set-based: they get up to `batchSize` ids
 * at a time and should change them with one statement, not a loop of Document Service calls.
 */
export interface BulkActionDefinition<P = Record<string, unknown>> {
  /** kebab-case, unique across plugins; prefix third-party ones with the plugin name (`seo.recompute`). */
  id: string;
  label: string;
  description?: string;
  /** The content types the action applies to (uids), or a predicate over the uid and its model. */
  contentTypes: string[] | ((uid: string, model: ModelLike) => boolean);
  /**
   * zod schema of the parameters (`z.object({}).strict()` when it takes none), or a function of the
   * content type returning one (an enum of that type's status values, say). Unknown keys are refused.
   */
  params: z.ZodType<P> | ((uid: string, model: ModelLike) => z.ZodType<P>);
  /** Which rows the selection may contain: live ones (default) or the soft-delete trash (restore). */
  scope?: 'live' | 'trash';
  /** Checks the parameters against the database before a dry run or a run; throws a ValidationError (400). */
  validate?: (args: { uid: string; params: P }) => Promise<void>;
  reasonRequired: boolean;
  /** Admin action id the user must hold (`plugin::bulk-actions.records.update`, `plugin::billing.payments.approve`, ...). */
  permission: string;
  /** The Content Manager permission on the type the user must also hold. */
  cmAction: CmAction;
  /** Whether another action undoes it (soft delete → restore), and which. */
  undoable: false | { by: string };
  /** UI hint: `danger` actions get a red button and a confirmation. */
  variant?: 'default' | 'danger';
  /**
   * Narrows the selection to the rows this action would change (a Query Engine `where`), so rows
   * already in the target state are skipped, counted by the dry run, and never rewritten.
   */
  where?: (params: P, uid: string) => Record<string, unknown> | undefined;
  /** Extra checks or notes for the dry run (cost estimates). Defaults to the two counts. */
  dryRun?: (args: DryRunArgs<P>) => Promise<DryRunResult>;
  /**
   * Runs each batch inside its own short transaction (default true). Actions that call other
   * services which open their own transactions per record (credits, payments) set it false.
   */
  transactional?: boolean;
  /**
   * For actions that only assign scalar columns (toggles, mark-as, soft delete): the values to set. It
   * lets the runner take its fused path (one statement per batch selects the next keyset page, updates
   * it, and adds the progress) when the type allows it (no system rows, no Draft & Publish, not audited,
   * no search term); otherwise `handler` runs as usual, so it must do the same thing.
   */
  columns?: (params: P, uid: string) => Record<string, unknown>;
  /**
   * For actions that spend credits (AI operations): the operation and one row's expected usage. The dry
   * run then prices the rows that would change per account with the credits plugin's
   * `pricing.estimateBatch` and shows each cost against that account's available balance.
   */
  credits?: (params: P, uid: string) => { operation: string; perItem: CreditUsage; model?: string | null };
  /** Ids per batch; default 10,000 for SQL actions (50,000 on the fused path), smaller for per-record service calls. */
  batchSize?: number;
  handler: (args: BatchArgs<P>) => Promise<BatchOutcome>;
}

/** The part of a Strapi model a `contentTypes` predicate may look at. */
export interface ModelLike {
  uid: string;
  attributes: Record<string, { type: string; enum?: string[]; relation?: string; target?: string; [key: string]: unknown }>;
  options?: { draftAndPublish?: boolean };
}
