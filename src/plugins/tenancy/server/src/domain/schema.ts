import { ACCOUNT_FIELD, ACCOUNT_UID } from './constants';

/** The slice of a Strapi content-type schema the tenancy rules read. */
export interface AttributeLike {
  type: string;
  relation?: string;
  target?: string;
  multiple?: boolean;
  pluginOptions?: { tenancy?: { systemManaged?: boolean } };
}
export interface ContentTypeLike {
  uid: string;
  attributes: Record<string, AttributeLike>;
}
export type SchemaLookup = (uid: string) => ContentTypeLike | undefined;

/** A content type is tenant-owned when it has an `account` relation to Account. Nothing else to declare. */
export const isTenantOwned = (contentType: ContentTypeLike | undefined): boolean => {
  const attribute = contentType?.attributes[ACCOUNT_FIELD];
  return attribute?.type === 'relation' && attribute.target === ACCOUNT_UID;
};

/** Account itself is scoped too: a tenant sees its own account row and no other. */
export const isScoped = (contentType: ContentTypeLike | undefined): boolean =>
  contentType?.uid === ACCOUNT_UID || isTenantOwned(contentType);

export const tenantOwnedUids = (contentTypes: ContentTypeLike[]): string[] =>
  contentTypes.filter(isTenantOwned).map((ct) => ct.uid).sort();

/** Fields tenants may never write: the account stamp, plus any attribute marked `systemManaged`. */
export const systemManagedFields = (contentType: ContentTypeLike): string[] =>
  Object.entries(contentType.attributes)
    .filter(([name, attribute]) => name === ACCOUNT_FIELD || attribute.pluginOptions?.tenancy?.systemManaged === true)
    .map(([name]) => name);

export const isRelation = (attribute: AttributeLike | undefined) => attribute?.type === 'relation' && !!attribute.target;
export const isMedia = (attribute: AttributeLike | undefined) => attribute?.type === 'media';
