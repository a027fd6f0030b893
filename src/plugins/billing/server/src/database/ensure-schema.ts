import type { Core } from '@strapi/strapi';

/**
 * Two small tables beside the content types: per-account monthly invoice sequences (an atomic
 * upsert hands out numbers without gaps under concurrency) and the idempotency record of tenant
 * requests that create invoices or payments. Idempotent; runs at every boot.
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
];

export const ensureSchema = async (strapi: Core.Strapi) => {
  for (const statement of DDL) await strapi.db.connection.raw(statement);
};
