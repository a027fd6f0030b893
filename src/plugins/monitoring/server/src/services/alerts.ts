import type { Core } from '@strapi/strapi';
import { diffAlerts, type AlertCondition } from '../domain/alert-state';
import type { AlertRule } from '../domain/registry-types';
import { isWorse } from '../domain/status';
import { getConfig } from '../utils/config';
import { getService } from '../utils/get-service';

const PAYMENT = 'plugin::billing.payment';

/** The built-in rules: pending payments, low-credit accounts (with burn-rate forecast), unhealthy components. */
const builtinRules = (strapi: Core.Strapi): AlertRule[] => {
  const config = () => getConfig(strapi).alerts;
  const knex = () => strapi.db.connection;
  const rules: AlertRule[] = [];

  if (strapi.contentTypes[PAYMENT as keyof typeof strapi.contentTypes]) {
    rules.push({
      id: 'pending-payments',
      description: 'Manual payments waiting for approval',
      async evaluate() {
        const table = strapi.db.metadata.get(PAYMENT as any).tableName;
        const { rows } = await knex().raw(
          `SELECT count(*)::int AS count, COALESCE(SUM(amount), 0)::float8 AS amount, MIN(created_at) AS oldest FROM ${table}
            WHERE status = 'pending_approval' AND created_at <= now() - make_interval(hours => ?)`,
          [config().pendingPaymentsOlderThanHours]
        );
        const { count, amount, oldest } = rows[0];
        if (!count) return [];
        return [
          {
            key: 'pending-payments',
            rule: 'pending-payments',
            severity: 'warning',
            title: `${count} payment(s) waiting for approval`,
            message: `${count} manual payment(s) totalling ${amount.toFixed(2)} wait for approval; the oldest since ${new Date(oldest).toISOString()}.`,
            link: '/admin/content-manager/collection-types/plugin::billing.payment?filters[$and][0][status][$eq]=pending_approval',
            details: { count, amount, oldest },
          },
        ];
      },
    });
  }

  if (strapi.plugin('credits')) {
    rules.push({
      id: 'low-credit',
      description: 'Accounts under their low-balance threshold, or running out within N days at their 7-day burn rate',
      async evaluate() {
        const credits = strapi.plugin('credits').service('alerts') as any;
        const days = config().lowCreditDays;
        const low: Array<{ id: number; name: string }> = await credits.lowBalanceAccounts(200);
        // Accounts above their threshold whose recent spending empties them within `days`.
        const { rows: soon } = await knex().raw(
          `WITH burn AS (SELECT account_id, -SUM(amount)::float8 / 7 AS per_day FROM credit_transactions
                          WHERE type = 'deduction' AND created_at >= now() - interval '7 days' GROUP BY account_id)
           SELECT a.id, a.name FROM accounts a JOIN burn b ON b.account_id = a.id
            WHERE a.deleted_at IS NULL AND b.per_day > 0 AND (a.plan_credits + a.bonus_credits - a.held_credits) / b.per_day <= ?
            LIMIT 200`,
          [days]
        );
        const candidates = new Map<number, string>([...low, ...soon].map((a: any) => [Number(a.id), a.name]));
        const out: AlertCondition[] = [];
        for (const [id, name] of candidates) {
          const f = await credits.forecast(id);
          const runsOutSoon = f.daysUntilEmpty !== null && f.daysUntilEmpty <= days;
          if (!f.lowBalance && !runsOutSoon) continue;
          const when = f.daysUntilEmpty === null ? 'no recent usage' : `runs out in ${f.daysUntilEmpty} day(s) at ${f.perDay}/day`;
          out.push({
            key: `low-credit:${id}`,
            rule: 'low-credit',
            severity: f.available <= 0 || (f.daysUntilEmpty !== null && f.daysUntilEmpty <= 1) ? 'critical' : 'warning',
            title: `Low credits: ${name}`,
            message: `${name} has ${f.available} credits available (threshold ${f.threshold}); ${when}.`,
            link: `/admin/content-manager/collection-types/api::account.account?filters[$and][0][id][$eq]=${id}`,
            details: { accountId: id, name, ...f },
          });
        }
        return out;
      },
    });
  }

  rules.push({
    id: 'health',
    description: 'Components whose (hysteresis-stable) health status is at least the configured level',
    async evaluate() {
      const report = await getService(strapi, 'health').sample();
      const level = config().unhealthyStatus;
      return report.components
        .filter((c) => c.status === level || isWorse(c.status, level))
        .map((c) => ({
          key: `health:${c.id}`,
          rule: 'health',
          severity: c.status === 'red' ? 'critical' : 'warning',
          title: `${c.label} is ${c.status}`,
          message: c.summary,
          link: '/admin/plugins/monitoring',
          details: { component: c.id, status: c.status, since: c.since },
        }));
    },
  });
  return rules;
};

/**
 * Alert evaluation: every rule's current conditions against the state table. A new condition fires
 * (one digest email and one webhook call per evaluation, listing what fired), a persisting one is
 * updated quietly, a vanished one resolves. Rules that throw keep their conditions as they were.
 */
export const createAlertsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;

  const rules = () => [...builtinRules(strapi), ...getService(strapi, 'registry').alertRules()];

  async function notify(fired: AlertCondition[], resolved: string[]) {
    const config = getConfig(strapi).alerts;
    const result: { email?: string; webhook?: string } = {};
    if (fired.length && config.emailTo.length && strapi.plugin('email')) {
      const subject = fired.length === 1 ? `[IGNY8] ${fired[0].title}` : `[IGNY8] ${fired.length} new alerts`;
      const base = String(strapi.config.get('server.url') || '');
      const text = fired.map((a) => `- [${a.severity}] ${a.title}\n  ${a.message}${a.link ? `\n  ${base}${a.link}` : ''}`).join('\n\n');
      try {
        await strapi.plugin('email').service('email').send({ to: config.emailTo.join(','), subject, text: `New alerts:\n\n${text}\n` });
        result.email = 'sent';
      } catch (error) {
        result.email = `failed: ${(error as Error).message}`;
        strapi.log.warn(`[monitoring] alert email failed: ${(error as Error).message}`);
      }
    }
    if ((fired.length || resolved.length) && config.webhookUrl) {
      try {
        const response = await fetch(config.webhookUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ fired, resolved, at: new Date().toISOString() }),
          signal: AbortSignal.timeout(5000),
        });
        result.webhook = response.ok ? 'sent' : `failed: HTTP ${response.status}`;
      } catch (error) {
        result.webhook = `failed: ${(error as Error).message}`;
      }
      if (result.webhook !== 'sent') strapi.log.warn(`[monitoring] alert webhook ${result.webhook}`);
    }
    return result;
  }

  return {
    rules: () => rules().map(({ id, description }) => ({ id, description })),

    async evaluate() {
      const evaluated = new Set<string>();
      const current: AlertCondition[] = [];
      for (const rule of rules()) {
        try {
          current.push(...(await rule.evaluate()));
          evaluated.add(rule.id);
        } catch (error) {
          strapi.log.warn(`[monitoring] alert rule ${rule.id} failed: ${(error as Error).message}`);
        }
      }
      const { rows: active } = await knex().raw(`SELECT key, rule FROM monitoring_alerts WHERE status = 'active'`);
      const judged = active.filter((r: any) => evaluated.has(r.rule)).map((r: any) => r.key as string);
      const { fired, ongoing, cleared } = diffAlerts(judged, current);

      // The conditional upsert makes firing atomic across processes: only the caller that flips the row gets it back.
      const reallyFired: AlertCondition[] = [];
      for (const c of fired) {
        const { rows } = await knex().raw(
          `INSERT INTO monitoring_alerts AS t (key, rule, severity, title, message, link, details, status, fired_at, last_seen_at)
           VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, 'active', now(), now())
           ON CONFLICT (key) DO UPDATE SET rule = EXCLUDED.rule, severity = EXCLUDED.severity, title = EXCLUDED.title, message = EXCLUDED.message,
             link = EXCLUDED.link, details = EXCLUDED.details, status = 'active', fired_at = now(), last_seen_at = now(), resolved_at = NULL,
             fire_count = t.fire_count + 1, notified = NULL
           WHERE t.status = 'resolved'
           RETURNING key`,
          [c.key, c.rule, c.severity, c.title, c.message, c.link ?? null, JSON.stringify(c.details ?? {})]
        );
        if (rows.length) reallyFired.push(c);
      }
      for (const c of ongoing) {
        await knex().raw(
          `UPDATE monitoring_alerts SET severity = ?, title = ?, message = ?, details = ?::jsonb, last_seen_at = now() WHERE key = ? AND status = 'active'`,
          [c.severity, c.title, c.message, JSON.stringify(c.details ?? {}), c.key]
        );
      }
      let resolved: string[] = [];
      if (cleared.length) {
        const { rows } = await knex().raw(
          `UPDATE monitoring_alerts SET status = 'resolved', resolved_at = now() WHERE status = 'active' AND key = ANY(?) RETURNING key`,
          [cleared]
        );
        resolved = rows.map((r: any) => r.key);
      }
      const notified = await notify(reallyFired, resolved);
      if (reallyFired.length) {
        await knex().raw(`UPDATE monitoring_alerts SET notified = ?::jsonb WHERE key = ANY(?)`, [JSON.stringify(notified), reallyFired.map((c) => c.key)]);
      }
      return { fired: reallyFired.map((c) => c.key), ongoing: ongoing.map((c) => c.key), resolved, notified, failedRules: rules().map((r) => r.id).filter((id) => !evaluated.has(id)) };
    },

    async list(options: { status?: 'active' | 'resolved'; limit?: number } = {}) {
      const { rows } = await knex().raw(
        `SELECT key, rule, severity, title, message, link, details, status, fired_at AS "firedAt", last_seen_at AS "lastSeenAt",
                resolved_at AS "resolvedAt", fire_count AS "fireCount", notified
           FROM monitoring_alerts WHERE (?::text IS NULL OR status = ?)
          ORDER BY (status = 'active') DESC, CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, fired_at DESC LIMIT ?`,
        [options.status ?? null, options.status ?? null, options.limit ?? 100]
      );
      // Strapi's pg setup leaves jsonb as text.
      const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
      return rows.map((r: any) => ({ ...r, details: json(r.details), notified: json(r.notified) }));
    },
  };
};

export type AlertsService = ReturnType<typeof createAlertsService>;
