import type { Core } from '@strapi/strapi';
import { LEDGER_FUNCTIONS } from './ledger-functions';

/**
 * The ledger lives in plain tables, not Strapi content types: it is written by single SQL statements
 * on the hot path, protected by constraints and triggers, and never edited through the Content
 * Manager. Balances stay on the `accounts` row (plan_credits, bonus_credits, held_credits), where
 * staff and tenants already see them. Idempotent; runs at every boot after Strapi's schema sync.
 *
 * No foreign key to accounts on purpose: the ledger outlives a purged account.
 */
/**
 * The ledger row's rules as domains rather than table CHECK constraints. Same rules, enforced on every
 * write whoever writes; but PostgreSQL reads and plans a table's CHECK expressions again for every
 * INSERT statement (from their stored text), which was about 14% of a debit's work inside the database,
 * while a domain's check is planned once per session and kept in the type cache.
 */
const DOMAINS: Array<[name: string, definition: string]> = [
  ['credit_pool', `varchar(5) CHECK (VALUE IN ('plan', 'bonus'))`],
  ['credit_amount', 'integer CHECK (VALUE <> 0)'],
  ['credit_balance', 'integer CHECK (VALUE >= 0)'],
  ['credit_transaction_type', `varchar(16) CHECK (VALUE IN ('purchase', 'subscription', 'refund', 'deduction', 'adjustment', 'expiry'))`],
];

/** credit_transactions columns and their domains; tables created before the domains are converted. */
const DOMAIN_COLUMNS: Array<[column: string, domain: string, oldCheck: string]> = [
  ['pool', 'credit_pool', 'credit_transactions_pool_check'],
  ['amount', 'credit_amount', 'credit_transactions_amount_check'],
  ['balance_after', 'credit_balance', 'credit_transactions_balance_after_check'],
  ['type', 'credit_transaction_type', 'credit_transactions_type_check'],
];

const DDL = [
  ...DOMAINS.map(
    ([name, definition]) => `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = '${name}' AND typnamespace = current_schema()::regnamespace) THEN
         CREATE DOMAIN ${name} AS ${definition};
       END IF;
     END $$`
  ),
  `CREATE TABLE IF NOT EXISTS credit_operations (
     id bigserial PRIMARY KEY,
     account_id integer NOT NULL,
     idempotency_key varchar(255) NOT NULL,
     kind varchar(16) NOT NULL,
     request_hash char(64) NOT NULL,
     result jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT credit_operations_key UNIQUE (account_id, idempotency_key)
   )`,
  `CREATE TABLE IF NOT EXISTS credit_transactions (
     id bigserial PRIMARY KEY,
     account_id integer NOT NULL,
     operation_id bigint NOT NULL REFERENCES credit_operations(id),
     pool credit_pool NOT NULL,
     amount credit_amount NOT NULL,
     balance_after credit_balance NOT NULL,
     type credit_transaction_type NOT NULL,
     reason text,
     reference_type varchar(32),
     reference_id varchar(64),
     actor varchar(128),
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS credit_transactions_account ON credit_transactions (account_id, id DESC)`,
  // A table created with CHECK constraints: same type underneath, so no rewrite; the domains' checks
  // are verified against the existing rows, then the old constraints go.
  ...DOMAIN_COLUMNS.map(
    ([column, domain, oldCheck]) => `DO $$ BEGIN
       IF (SELECT atttypid FROM pg_attribute WHERE attrelid = 'credit_transactions'::regclass AND attname = '${column}') <> '${domain}'::regtype THEN
         ALTER TABLE credit_transactions ALTER COLUMN ${column} TYPE ${domain};
       END IF;
       ALTER TABLE credit_transactions DROP CONSTRAINT IF EXISTS ${oldCheck};
     END $$`
  ),
  `CREATE TABLE IF NOT EXISTS credit_holds (
     id bigserial PRIMARY KEY,
     account_id integer NOT NULL,
     amount integer NOT NULL CHECK (amount > 0),
     status varchar(10) NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'captured', 'released', 'expired')),
     captured integer CHECK (captured >= 0),
     operation varchar(64),
     reference_type varchar(32),
     reference_id varchar(64),
     expires_at timestamptz NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     settled_at timestamptz
   )`,
  `CREATE INDEX IF NOT EXISTS credit_holds_open ON credit_holds (expires_at) WHERE status = 'held'`,
  `CREATE INDEX IF NOT EXISTS credit_holds_account ON credit_holds (account_id, id DESC)`,
  `CREATE TABLE IF NOT EXISTS credit_usage_logs (
     id bigserial PRIMARY KEY,
     account_id integer NOT NULL,
     operation varchar(64) NOT NULL,
     credits integer NOT NULL CHECK (credits >= 0),
     usd_cost numeric(14, 6) NOT NULL DEFAULT 0,
     provider varchar(32),
     model varchar(128),
     input_tokens integer,
     output_tokens integer,
     key_source varchar(8) CHECK (key_source IN ('platform', 'account')),
     record_type varchar(64),
     record_id varchar(64),
     hold_id bigint,
     duration_ms integer,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS credit_usage_logs_account ON credit_usage_logs (account_id, created_at DESC)`,
  `CREATE TABLE IF NOT EXISTS credit_alert_settings (
     account_id integer PRIMARY KEY,
     low_balance_threshold integer NOT NULL CHECK (low_balance_threshold >= 0),
     updated_at timestamptz NOT NULL DEFAULT now()
   )`,
  // Append-only, enforced by the database: a reversal is a new row.
  `CREATE OR REPLACE FUNCTION credit_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'credit ledger table % is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `DROP TRIGGER IF EXISTS credit_transactions_append_only ON credit_transactions`,
  `CREATE TRIGGER credit_transactions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON credit_transactions
     FOR EACH STATEMENT EXECUTE FUNCTION credit_ledger_append_only()`,
  `DROP TRIGGER IF EXISTS credit_operations_append_only ON credit_operations`,
  `CREATE TRIGGER credit_operations_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON credit_operations
     FOR EACH STATEMENT EXECUTE FUNCTION credit_ledger_append_only()`,
  // Balances can never go negative, whoever writes them.
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'accounts_credits_non_negative') THEN
       ALTER TABLE accounts ADD CONSTRAINT accounts_credits_non_negative
         CHECK (plan_credits >= 0 AND bonus_credits >= 0 AND held_credits >= 0);
     END IF;
   END $$`,
];

export const ensureSchema = async (strapi: Core.Strapi) => {
  const knex = strapi.db.connection;
  // Rows Strapi created before held_credits existed (or with a null default) count as zero.
  await knex.raw('UPDATE accounts SET plan_credits = COALESCE(plan_credits, 0), bonus_credits = COALESCE(bonus_credits, 0), held_credits = COALESCE(held_credits, 0) WHERE plan_credits IS NULL OR bonus_credits IS NULL OR held_credits IS NULL');
  // The API and the workers boot at the same time; concurrent CREATE OR REPLACE FUNCTION (or DROP and
  // CREATE TRIGGER) on the same object fails with "tuple concurrently updated", so one boot at a time.
  await knex.transaction(async (trx) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('credits.ensure-schema'))`);
    for (const statement of [...DDL, ...LEDGER_FUNCTIONS]) await trx.raw(statement);
  });
};
