import type { Core } from '@strapi/strapi';
import { isScoped, isTenantOwned, tenantOwnedUids, systemManagedFields, type ContentTypeLike, type SchemaLookup } from '../domain/schema';

/** Schema questions the tenancy rules ask, answered from Strapi's registry and memoised per uid. */
export const createSchemaService = ({ strapi }: { strapi: Core.Strapi }) => {
  // getModel, not strapi.contentTypes[uid]: the latter copies the whole registry on every access.
  const lookup: SchemaLookup = (uid) => strapi.getModel(uid as any) as unknown as ContentTypeLike | undefined;
  const managed = new Map<string, string[]>();
  let owned: string[] | undefined;

  return {
    lookup,
    isScoped: (uid: string) => isScoped(lookup(uid)),
    isTenantOwned: (uid: string) => isTenantOwned(lookup(uid)),
    /** Every tenant-owned content type, discovered from the schema: a new type is covered by adding `account`. */
    tenantOwnedUids: () => (owned ??= tenantOwnedUids(Object.values(strapi.contentTypes) as unknown as ContentTypeLike[])),
    systemManagedFields(uid: string) {
      if (!managed.has(uid)) managed.set(uid, lookup(uid) ? systemManagedFields(lookup(uid)!) : []);
      return managed.get(uid)!;
    },
    /**
     * Physical names for direct SQL on a scoped type: its table and, for tenant-owned types, the link
     * table Strapi keeps the `account` relation in (`<table>_account_lnk`).
     */
    table(uid: string) {
      const meta = strapi.db.metadata.get(uid);
      const joinTable = (meta.attributes.account as any)?.joinTable;
      return {
        tableName: meta.tableName,
        link: joinTable
          ? { table: joinTable.name as string, ownerColumn: joinTable.joinColumn.name as string, accountColumn: joinTable.inverseJoinColumn.name as string }
          : undefined,
        softDeletes: 'deletedAt' in meta.attributes,
      };
    },
  };
};

export type SchemaService = ReturnType<typeof createSchemaService>;
