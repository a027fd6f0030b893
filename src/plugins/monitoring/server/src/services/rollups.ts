import type { Core } from '@strapi/strapi';
import { rebuildSql, ROLLUP_BASE_DDL, rollupSources, rollupTableDdl, sourceTriggerDdl, type RollupSource } from '../domain/rollups';

const CONTENT = 'api::content.content';
const TASK = 'api::task.task';

/**
 * Keeps the daily rollups (domain/rollups.ts) current. `refresh()` recomputes, per source, the days
 * since the last refresh and the past days the triggers marked dirty, under an advisory lock so
 * processes take turns; the first refresh builds everything (backfill). It runs as the `monitoring`
 * queue's repeatable `refresh-rollups` job (once per tick across processes) and, when a reader finds
 * a source behind (a new day, a dirty day), before that reader reads: readers never see stale days.
 */
export const createRollupsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const live = (uid: string) => ((strapi.db.metadata.get(uid as any)?.attributes as any)?.deletedAt ? ' AND deleted_at IS NULL' : '');
  let sources: RollupSource[] | null = null;
  const all = () => (sources ??= rollupSources({ contents: live(CONTENT), tasks: live(TASK) }));
  const installed = new Set<string>();
  const inFlight = new Map<string, Promise<unknown>>();

  const tableExists = async (name: string) => Boolean((await knex().raw('SELECT to_regclass(?) AS t', [name])).rows[0].t);

  const service = {
    /** Sources whose table exists (the ledger needs the credits plugin). */
    sources: () => all().filter((s) => installed.has(s.name)),

    /** Tables, trigger functions and the source triggers; one boot at a time (concurrent CREATE OR REPLACE fails). */
    async ensureSchema() {
      await knex().transaction(async (trx) => {
        await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('monitoring.rollups-schema'))`);
        for (const statement of ROLLUP_BASE_DDL) await trx.raw(statement);
      });
      for (const s of all()) {
        if (!(await tableExists(s.source))) continue;
        await knex().transaction(async (trx) => {
          await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('monitoring.rollups-schema'))`);
          for (const t of s.tables) for (const statement of rollupTableDdl(t)) await trx.raw(statement);
          for (const statement of sourceTriggerDdl(s)) await trx.raw(statement);
        });
        installed.add(s.name);
      }
    },

    /**
     * Brings one source's rollups up to date: every day before today, from the last refresh (and the
     * day before it, for a transaction that straddled midnight) and every dirty day. Returns the days
     * rewritten ('all' on the first build).
     */
    async refreshSource(name: string, { recheckLastDay = false } = {}): Promise<{ source: string; days: number | 'all' }> {
      const s = all().find((x) => x.name === name);
      if (!s || !installed.has(s.name)) throw new Error(`monitoring rollups: unknown source ${name}`);
      return knex().transaction(async (trx) => {
        await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`monitoring.rollup:${s.name}`]);
        const state = (await trx.raw(`SELECT to_char(rolled_until, 'YYYY-MM-DD') AS until, to_char(current_date, 'YYYY-MM-DD') AS today FROM monitoring_rollup_state WHERE source = ?`, [s.name])).rows[0];
        if (!state) {
          await trx.raw(`DELETE FROM monitoring_rollup_dirty WHERE source = ?`, [s.name]);
          for (const t of s.tables) {
            const sql = rebuildSql(s, t, 'all');
            await trx.raw(sql.remove);
            await trx.raw(sql.insert);
          }
          await trx.raw(
            `INSERT INTO monitoring_rollup_state (source, rolled_until, refreshed_at) VALUES (?, current_date, now())
             ON CONFLICT (source) DO UPDATE SET rolled_until = EXCLUDED.rolled_until, refreshed_at = EXCLUDED.refreshed_at`,
            [s.name]
          );
          return { source: s.name, days: 'all' as const };
        }
        // Days before today: the dirty ones, and those since the last refresh (with its last day again on ticks).
        const { rows } = await trx.raw(
          `WITH dirty AS (DELETE FROM monitoring_rollup_dirty WHERE source = ? RETURNING day)
           SELECT array_agg(DISTINCT day ORDER BY day)::text[] AS days FROM (
             SELECT day FROM dirty WHERE day < current_date
             UNION ALL SELECT generate_series(?::date - ?::int, current_date - 1, interval '1 day')::date
           ) x`,
          [s.name, state.until, recheckLastDay ? 1 : 0]
        );
        const days: string[] = rows[0].days ?? [];
        if (days.length) {
          for (const t of s.tables) {
            const sql = rebuildSql(s, t, 'list');
            await trx.raw(sql.remove, [days]);
            await trx.raw(sql.insert, [days]);
          }
        }
        await trx.raw(`UPDATE monitoring_rollup_state SET rolled_until = current_date, refreshed_at = now() WHERE source = ?`, [s.name]);
        return { source: s.name, days: days.length };
      });
    },

    /** Every source (the repeatable job). */
    async refresh({ recheckLastDay = true } = {}) {
      const out = [];
      for (const s of all()) if (installed.has(s.name)) out.push(await service.refreshSource(s.name, { recheckLastDay }));
      return out;
    },

    /**
     * Before a reader uses a source's rollups: refreshes it when it was never built, a day has passed
     * since, or a past day changed. One small query when it is current.
     */
    async ensureCurrent(name: string) {
      if (!installed.has(name)) return false;
      const { rows } = await knex().raw(
        `SELECT (SELECT rolled_until >= current_date FROM monitoring_rollup_state WHERE source = ?) AS current,
                EXISTS (SELECT 1 FROM monitoring_rollup_dirty WHERE source = ?) AS dirty`,
        [name, name]
      );
      if (!rows[0].current || rows[0].dirty) {
        // Concurrent readers of this process share one refresh (each would hold a connection waiting for the lock).
        let running = inFlight.get(name);
        if (!running) {
          running = service.refreshSource(name).finally(() => inFlight.delete(name));
          inFlight.set(name, running);
        }
        await running;
      }
      return true;
    },
  };
  return service;
};

export type RollupsService = ReturnType<typeof createRollupsService>;
