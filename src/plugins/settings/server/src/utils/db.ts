import type { Core } from '@strapi/strapi';

/** The Query Engine for one of our types (plugin UIDs are not in the generated UID union). */
export const q = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as any) as any;
