import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';

const rand = () => randomBytes(4).toString('hex');

export interface TenantType {
  uid: string;
  pluralName: string;
  singularName: string;
  /** A free-text field tenants may write: what a test can change and check. */
  textField: string;
  /** manyToOne/oneToOne relations to other tenant-owned types (what populate and links reach). */
  relations: Array<{ field: string; target: string; toMany: boolean }>;
  /** `pluginOptions.tenancy.access: 'read'`: tenants read it, only staff and services write it. */
  readOnly: boolean;
}

const isTenantOwned = (ct: any) => ct?.attributes?.account?.type === 'relation' && ct.attributes.account.target === 'api::account.account';

/** Every tenant-owned type that tenants reach over REST, discovered from the schema. */
export const discoverTenantTypes = (strapi: Core.Strapi): TenantType[] =>
  (Object.values(strapi.contentTypes) as any[])
    .filter((ct) => ct.uid.startsWith('api::') && isTenantOwned(ct))
    .map((ct) => {
      const writable = Object.entries(ct.attributes).filter(([, a]: any) => ['string', 'text'].includes(a.type) && !a.pluginOptions?.tenancy?.systemManaged && !a.regex);
      const textField = (writable.find(([, a]: any) => a.required) ?? writable[0])?.[0] as string;
      const relations = Object.entries(ct.attributes)
        // Owning sides only: the inverse side of the same link is written and read through its owner.
        .filter(([name, a]: any) => name !== 'account' && name !== 'localizations' && a.type === 'relation' && !a.mappedBy && isTenantOwned(strapi.getModel(a.target)) && a.target !== 'plugin::users-permissions.user')
        .map(([field, a]: any) => ({ field, target: a.target, toMany: /Many$/.test(a.relation) }));
      const readOnly = ct.pluginOptions?.tenancy?.access === 'read';
      return { uid: ct.uid, pluralName: ct.info.pluralName, singularName: ct.info.singularName, textField, relations, readOnly };
    })
    .sort((a, b) => a.uid.localeCompare(b.uid));

/** Valid input for a tenant-owned type's required scalar fields, built from the schema. */
export const sampleData = (strapi: Core.Strapi, uid: string): Record<string, unknown> => {
  const ct: any = strapi.getModel(uid as any);
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(ct.attributes) as Array<[string, any]>) {
    if (!attribute.required || attribute.pluginOptions?.tenancy?.systemManaged) continue;
    if (attribute.type === 'string' || attribute.type === 'text') {
      if (name === 'domain') data[name] = `site-${rand()}.example.com`;
      else if (name === 'slug') data[name] = `slug-${rand()}`;
      else data[name] = `${name} ${rand()}`;
    } else if (attribute.type === 'uid') data[name] = `uid-${rand()}`;
    else if (attribute.type === 'enumeration') data[name] = attribute.enum[0];
    else if (attribute.type === 'integer') data[name] = 1;
  }
  return data;
};
