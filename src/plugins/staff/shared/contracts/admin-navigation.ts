/**
 * GET /staff/navigation: the admin's content types grouped after seed 002's sidebar proposal.
 * Shared by the server route and the admin page.
 */
export namespace GetNavigation {
  export interface ContentTypeEntry {
    uid: string;
    displayName: string;
    kind: 'collectionType' | 'singleType';
    /** Documents in the Content Manager's default view (drafts for draft-and-publish types; soft-deleted hidden). */
    count: number;
    /** URL path of the Content Manager list (or single-type edit) view, under the default `/admin`. */
    href: string;
    /** The same view as an admin-router path (independent of where the admin panel is mounted). */
    to: string;
  }

  export interface Group {
    /** The `pluginOptions['admin-groups'].group` value, or `other` for types that declare none. */
    id: string;
    label: string;
    contentTypes: ContentTypeEntry[];
  }

  export interface Response {
    data: { groups: Group[] };
  }
}
