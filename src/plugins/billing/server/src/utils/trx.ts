import type { Core } from '@strapi/strapi';

/** The knex transaction `strapi.db.transaction(({ trx }) => ...)` hands out; raw SQL must use it explicitly. */
export type Trx = Core.Strapi['db']['connection'];
