import type { Core } from '@strapi/strapi';

/**
 * PostgreSQL only. `DATABASE_URL` wins; the launch scripts (`npm run develop`, `npm start`,
 * `npm run worker`, the test harness, the bench) start an embedded PostgreSQL and set it when none is given.
 */
export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const url = env('DATABASE_URL');
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Start the app with `npm run develop` (it starts an embedded PostgreSQL), ' +
        'or set DATABASE_URL=postgres://user:pass@host:5432/db.'
    );
  }
  const ssl = env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false;
  return {
    connection: {
      client: 'postgres',
      // Strapi's type lists host/port fields; pg's connectionString form is accepted at runtime.
      connection: { connectionString: url, ssl } as any,
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
