import type { Core } from '@strapi/strapi';

/**
 * A counter PostgreSQL bumps on every write to the admin permission table (statement trigger), so a
 * process can tell in one tiny read whether any role's permissions changed since it built an ability,
 * whichever process (or SQL session) made the change.
 */
const DDL = (permissions: string) => [
  `CREATE TABLE IF NOT EXISTS staff_permission_version (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)`,
  `INSERT INTO staff_permission_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING`,
  `CREATE OR REPLACE FUNCTION staff_bump_permission_version() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN UPDATE staff_permission_version SET version = version + 1 WHERE id = 1; RETURN NULL; END $$`,
  `CREATE OR REPLACE TRIGGER staff_permission_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${permissions}"
     FOR EACH STATEMENT EXECUTE FUNCTION staff_bump_permission_version()`,
];

export const ensurePermissionVersion = async (strapi: Core.Strapi) => {
  const table = (strapi.db.metadata.get('admin::permission') as any).tableName as string;
  await strapi.db.connection.transaction(async (trx) => {
    // Processes booting together must not interleave the DDL.
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('staff.permission-version'))`);
    for (const sql of DDL(table)) await trx.raw(sql);
  });
};

export const readPermissionVersion = async (strapi: Core.Strapi): Promise<string> => {
  const { rows } = await strapi.db.connection.raw('SELECT version FROM staff_permission_version WHERE id = 1');
  return String(rows[0]?.version ?? 0);
};
