import type { Core } from '@strapi/strapi';
import type { z } from 'zod';
import type { Usage } from '../../../../credits/server/src/domain/pricing';
import type { ImageResult, Produced, Provenance } from '../domain/types';
import type { FlatLoad } from './load-owned';

export interface OperationContext {
  strapi: Core.Strapi;
  accountId: number;
}

/** One provider call's outcome for one item, handed to `save`. */
export interface ItemResult<Item, Out> {
  item: Item;
  /** Chat: the validated output. Image: the generated image. */
  output: Out;
  inputTokens: number;
  outputTokens: number;
  /** Credits this item cost (already priced), for its provenance. */
  credits: number;
}

export interface SaveContext extends OperationContext {
  /** Everything the run knows about how the output was made; merge per item credits/tokens. */
  provenance: Omit<Provenance, 'inputTokens' | 'outputTokens' | 'credits'>;
}

/** See `AiOperation.saveStatement`. */
export interface SaveStatement {
  /** Data-modifying CTEs (`name AS (…)`, `?` placeholders), each guarded by the engine's condition. */
  ctes: string[];
  bindings: unknown[];
  /** A SQL expression over those CTEs: the produced records as a json array of `{ type, id, documentId }`. */
  produced: string;
  /** The first produced record, known before the statement runs (the usage row's reference). */
  first: { type: string; id: string | number } | null;
}

/**
 * An AI operation: a registry entry the run engine drives. The engine loads the input records (by
 * documentId, scoped to the account), turns them into items (one provider call each), prices them,
 * renders the prompt, calls the provider, validates the answer against `output`, and hands every
 * result to `save` inside the one transaction that also captures the credits. `save` must only write
 * through `strapi.db` (it joins that transaction) and must not call out.
 */
export interface AiOperation<Rec = any, Item = any, Out = any, Opt = any> {
  name: string;
  description: string;
  /** `none`: no provider, no charge, runs synchronously in the request (`run`). */
  kind: 'chat' | 'image' | 'none';
  /** The Credit cost row (`plugin::credits.cost-config` `operation`) that prices it. */
  pricing?: string;
  /** The settings plugin's prompt type rendered for each item. */
  promptType?: string;
  /** Content type of the input records (`recordIds` are their documentIds). */
  recordUid: string;
  /** Most records one run accepts. */
  maxRecords: number;
  /** Run options (`options` in the request), validated at start. */
  options: z.ZodType<Opt>;
  /** Chat operations: the answer's shape. */
  output?: z.ZodType<Out>;
  /** Loads the account's records (throw a 404 naming `recordIds` for any not found, and a 400 for unusable ones). */
  load(ctx: OperationContext, documentIds: string[], options: Opt): Promise<Rec[]>;
  /**
   * `load` as one flat query (the record and its to-one relations, see `loadOwnedFlat`). When set, the
   * engine loads the records in the same statement that claims the run, one round trip less per run,
   * so `load` must load exactly this: `loadOwnedFlat` with it, and no further checks.
   */
  flatLoad?: FlatLoad;
  /** One provider call per item (default: one per record). */
  items?(records: Rec[], options: Opt): Item[];
  /** Expected usage of one item before it runs (for the reservation). */
  estimate(item: Item, options: Opt): Usage;
  /** Values for the prompt's declared variables. */
  promptValues?(item: Item, options: Opt): Record<string, string | number>;
  /** A per-item prompt that replaces the account's (a task's `promptOverride`). */
  taskOverride?(item: Item): string | null | undefined;
  /** Real usage of one item once it ran (what is captured). */
  usage(item: Item, output: Out, tokens: { inputTokens: number; outputTokens: number }): Usage;
  /** Writes the results (inside the run's save transaction) and returns what was produced. */
  save?(ctx: SaveContext, results: Array<ItemResult<Item, Out>>, options: Opt): Promise<Produced[]>;
  /**
   * The save as part of the engine's ONE finishing statement (results, run log and capture in one
   * round trip), instead of `save` in a transaction. `when` is a SQL condition every write must be
   * guarded by (the run is still ours to finish); null when this save cannot be written that way
   * (the engine then calls `save`).
   */
  saveStatement?(ctx: SaveContext, results: Array<ItemResult<Item, Out>>, options: Opt, when: string): SaveStatement | null;
  /** `kind: 'none'` only: does the work at once. */
  run?(ctx: OperationContext, records: Rec[], options: Opt): Promise<Produced[]>;
}

export type ImageOutput = ImageResult;
export type AnyOperation = AiOperation<any, any, any, any>;
