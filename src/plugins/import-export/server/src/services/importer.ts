import type { Core } from '@strapi/strapi';
import type { Cell } from '../domain/coerce';
import { bind, describeKey, diffRow, keyPart, naturalKey, parseRow, relationColumns, scalarColumns, type Bound, type CurrentRecord, type Mapping, type ParsedRow } from '../domain/rows';
import { newDocumentId, PG_TYPES, resolutionOrder } from '../domain/sql-types';
import type { ImportCounts, RelationColumn, ResolvedDataset, RowOutcome, ScalarColumn } from '../domain/types';
import { getService } from '../utils/get-service';

type Knex = any;

export const BATCH_SIZE = 5_000;

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
  rows: AsyncIterable<SourceRow>;
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
 * The import pipeline, set-based: rows are read as a stream and handled in batches of 5,000. Per
 * batch, one query per relation column resolves readable keys to ids (scoped to the row's account
 * and to the target's natural-key relations the row also carries: a keyword's sector is looked up
 * within the keyword's site), one query loads the existing records by natural key, and a write
 * is one INSERT and one UPDATE from `jsonb_to_recordset` plus the link-table rows, in a transaction.
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

  const linkOf = (uid: string, attribute: string) => {
    const jt = (strapi.db.metadata.get(uid) as any).attributes[attribute]?.joinTable;
    return { table: jt.name as string, own: jt.joinColumn.name as string, other: jt.inverseJoinColumn.name as string };
  };

  /** Resolves every relation column of the batch to ids; unknown or ambiguous labels become row errors. */
  async function resolveRelations(dataset: ResolvedDataset, bound: Bound[], planned: Planned[]) {
    const scope = scopeOf(dataset, bound);
    for (const column of resolutionOrder(relationColumns(bound), scope)) {
      const within = scope(column);
      const labels = [...new Set(planned.map((p) => p.row.labels[column.name]).filter((l): l is string => l !== null).map(keyPart))];
      const candidates = new Map<string, Array<{ id: number; scope: Record<string, number | null> }>>();
      if (labels.length) {
        const joins = within.map((attr, i) => ({ attr, alias: `s${i}`, link: linkOf(column.target, attr) }));
        const { rows } = await knex().raw(
          `SELECT t.id, lower(trim(t.??::text)) AS k${joins.map((j) => `, ${j.alias}.?? AS ??`).join('')}
             FROM ?? t ${joins.map((j) => `LEFT JOIN ?? ${j.alias} ON ${j.alias}.?? = t.id`).join(' ')}
            WHERE lower(trim(t.??::text)) = ANY(?::text[])${column.label.softDeletes ? ' AND t.deleted_at IS NULL' : ''}`,
          [
            column.label.column,
            ...joins.flatMap((j) => [j.link.other, j.attr]),
            column.label.table,
            ...joins.flatMap((j) => [j.link.table, j.link.own]),
            column.label.column,
            labels,
          ]
        );
        for (const r of rows) {
          const list = candidates.get(r.k) ?? [];
          list.push({ id: Number(r.id), scope: Object.fromEntries(within.map((a) => [a, r[a] === null ? null : Number(r[a])])) });
          candidates.set(r.k, list);
        }
      }
      const targetName = column.target.split('.').pop();
      for (const p of planned) {
        const label = p.row.labels[column.name];
        if (label === null || label === undefined) {
          p.relationIds[column.name] = null;
          continue;
        }
        const matches = (candidates.get(keyPart(label)) ?? []).filter((c) => within.every((a) => p.relationIds[a] === undefined || c.scope[a] === p.relationIds[a]));
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
  async function loadCurrent(dataset: ResolvedDataset, bound: Bound[], planned: Planned[]) {
    const first = dataset.naturalKey.map((n) => dataset.columns.find((c) => c.name === n)!).find((c): c is ScalarColumn => c.kind === 'scalar');
    const keys = [...new Set(planned.filter((p) => !p.row.errors.length).map((p) => keyPart(p.row.scalars[first!.name])))];
    const found = new Map<string, CurrentRecord[]>();
    if (!keys.length || !first) return found;
    const scalars = scalarColumns(bound);
    for (const name of dataset.naturalKey) {
      const c = dataset.columns.find((x) => x.name === name)!;
      if (c.kind === 'scalar' && !scalars.includes(c)) scalars.push(c);
    }
    const relations = relationColumns(bound).filter((c) => !c.toMany);
    const select = scalars.map((c) => (c.type === 'date' || c.type === 'time' ? `t.??::text AS ??` : `t.?? AS ??`));
    const { rows } = await knex().raw(
      `SELECT t.id${select.map((s) => `, ${s}`).join('')}${relations.map((_, i) => `, l${i}.?? AS ??, r${i}.??::text AS ??`).join('')}
         FROM ?? t ${relations.map((_, i) => `LEFT JOIN ?? l${i} ON l${i}.?? = t.id LEFT JOIN ?? r${i} ON r${i}.id = l${i}.??`).join(' ')}
        WHERE lower(trim(t.??::text)) = ANY(?::text[])${dataset.softDeletes ? ' AND t.deleted_at IS NULL' : ''}`,
      [
        ...scalars.flatMap((c) => [c.dbColumn, `s_${c.name}`]),
        ...relations.flatMap((c) => [c.link.other, `r_${c.name}`, c.label.column, `rl_${c.name}`]),
        dataset.table,
        ...relations.flatMap((c) => [c.link.table, c.link.own, c.label.table, c.link.other]),
        first.dbColumn,
        keys,
      ]
    );
    for (const r of rows) {
      const record: CurrentRecord = {
        id: Number(r.id),
        scalars: Object.fromEntries(scalars.map((c) => [c.name, r[`s_${c.name}`]])),
        relations: Object.fromEntries(relations.map((c) => [c.name, { id: r[`r_${c.name}`] === null ? null : Number(r[`r_${c.name}`]), label: r[`rl_${c.name}`] }])),
      };
      const ids = Object.fromEntries(Object.entries(record.relations).map(([k, v]) => [k, v.id]));
      const key = naturalKey(dataset, record.scalars, ids);
      found.set(key, [...(found.get(key) ?? []), record]);
    }
    return found;
  }

  /** Link rows for (own, other) pairs, appended to the target's order when the relation is bidirectional. */
  async function insertLinks(trx: Knex, column: RelationColumn, pairs: Array<[number, number]>) {
    if (!pairs.length) return;
    const own = pairs.map((p) => p[0]);
    const other = pairs.map((p) => p[1]);
    const { table, inverseOrder } = column.link;
    if (inverseOrder) {
      await trx.raw(
        `INSERT INTO ?? (??, ??, ??)
         SELECT v.own, v.other, COALESCE(m.top, 0) + row_number() OVER (PARTITION BY v.other ORDER BY v.own)
           FROM unnest(?::int[], ?::int[]) AS v(own, other)
           LEFT JOIN (SELECT ?? AS other, max(??) AS top FROM ?? WHERE ?? = ANY(?::int[]) GROUP BY ??) m ON m.other = v.other`,
        [table, column.link.own, column.link.other, inverseOrder, own, other, column.link.other, inverseOrder, table, column.link.other, [...new Set(other)], column.link.other]
      );
    } else {
      await trx.raw(`INSERT INTO ?? (??, ??) SELECT * FROM unnest(?::int[], ?::int[])`, [table, column.link.own, column.link.other, own, other]);
    }
  }

  async function write(dataset: ResolvedDataset, bound: Bound[], creates: Planned[], updates: Planned[], adminUserId: number | null) {
    if (!creates.length && !updates.length) return;
    const meta = strapi.db.metadata.get(dataset.uid) as any;
    const createdBy = meta.attributes.createdBy?.joinColumn?.name as string | undefined;
    const updatedBy = meta.attributes.updatedBy?.joinColumn?.name as string | undefined;
    const mapped = scalarColumns(bound);
    const defaults = dataset.columns.filter((c): c is ScalarColumn => c.kind === 'scalar' && !c.readOnly && !mapped.includes(c) && c.default !== undefined);
    const relations = relationColumns(bound).filter((c) => !c.toMany);
    const recordset = (cols: ScalarColumn[], extra: string) => `jsonb_to_recordset(?::jsonb) AS v(${[extra, ...cols.map((c) => `"${c.name}" ${PG_TYPES[c.type]}`)].join(', ')})`;

    await strapi.db.transaction(async ({ trx }: { trx: Knex }) => {
      if (creates.length) {
        const cols = [...mapped, ...defaults];
        const payload = creates.map((p) => ({
          document_id: newDocumentId(),
          ...Object.fromEntries(mapped.map((c) => [c.name, p.row.scalars[c.name]])),
          ...Object.fromEntries(defaults.map((c) => [c.name, c.default])),
        }));
        const audit = [...(createdBy ? [createdBy] : []), ...(updatedBy ? [updatedBy] : [])];
        const { rows } = await trx.raw(
          `INSERT INTO ?? (document_id${cols.map(() => ', ??').join('')}, created_at, updated_at${audit.map(() => ', ??').join('')})
           SELECT v.document_id${cols.map((c) => `, v."${c.name}"`).join('')}, now(), now()${audit.map(() => ', ?').join('')}
             FROM ${recordset(cols, 'document_id text')} RETURNING id, document_id`,
          [dataset.table, ...cols.map((c) => c.dbColumn), ...audit, ...audit.map(() => adminUserId), JSON.stringify(payload)]
        );
        const idOf = new Map<string, number>(rows.map((r: any) => [r.document_id, Number(r.id)]));
        const ids = payload.map((p) => idOf.get(p.document_id)!);
        for (const column of relations) {
          await insertLinks(trx, column, creates.flatMap((p, i) => (p.relationIds[column.name] ? [[ids[i], p.relationIds[column.name]!] as [number, number]] : [])));
        }
      }
      if (updates.length) {
        if (mapped.length) {
          const payload = updates.map((p) => ({ id: p.current!.id, ...Object.fromEntries(mapped.map((c) => [c.name, p.row.scalars[c.name]])) }));
          await trx.raw(
            `UPDATE ?? AS t SET ${mapped.map(() => '?? = v.??').join(', ')}, updated_at = now()${updatedBy ? ', ?? = ?' : ''}
               FROM ${recordset(mapped, 'id integer')} WHERE t.id = v.id`,
            [dataset.table, ...mapped.flatMap((c) => [c.dbColumn, c.name]), ...(updatedBy ? [updatedBy, adminUserId] : []), JSON.stringify(payload)]
          );
        } else {
          await trx.raw(`UPDATE ?? SET updated_at = now() WHERE id = ANY(?::int[])`, [dataset.table, updates.map((p) => p.current!.id)]);
        }
        for (const column of relations) {
          const changed = updates.filter((p) => p.outcome.diff && column.name in p.outcome.diff);
          if (!changed.length) continue;
          await trx.raw(`DELETE FROM ?? WHERE ?? = ANY(?::int[])`, [column.link.table, column.link.own, changed.map((p) => p.current!.id)]);
          await insertLinks(trx, column, changed.flatMap((p) => (p.relationIds[column.name] ? [[p.current!.id, p.relationIds[column.name]!] as [number, number]] : [])));
        }
      }
    });
  }

  return {
    scopeOf,

    async process(args: ProcessArgs) {
      const dataset = datasets().get(args.uid);
      const bound = bind(args.mapping, args.headers, dataset);
      const mappedNames = new Set(bound.map((b) => b.column.name));
      const missingRequired = dataset.columns.filter((c) => !c.readOnly && c.required && !mappedNames.has(c.name) && !(c.kind === 'scalar' && c.default !== undefined));
      const seen = new Map<string, number>();
      const counts: ImportCounts = { total: 0, create: 0, update: 0, skip: 0, error: 0 };
      const sample: RowOutcome[] = [];
      const skipped: RowOutcome[] = [];
      const sampleSize = args.sample ?? 0;

      const handle = async (batch: SourceRow[]) => {
        const planned: Planned[] = batch.map(({ line, cells }) => {
          const row = parseRow(line, cells, bound);
          return { row, cells, relationIds: {}, outcome: { line, action: 'error', key: '' } };
        });
        await resolveRelations(dataset, bound, planned);
        for (const p of planned) {
          if (dataset.tenantOwned && p.row.labels.account === null) p.row.errors.push('account: is required');
        }
        const current = await loadCurrent(dataset, bound, planned);
        const creates: Planned[] = [];
        const updates: Planned[] = [];
        for (const p of planned) {
          if (!p.row.errors.length) {
            const key = naturalKey(dataset, p.row.scalars, p.relationIds);
            const earlier = seen.get(key);
            if (earlier !== undefined) p.row.errors.push(`${dataset.naturalKey.join(' + ')}: same natural key as line ${earlier}`);
            else seen.set(key, p.row.line);
            const existing = current.get(key) ?? [];
            if (!p.row.errors.length && existing.length > 1) p.row.errors.push(`${dataset.naturalKey.join(' + ')}: matches ${existing.length} existing records`);
            if (!p.row.errors.length && existing.length === 1) {
              p.current = existing[0];
              const diff = diffRow(bound, { scalars: p.row.scalars, relationIds: p.relationIds, labels: p.row.labels }, existing[0]);
              p.outcome = Object.keys(diff).length ? { ...p.outcome, action: 'update', diff } : { ...p.outcome, action: 'skip' };
            } else if (!p.row.errors.length) {
              for (const c of missingRequired) p.row.errors.push(`${c.name}: is required to create a record and the file has no such column`);
              if (!p.row.errors.length) p.outcome = { ...p.outcome, action: 'create' };
            }
          }
          if (p.row.errors.length) p.outcome = { ...p.outcome, action: 'error', errors: p.row.errors };
          counts[p.outcome.action]++;
          if (p.outcome.action === 'create') creates.push(p);
          if (p.outcome.action === 'update') updates.push(p);
          // The readable key only for the outcomes a preview returns (building it per row costs at 100k rows).
          if (p.outcome.action === 'skip') {
            if (skipped.length < sampleSize) skipped.push({ ...p.outcome, key: describeKey(dataset, p.row) });
          } else if (sample.length < sampleSize) sample.push({ ...p.outcome, key: describeKey(dataset, p.row) });
        }
        counts.total += planned.length;
        if (args.write) await write(dataset, bound, creates, updates, args.adminUserId ?? null);
        const rejected = planned.filter((p) => p.outcome.action === 'error').map((p) => ({ line: p.row.line, cells: p.cells, errors: p.row.errors }));
        if (rejected.length) await args.onRejected?.(rejected);
        await args.onBatch?.({ ...counts });
      };

      let batch: SourceRow[] = [];
      let stopped = false;
      for await (const row of args.rows) {
        batch.push(row);
        if (batch.length >= BATCH_SIZE) {
          await handle(batch);
          batch = [];
          if (await args.stop?.()) {
            stopped = true;
            break;
          }
        }
      }
      if (batch.length && !stopped) await handle(batch);
      return { counts, stopped, rows: [...sample, ...skipped].slice(0, sampleSize).sort((a, b) => a.line - b.line) };
    },
  };
};

export type ImporterService = ReturnType<typeof createImporterService>;
