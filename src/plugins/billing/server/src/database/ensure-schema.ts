import type { Core } from '@strapi/strapi';

/**
 * Small tables beside the content types: per-account monthly invoice sequences (an atomic
 * upsert hands out numbers without gaps under concurrency) and the idempotency record of tenant
 * requests that create invoices or payments, and monthly plan-limit counters. Idempotent; runs at every boot.
 */
const DDL = [
  `CREATE TABLE IF NOT EXISTS billing_invoice_sequences (
     account_id integer NOT NULL,
     period char(6) NOT NULL,
     last integer NOT NULL,
     PRIMARY KEY (account_id, period)
   )`,
  `CREATE TABLE IF NOT EXISTS billing_requests (
     account_id integer NOT NULL,
     idempotency_key varchar(255) NOT NULL,
     request_hash char(64) NOT NULL,
     response jsonb,
     created_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (account_id, idempotency_key)
   )`,
  `CREATE TABLE IF NOT EXISTS plan_limit_usage (
     account_id integer NOT NULL,
     period_start date NOT NULL,
     metric varchar(64) NOT NULL,
     used bigint NOT NULL CHECK (used >= 0),
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (account_id, period_start, metric)
   )`,
];

export const ensureSchema = async (strapi: Core.Strapi) => {
  for (const statement of DDL) await strapi.db.connection.raw(statement);
};
