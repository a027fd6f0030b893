import type { Core } from '@strapi/strapi';
import { forecast } from '../domain/forecast';
import { getService } from '../utils/get-service';

const WINDOW_DAYS = 7;

/** Inputs for alerts: low-balance thresholds per account and a burn-rate forecast. */
export const createAlertsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const defaultThreshold = () => Number(strapi.config.get('plugin::credits.defaultLowBalanceThreshold', 500));

  async function threshold(accountId: number): Promise<number> {
    const { rows } = await knex().raw('SELECT low_balance_threshold FROM credit_alert_settings WHERE account_id = ?', [accountId]);
    return rows[0] ? Number(rows[0].low_balance_threshold) : defaultThreshold();
  }

  return {
    threshold,

    async setThreshold(accountId: number, value: number) {
      await knex().raw(
        `INSERT INTO credit_alert_settings (account_id, low_balance_threshold) VALUES (?, ?)
         ON CONFLICT (account_id) DO UPDATE SET low_balance_threshold = EXCLUDED.low_balance_threshold, updated_at = now()`,
        [accountId, value]
      );
    },

    /** Credits spent per day over the last 7 days and the days until the available balance runs out. */
    async forecast(accountId: number) {
      const { rows } = await knex().raw(
        `SELECT date_trunc('day', created_at) AS day, -SUM(amount)::bigint AS spent
           FROM credit_transactions
          WHERE account_id = ? AND type = 'deduction' AND created_at >= now() - make_interval(days => ?)
          GROUP BY 1`,
        [accountId, WINDOW_DAYS]
      );
      const balance = await getService(strapi, 'ledger').balance(accountId);
      return forecast(rows.map((r: any) => Number(r.spent)), balance.available, await threshold(accountId), WINDOW_DAYS);
    },

    /** Accounts whose available credits are under their threshold, lowest first (for monitoring). */
    async lowBalanceAccounts(limit = 100) {
      const { rows } = await knex().raw(
        `SELECT a.id, a.document_id AS "documentId", a.name, a.plan_credits + a.bonus_credits - a.held_credits AS available,
                COALESCE(s.low_balance_threshold, ?) AS threshold
           FROM accounts a LEFT JOIN credit_alert_settings s ON s.account_id = a.id
          WHERE a.deleted_at IS NULL AND a.plan_credits + a.bonus_credits - a.held_credits < COALESCE(s.low_balance_threshold, ?)
          ORDER BY available ASC LIMIT ?`,
        [defaultThreshold(), defaultThreshold(), limit]
      );
      return rows.map((r: any) => ({ ...r, available: Number(r.available), threshold: Number(r.threshold) }));
    },
  };
};

export type AlertsService = ReturnType<typeof createAlertsService>;
