import type { Core } from '@strapi/strapi';
import type { Cell } from '../domain/coerce';
import { bind, compileRowParser, describeKey, diffRow, keyPart, naturalKeyOf, relationColumns, scalarColumns, type Bound, type CurrentRecord, type Mapping, type ParsedRow } from '../domain/rows';
import { newDocumentIds } from '../../../../../lib/document-id';
import { ident, PG_TYPES, resolutionOrder } from '../domain/sql-types';
import type { ImportCounts, RelationColumn, ResolvedDataset, RowOutcome, ScalarColumn } from '../domain/types';
import { getService } from '../utils/get-service';

type Knex = any;

export const BATCH_SIZE = 5_000;
/** Batch writes running at once (see `process`): two keep both cores of a small server busy. */
export const WRITES_IN_FLIGHT = 2;

export interface SourceRow {
  line: number;
  cells: Cell[];
}

export interface Rejection {
  line: number;
  cells: Cell[];
  errors: string[];
}

export interface ProcessArgs {
  uid: string;
  headers: string[];
  /** The file's data rows, in arrays as the reader hands them on (`dataBatches`). */
  batches: AsyncIterable<SourceRow[]>;
  mapping: Mapping;
  /** false: dry run (nothing is written); true: upsert in one short transaction per batch. */
  write: boolean;
  adminUserId?: number | null;
  /** How many row outcomes (creates, updates, errors; skips last) the result keeps for a preview. */
  sample?: number;
  onRejected?: (rejections: Rejection[]) => Promise<void>;
  onBatch?: (counts: ImportCounts) => Promise<void>;
  stop?: () => Promise<boolean>;
}

interface Planned {
  row: ParsedRow;
  cells: Cell[];
  relationIds: Record<string, number | null>;
  current?: CurrentRecord;
  outcome: RowOutcome;
}

/**
 * The import pipeline, set-based: rows are read as a stream (in arrays, not one promise per row) and
 * handled in batches of 5,000. Per batch: the cells are validated in JS (every error of a row,
 * each naming its column); one query per relation column resolves the readable keys not seen in an
 * earlier batch to ids (scoped to the row's account and to the target's natural-key relations the row
 * also carries: a keyword's sector is looked up within the keyword's site); one query loads the
 * existing records by natural key; the rows are classified (create, update with the diff, skip,
 * error); and the write is ONE statement (INSERT and UPDATE from `json_to_recordset` plus the
 * link-table rows, as data-modifying CTEs), which runs while the next batch is parsed and matched.
 * A dry run is the same pipeline without the writes, so the preview says exactly what the run does.
 */
export const createImporterService = ({ strapi }: { strapi: Core.Strapi }) => {
  const datasets = () => getService(strapi, 'datasets');
  const knex = () => strapi.db.connection as Knex;

  /** Target natural-key relations a relation column is looked up within, when the row has them too. */
  const scopeOf = (dataset: ResolvedDataset, bound: Bound[]) => (column: RelationColumn): string[] => {
    const names = new Set(relationColumns(bound).map((c) => c.name));
    const scope: string[] = [];
    if (column.label.tenantOwned && names.has('account') && column.name !== 'account') scope.push('account');
    if (datasets().has(column.target)) {
      const target = datasets().get(column.target);
      for (const key of target.naturalKey) {
        const tc = target.columns.find((c) => c.name === key);
        const own = dataset.columns.find((c) => c.name === key);
        if (key !== 'account' && tc?.kind === 'relation' && own?.kind === 'relation' && own.target === tc.target && names.has(key) && key !== column.name) scope.push(key);
      }
    }
    return scope;
  };

  /**
   * How Strapi 5 keeps the rows of a type: with Draft & Publish, an import matches, links to and
   * writes the draft rows (`published_at IS NULL`; publishing stays a person's action, the Content
   * Manager then shows "modified"); without it, Strapi stamps `published_at` at creation, and so does
   * the import.
   */
  const versions = (uid: string) => {
    const draftAndPublish = (strapi.getModel(uid as any) as any)?.options?.draftAndPublish === true;
    const attribute = (strapi.db.metadata.get(uid) as any).attributes.publishedAt;
    const column = attribute ? ((attribute.columnName as string | undefined) ?? 'published_at') : undefined;
    return { draftOnly: draftAndPublish && column ? ` AND t.${ident(column)} IS NULL` : '', stampOnCreate: !draftAndPublish ? column : undefined };
  };

  const linkOf = (uid: string, attribute: string) => {
    const jt = (strapi.db.metadata.get(uid) as any).attributes[attribute]?.joinTable;
    return { table: jt.name as string, own: jt.joinColumn.name as string, other: jt.inverseJoinColumn.name as string };
  };

  type Candidates = Map<string, Array<{ id: number; scope: Record<string, number | null> }>>;

  /**
   * Resolves every relation column of the batch to ids; unknown or ambiguous labels become row errors.
   * `cache` lives for the whole import: a file repeats the same few sites and sectors on every row, so
   * a label is looked up once (one query per relation column for the labels not seen yet).
   */
  async function resolveRelations(dataset: ResolvedDataset, bound: Bound[], planned: Planned[], cache: Map<string, Candidates>) {
    const scope = scopeOf(dataset, bound);
    for (const column of resolutionOrder(relationColumns(bound), scope)) {
      const within = scope(column);
      const candidates: Candidates = cache.get(column.name) ?? new Map();
      cache.set(column.name, candidates);
      const labels = new Set<string>();
      for (const p of planned) {
        const label = p.row.labels[column.name];
        if (label !== null && label !== undefined) {
          const k = keyPart(label);
          if (!candidates.has(k)) labels.add(k);
        }
      }
      if (labels.size) {
        for (const k of labels) candidates.set(k, []);
        const joins = within.map((attr, i) => ({ attr, alias: `s${i}`, link: linkOf(column.target, attr) }));
        const { rows } = await knex().raw(
          `SELECT t.id, lower(trim(t.??::text)) AS k${joins.map((j) => `, ${j.alias}.?? AS ??`).join('')}
             FROM ?? t ${joins.map((j) => `LEFT JOIN ?? ${j.alias} ON ${j.alias}.?? = t.id`).join(' ')}
            WHERE lower(trim(t.??::text)) = ANY(?::text[])${column.label.softDeletes ? ' AND t.deleted_at IS NULL' : ''}${versions(column.target).draftOnly}`,
          [
            column.label.column,
            ...joins.flatMap((j) => [j.link.other, j.attr]),
            column.label.table,
            ...joins.flatMap((j) => [j.link.table, j.link.own]),
            column.label.column,
            [...labels],
          ]
        );
        for (const r of rows) {
          candidates.get(r.k)!.push({ id: Number(r.id), scope: Object.fromEntries(within.map((a) => [a, r[a] === null ? null : Number(r[a])])) });
        }
      }
      const targetName = column.target.split('.').pop();
      for (const p of planned) {
        const label = p.row.labels[column.name];
        if (label === null || label === undefined) {
          p.relationIds[column.name] = null;
          continue;
        }
        const all = candidates.get(keyPart(label)) ?? [];
        const matches = within.length ? all.filter((c) => within.every((a) => p.relationIds[a] === undefined || c.scope[a] === p.relationIds[a])) : all;
        if (matches.length === 1) p.relationIds[column.name] = matches[0].id;
        else {
          p.relationIds[column.name] = null;
          const where = within.filter((a) => p.row.labels[a]).map((a) => `${a} "${p.row.labels[a]}"`);
          p.row.errors.push(
            matches.length === 0
              ? `${column.name}: no ${targetName} "${label}"${where.length ? ` in ${where.join(', ')}` : ''}`
              : `${column.name}: "${label}" matches ${matches.length} ${targetName} records; add the columns that tell them apart`
          );
        }
      }
    }
  }

  /** The live records of the batch's natural keys, with their mapped scalars and to-one relations. */
  async function loadCurrent(dataset: ResolvedDataset, bound: Bound[], planned: Planned[], keyOf: ReturnType<typeof naturalKeyOf>) {
    const first = dataset.naturalKey.map((n) => dataset.columns.find((c) => c.name === n)!).find((c): c is ScalarColumn => c.kind === 'scalar');
    const found = new Map<string, CurrentRecord[]>();
    if (!first) return found;
    const keys = new Set<string>();
    for (const p of planned) if (!p.row.errors.length) keys.add(keyPart(p.row.scalars[first.name]));
    if (!keys.size) return found;
    const scalars = scalarColumns(bound);
    for (const name of dataset.naturalKey) {
      const c = dataset.columns.find((x) => x.name === name)!;
      if (c.kind === 'scalar' && !scalars.includes(c)) scalars.push(c);
    }
    const relations = relationColumns(bound).filter((c) => !c.toMany);
    const select = scalars.map((c) => (c.type === 'date' || c.type === 'time' ? `t.??::text AS ??` : `t.?? AS ??`));
    // The keys travel as one JSON array (serialised natively, where a text[] binding is escaped element by element in JS).
    const { rows } = await knex().raw(
      `SELECT t.id${select.map((s) => `, ${s}`).join('')}${relations.map((_, i) => `, l${i}.?? AS ??, r${i}.??::text AS ??`).join('')}
         FROM ?? t ${relations.map((_, i) => `LEFT JOIN ?? l${i} ON l${i}.?? = t.id LEFT JOIN ?? r${i} ON r${i}.id = l${i}.??`).join(' ')}
        WHERE lower(trim(t.??::text)) = ANY(ARRAY(SELECT json_array_elements_text(?::json)))${dataset.softDeletes ? ' AND t.deleted_at IS NULL' : ''}${versions(dataset.uid).draftOnly}`,
      [
        ...scalars.flatMap((c) => [c.dbColumn, `s_${c.name}`]),
        ...relations.flatMap((c) => [c.link.other, `r_${c.name}`, c.label.column, `rl_${c.name}`]),
        dataset.table,
        ...relations.flatMap((c) => [c.link.table, c.link.own, c.label.table, c.link.other]),
        first.dbColumn,
        JSON.stringify([...keys]),
      ]
    );
    // Field names built once, not per row and column.
    const scalarFields = scalars.map((c) => [c.name, `s_${c.name}`]);
    const relationFields = relations.map((c) => [c.name, `r_${c.name}`, `rl_${c.name}`]);
    for (const r of rows) {
      const record: CurrentRecord = { id: Number(r.id), scalars: {}, relations: {} };
      const ids: Record<string, number | null> = {};
      for (const [name, field] of scalarFields) record.scalars[name] = r[field];
      for (const [name, field, label] of relationFields) {
        const id = r[field] === null ? null : Number(r[field]);
        record.relations[name] = { id, label: r[label] };
        ids[name] = id;
      }
      const key = keyOf(record.scalars, ids);
      const list = found.get(key);
      if (list) list.push(record);
      else found.set(key, [record]);
    }
    return found;
  }

  /**
   * The link-table rows of `source` (a CTE with the record id in `id` and the target id in `r<i>`), as
   * one more CTE; appended to the target's order when the relation is bidirectional.
   */
  const linkCte = (name: string, column: RelationColumn, source: string, ref: string, where: string) => {
    const { table, own, other, inverseOrder } = column.link;
    if (!inverseOrder) {
      return `${name} AS (INSERT INTO ${ident(table)} (${ident(own)}, ${ident(other)}) SELECT s.id, s.${ref} FROM ${source} s WHERE s.${ref} IS NOT NULL${where})`;
    }
    return `${name} AS (INSERT INTO ${ident(table)} (${ident(own)}, ${ident(other)}, ${ident(inverseOrder)})
      SELECT s.id, s.${ref}, COALESCE(m.top, 0) + row_number() OVER (PARTITION BY s.${ref} ORDER BY s.id)
        FROM ${source} s LEFT JOIN (SELECT ${ident(other)} AS other, max(${ident(inverseOrder)}) AS top FROM ${ident(table)}
                                     WHERE ${ident(other)} IN (SELECT ${ref} FROM ${source}) GROUP BY ${ident(other)}) m ON m.other = s.${ref}
       WHERE s.${ref} IS NOT NULL${where})`;
  };

  /**
   * The writes of a batch as one statement (atomic on its own, one round trip): the new records from
   * `json_to_recordset` with generated documentIds and their link rows, and the changed records with
   * their changed links replaced. Sub-statements of one WITH share a snapshot: a DELETE of a link row
   * never sees the INSERT beside it, and old and new link rows differ (only changed relations are
   * rewritten), so they cannot collide on the link table's unique key.
   */
  async function write(dataset: ResolvedDataset, bound: Bound[], creates: Planned[], updates: Planned[], adminUserId: number | null) {
    if (!creates.length && !updates.length) return;
    const meta = strapi.db.metadata.get(dataset.uid) as any;
    const createdBy = meta.attributes.createdBy?.joinColumn?.name as string | undefined;
    const updatedBy = meta.attributes.updatedBy?.joinColumn?.name as string | undefined;
    const mapped = scalarColumns(bound);
    const defaults = dataset.columns.filter((c): c is ScalarColumn => c.kind === 'scalar' && !c.readOnly && !mapped.includes(c) && c.default !== undefined);
    const relations = relationColumns(bound).filter((c) => !c.toMany);
    const refs = relations.map((_, i) => `ie_r${i}`);
    // json, not jsonb: the payload is read once, and skipping jsonb's binary form halves the decoding.
    const recordset = (cols: ScalarColumn[], extra: string[]) => `json_to_recordset(?::json) AS v(${[...extra, ...cols.map((c) => `${ident(c.name)} ${PG_TYPES[c.type]}`)].join(', ')})`;
    const ctes: string[] = [];
    const bindings: unknown[] = [];
    const t = ident(dataset.table);

    if (creates.length) {
      const cols = [...mapped, ...defaults];
      const documentIds = newDocumentIds(creates.length);
      const payload = creates.map((p, n) => {
        const o: Record<string, unknown> = { document_id: documentIds[n] };
        for (const c of mapped) o[c.name] = p.row.scalars[c.name];
        for (const c of defaults) o[c.name] = c.default;
        relations.forEach((c, i) => (o[refs[i]] = p.relationIds[c.name]));
        return o;
      });
      const audit = [...(createdBy ? [createdBy] : []), ...(updatedBy ? [updatedBy] : [])];
      const published = versions(dataset.uid).stampOnCreate;
      ctes.push(`cv AS MATERIALIZED (SELECT * FROM ${recordset(cols, ['document_id text', ...refs.map((r) => `${r} integer`)])})`);
      bindings.push(JSON.stringify(payload));
      ctes.push(
        `ci AS (INSERT INTO ${t} (document_id${cols.map((c) => `, ${ident(c.dbColumn)}`).join('')}, created_at, updated_at${published ? `, ${ident(published)}` : ''}${audit.map((c) => `, ${ident(c)}`).join('')})
          SELECT v.document_id${cols.map((c) => `, v.${ident(c.name)}`).join('')}, now(), now()${published ? ', now()' : ''}${audit.map(() => ', ?').join('')} FROM cv v RETURNING id, document_id)`
      );
      bindings.push(...audit.map(() => adminUserId));
      if (relations.length) {
        ctes.push(`ck AS MATERIALIZED (SELECT ci.id${refs.map((r) => `, cv.${r}`).join('')} FROM ci JOIN cv USING (document_id))`);
        relations.forEach((c, i) => ctes.push(linkCte(`cl${i}`, c, 'ck', refs[i], '')));
      }
    }
    if (updates.length) {
      const changedFlags = relations.map((_, i) => `ie_c${i}`);
      const payload = updates.map((p) => {
        const o: Record<string, unknown> = { id: p.current!.id };
        for (const c of mapped) o[c.name] = p.row.scalars[c.name];
        relations.forEach((c, i) => {
          o[refs[i]] = p.relationIds[c.name];
          o[changedFlags[i]] = Boolean(p.outcome.diff && c.name in p.outcome.diff);
        });
        return o;
      });
      ctes.push(`uv AS MATERIALIZED (SELECT * FROM ${recordset(mapped, ['id integer', ...refs.map((r) => `${r} integer`), ...changedFlags.map((f) => `${f} boolean`)])})`);
      bindings.push(JSON.stringify(payload));
      ctes.push(
        `uu AS (UPDATE ${t} AS t SET ${mapped.map((c) => `${ident(c.dbColumn)} = v.${ident(c.name)}, `).join('')}updated_at = now()${updatedBy ? `, ${ident(updatedBy)} = ?` : ''}
           FROM uv v WHERE t.id = v.id RETURNING t.id)`
      );
      if (updatedBy) bindings.push(adminUserId);
      relations.forEach((c, i) => {
        ctes.push(`ud${i} AS (DELETE FROM ${ident(c.link.table)} l USING uv v WHERE l.${ident(c.link.own)} = v.id AND v.${changedFlags[i]})`);
        ctes.push(linkCte(`ul${i}`, c, 'uv', refs[i], ` AND s.${changedFlags[i]}`));
      });
    }
    await knex().raw(`WITH ${ctes.join(',\n')}\nSELECT 1`, bindings);
  }

  return {
    scopeOf,

    async process(args: ProcessArgs) {
      const dataset = datasets().get(args.uid);
      const bound = bind(args.mapping, args.headers, dataset);
      const keyOf = naturalKeyOf(dataset);
      const parseRow = compileRowParser(bound);
      const keyName = dataset.naturalKey.join(' + ');
      const mappedNames = new Set(bound.map((b) => b.column.name));
      const missingRequired = dataset.columns.filter((c) => !c.readOnly && c.required && !mappedNames.has(c.name) && !(c.kind === 'scalar' && c.default !== undefined));
      const seen = new Map<string, number>();
      const relationCache = new Map<string, Candidates>();
      const counts: ImportCounts = { total: 0, create: 0, update: 0, skip: 0, error: 0 };
      const sample: RowOutcome[] = [];
      const skipped: RowOutcome[] = [];
      const sampleSize = args.sample ?? 0;

      // A batch's write runs while the next batches are parsed, validated and matched. Up to
      // WRITES_IN_FLIGHT writes run at once, each its own statement on its own pooled connection:
      // PostgreSQL's share of a create (mostly the foreign-key checks of the link rows) then uses a
      // second core instead of waiting on one backend. Batches never share a natural key (`seen`), so
      // concurrent writes touch disjoint records. A relation appended to the target's order column
      // reads max(order) in its statement: two writes at once could take the same positions, so
      // such imports keep one write at a time. The callbacks (rejections, progress) run in file order.
      // A failure surfaces at the next settle(); a batch already in flight beside it may still land.
      const parallel = relationColumns(bound).some((c) => !c.toMany && c.link.inverseOrder) ? 1 : WRITES_IN_FLIGHT;
      const writing = new Set<Promise<void>>();
      let callbacks: Promise<void> = Promise.resolve();
      let failure: { error: unknown } | undefined;
      const settle = async (room: number) => {
        while (writing.size > room) await Promise.race(writing);
        if (room === 0) await callbacks;
        if (failure) {
          // The import ends here: let the other write in flight finish first, so nothing runs after it.
          await Promise.all(writing);
          throw failure.error;
        }
      };

      const handle = async (batch: SourceRow[]) => {
        const planned: Planned[] = batch.map(({ line, cells }) => ({ row: parseRow(line, cells), cells, relationIds: {}, outcome: { line, action: 'error', key: '' } }));
        await resolveRelations(dataset, bound, planned, relationCache);
        if (dataset.tenantOwned) {
          for (const p of planned) if (p.row.labels.account === null) p.row.errors.push('account: is required');
        }
        const current = await loadCurrent(dataset, bound, planned, keyOf);
        const creates: Planned[] = [];
        const updates: Planned[] = [];
        const rejected: Rejection[] = [];
        for (const p of planned) {
          const errors = p.row.errors;
          if (!errors.length) {
            const key = keyOf(p.row.scalars, p.relationIds);
            const earlier = seen.get(key);
            if (earlier !== undefined) errors.push(`${keyName}: same natural key as line ${earlier}`);
            else seen.set(key, p.row.line);
            const existing = current.get(key);
            if (!errors.length && existing && existing.length > 1) errors.push(`${keyName}: matches ${existing.length} existing records`);
            else if (!errors.length && existing) {
              p.current = existing[0];
              const diff = diffRow(bound, { scalars: p.row.scalars, relationIds: p.relationIds, labels: p.row.labels }, existing[0]);
              for (const _ in diff) {
                p.outcome.action = 'update';
                p.outcome.diff = diff;
                break;
              }
              if (p.outcome.action !== 'update') p.outcome.action = 'skip';
            } else if (!errors.length) {
              for (const c of missingRequired) errors.push(`${c.name}: is required to create a record and the file has no such column`);
              if (!errors.length) p.outcome.action = 'create';
            }
          }
          const outcome = p.outcome;
          if (errors.length) {
            outcome.action = 'error';
            outcome.errors = errors;
            rejected.push({ line: p.row.line, cells: p.cells, errors });
          }
          counts[outcome.action]++;
          if (outcome.action === 'create') creates.push(p);
          else if (outcome.action === 'update') updates.push(p);
          // The readable key only for the outcomes a preview returns (building it per row costs at 100k rows).
          if (outcome.action === 'skip') {
            if (skipped.length < sampleSize) skipped.push({ ...outcome, key: describeKey(dataset, p.row) });
          } else if (sample.length < sampleSize) sample.push({ ...outcome, key: describeKey(dataset, p.row) });
        }
        counts.total += planned.length;
        const progress = { ...counts };
        await settle(parallel - 1);
        const written = args.write ? write(dataset, bound, creates, updates, args.adminUserId ?? null) : Promise.resolve();
        const previous = callbacks;
        const done: Promise<void> = (async () => {
          await written;
          await previous;
          if (failure) return;
          if (rejected.length) await args.onRejected?.(rejected);
          await args.onBatch?.(progress);
        })()
          .catch((error) => {
            failure ??= { error };
          })
          .finally(() => writing.delete(done));
        writing.add(done);
        callbacks = done;
      };

      let batch: SourceRow[] = [];
      let stopped = false;
      outer: for await (const rows of args.batches) {
        for (const row of rows) batch.push(row);
        while (batch.length >= BATCH_SIZE) {
          await handle(batch.slice(0, BATCH_SIZE));
          batch = batch.slice(BATCH_SIZE);
          if (await args.stop?.()) {
            stopped = true;
            break outer;
          }
        }
      }
      if (batch.length && !stopped) await handle(batch);
      await settle(0);
      return { counts, stopped, rows: [...sample, ...skipped].slice(0, sampleSize).sort((a, b) => a.line - b.line) };
    },
  };
};

export type ImporterService = ReturnType<typeof createImporterService>;
