import type { Core } from '@strapi/strapi';
import { ACCOUNT_UID } from './domain/constants';

/**
 * Database backstop for "the system account cannot be deleted or soft-deleted": a trigger refuses it
 * whatever path the write takes (Document Service, Query Engine, raw SQL from a bulk action). The
 * Document Service middleware refuses it earlier with a readable 403; this catches everything else.
 */
export const protectSystemAccount = async (strapi: Core.Strapi) => {
  const table = strapi.db.metadata.get(ACCOUNT_UID).tableName;
  await strapi.db.connection.raw(`
    CREATE OR REPLACE FUNCTION igny8_protect_system_account() RETURNS trigger AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'The system account cannot be deleted' USING ERRCODE = 'P0001';
      END IF;
      IF NEW.deleted_at IS NOT NULL OR NEW.is_system IS DISTINCT FROM TRUE THEN
        RAISE EXCEPTION 'The system account cannot be soft-deleted or demoted' USING ERRCODE = 'P0001';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql;
    DROP TRIGGER IF EXISTS igny8_protect_system_account ON ??;
    CREATE TRIGGER igny8_protect_system_account BEFORE DELETE OR UPDATE ON ??
      FOR EACH ROW WHEN (OLD.is_system IS TRUE) EXECUTE FUNCTION igny8_protect_system_account();
  `, [table, table]);
};
