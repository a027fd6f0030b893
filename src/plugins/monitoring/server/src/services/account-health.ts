import type { Core } from '@strapi/strapi';
import { scoreAccount, type AccountFacts, type AccountHealth } from '../domain/account-health';

const ACCOUNT = 'api::account.account';
const CONTENT = 'api::content.content';
const INVOICE = 'plugin::billing.invoice';
const PAYMENT = 'plugin::billing.payment';
const SUBSCRIPTION = 'api::subscription.subscription';
const SYNC_EVENT = 'plugin::publishing.sync-event';

export type AccountHealthRow = AccountHealth & { accountId: number; facts: AccountFacts };

/**
 * Gathers each account's facts in one query per source for a whole page of accounts (the list view asks
 * for up to 100 at once), then scores them with the pure `domain/account-health.ts`. Sources of plugins
 * that are not installed count as zero.
 */
export const createAccountHealthService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const has = (uid: string) => Boolean(strapi.contentTypes[uid as keyof typeof strapi.contentTypes]);
  const meta = (uid: string) => strapi.db.metadata.get(uid as any) as any;
  const live = (uid: string, alias: string) => (meta(uid).attributes.deletedAt ? ` AND ${alias}.deleted_at IS NULL` : '');
  const tableExists = async (name: string) => Boolean((await knex().raw('SELECT to_regclass(?) AS t', [name])).rows[0].t);

  /** Rows of `uid` per account (through its `account` link table) matching `where` (on alias `r`). */
  const countByAccount = async (uid: string, ids: number[], where: string): Promise<Map<number, number>> => {
    if (!has(uid)) return new Map();
    const jt = meta(uid).attributes.account.joinTable;
    const { rows } = await knex().raw(
      `SELECT l.${jt.inverseJoinColumn.name} AS account_id, count(*)::int AS n
         FROM ${jt.name} l JOIN ${meta(uid).tableName} r ON r.id = l.${jt.joinColumn.name}
        WHERE l.${jt.inverseJoinColumn.name} = ANY(?) AND ${where}${live(uid, 'r')}
        GROUP BY 1`,
      [ids]
    );
    return new Map(rows.map((r: any) => [Number(r.account_id), r.n]));
  };

  async function forAccounts(ids: number[]): Promise<AccountHealthRow[]> {
    if (!ids.length) return [];
    const threshold = Number(strapi.config.get('plugin::credits.defaultLowBalanceThreshold', 500));
    const settings = await tableExists('credit_alert_settings');
    const accounts = await knex().raw(
      `SELECT a.id, a.status, COALESCE(a.plan_credits, 0) + COALESCE(a.bonus_credits, 0) - COALESCE(a.held_credits, 0) AS available,
              ${settings ? 'COALESCE(s.low_balance_threshold, ?)' : '?::int'} AS threshold
         FROM ${meta(ACCOUNT).tableName} a ${settings ? 'LEFT JOIN credit_alert_settings s ON s.account_id = a.id' : ''}
        WHERE a.id = ANY(?)${live(ACCOUNT, 'a')} ORDER BY a.id`,
      [threshold, ids]
    );
    const usage = (await tableExists('credit_usage_logs'))
      ? (
          await knex().raw(
            `SELECT account_id, COALESCE(SUM(credits) FILTER (WHERE created_at >= now() - interval '7 days'), 0)::int AS d7, SUM(credits)::int AS d30
               FROM credit_usage_logs WHERE account_id = ANY(?) AND created_at >= now() - interval '30 days' GROUP BY 1`,
            [ids]
          )
        ).rows
      : [];
    const used = new Map<number, { d7: number; d30: number }>(usage.map((r: any) => [Number(r.account_id), r]));
    const [overdue, failedPayments, pastDue, content, failedSyncs] = await Promise.all([
      countByAccount(INVOICE, ids, `r.status = 'pending' AND r.due_date < current_date`),
      countByAccount(PAYMENT, ids, `r.status = 'failed' AND r.created_at >= now() - interval '30 days'`),
      countByAccount(SUBSCRIPTION, ids, `r.status = 'past_due'`),
      countByAccount(CONTENT, ids, `r.created_at >= now() - interval '30 days'`),
      countByAccount(SYNC_EVENT, ids, `r.success = false AND r.action <> 'test' AND r.created_at >= now() - interval '7 days'`),
    ]);
    return accounts.rows.map((a: any) => {
      const id = Number(a.id);
      const facts: AccountFacts = {
        status: a.status,
        availableCredits: Number(a.available),
        lowBalanceThreshold: Number(a.threshold),
        creditsUsed7d: used.get(id)?.d7 ?? 0,
        creditsUsed30d: used.get(id)?.d30 ?? 0,
        overdueInvoices: overdue.get(id) ?? 0,
        failedPayments30d: failedPayments.get(id) ?? 0,
        pastDue: (pastDue.get(id) ?? 0) > 0,
        content30d: content.get(id) ?? 0,
        failedSyncs7d: failedSyncs.get(id) ?? 0,
      };
      return { accountId: id, ...scoreAccount(facts), facts };
    });
  }

  return {
    forAccounts,
    /** Accepts the documentId the admin's edit view knows, or the numeric id. */
    async forAccount(idOrDocumentId: number | string): Promise<AccountHealthRow | null> {
      const id = typeof idOrDocumentId === 'number'
        ? idOrDocumentId
        : (await strapi.db.query(ACCOUNT as any).findOne({ where: { documentId: idOrDocumentId }, select: ['id'] }))?.id;
      if (!id) return null;
      return (await forAccounts([id]))[0] ?? null;
    },
  };
};

export type AccountHealthService = ReturnType<typeof createAccountHealthService>;
